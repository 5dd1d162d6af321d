// When Meilisearch cannot answer, search still returns something useful from Postgres: plain
// substring matches on occupations, skills, programmes and positions, clearly marked as degraded.
// Positions follow the index's rule (published, of an approved organisation), so a position published
// while Meilisearch is down is found here before the index has caught up.
import { and, asc, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import type { KindResult } from "./everything.server";

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function fallbackSearch(db: Database, q: string, limit: number): Promise<KindResult[]> {
  const pattern = `%${escapeLike(q)}%`;
  const matching = (...columns: Parameters<typeof ilike>[0][]): SQL | undefined => (q ? or(...columns.map((c) => ilike(c, pattern))) : undefined);

  const occupations = await db
    .select({ id: t.occupations.id, surveyKey: t.occupations.surveyKey, code: t.occupations.code, titleZh: t.occupations.titleZh, titleEn: t.occupations.titleEn, difficulty: t.occupations.difficulty, overseasNeeded: t.occupations.overseasNeeded })
    .from(t.occupations)
    .where(matching(t.occupations.titleZh, t.occupations.titleEn, t.occupations.code, t.occupations.descriptionZh, t.occupations.descriptionEn))
    .orderBy(asc(t.occupations.surveyKey), asc(t.occupations.tableOrder))
    .limit(limit);

  const aliasMatch = q ? sql`exists (select 1 from unnest(${t.skills.aliases}) as alias where alias ilike ${pattern})` : undefined;
  const skills = await db
    .select({ id: t.skills.key, key: t.skills.key, zh: t.skills.zh, en: t.skills.en })
    .from(t.skills)
    .where(q ? or(matching(t.skills.zh, t.skills.en, t.skills.key), aliasMatch) : undefined)
    .orderBy(asc(t.skills.key))
    .limit(limit);

  const programmes = await db
    .select({ id: t.programmes.id, key: t.programmes.key, type: t.programmes.type, titleZh: t.programmes.titleZh, titleEn: t.programmes.titleEn })
    .from(t.programmes)
    .where(and(eq(t.programmes.status, "published"), matching(t.programmes.titleZh, t.programmes.titleEn, t.programmes.summaryZh, t.programmes.summaryEn)))
    .limit(limit);

  const positions = await db
    .select({ id: t.positions.id, title: t.positions.title, city: t.positions.city, openToOverseas: t.positions.openToOverseas, organisationZh: t.organisations.nameZh, organisationEn: t.organisations.nameEn })
    .from(t.positions)
    .innerJoin(t.organisations, eq(t.organisations.id, t.positions.organisationId))
    .where(and(eq(t.positions.status, "published"), eq(t.organisations.approval, "approved"), matching(t.positions.title, t.positions.description, t.organisations.nameZh, t.organisations.nameEn)))
    .orderBy(desc(t.positions.publishedAt))
    .limit(limit);

  return [
    { kind: "occupations", total: occupations.length, hits: occupations },
    { kind: "skills", total: skills.length, hits: skills },
    { kind: "programmes", total: programmes.length, hits: programmes },
    { kind: "positions", total: positions.length, hits: positions },
  ];
}
