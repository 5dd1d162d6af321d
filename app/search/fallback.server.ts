// When Meilisearch cannot answer, search still returns something useful from Postgres: plain
// substring matches on occupations and programmes, clearly marked as degraded.
import { and, asc, eq, ilike, or, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import type { KindResult } from "./everything.server";

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function fallbackSearch(db: Database, q: string, limit: number): Promise<KindResult[]> {
  const pattern = `%${escapeLike(q)}%`;
  const occupationMatch: SQL | undefined = q
    ? or(ilike(t.occupations.titleZh, pattern), ilike(t.occupations.titleEn, pattern), ilike(t.occupations.code, pattern), ilike(t.occupations.descriptionZh, pattern), ilike(t.occupations.descriptionEn, pattern))
    : undefined;
  const occupations = await db
    .select({ id: t.occupations.id, surveyKey: t.occupations.surveyKey, code: t.occupations.code, titleZh: t.occupations.titleZh, titleEn: t.occupations.titleEn, difficulty: t.occupations.difficulty, overseasNeeded: t.occupations.overseasNeeded })
    .from(t.occupations)
    .where(occupationMatch)
    .orderBy(asc(t.occupations.surveyKey), asc(t.occupations.tableOrder))
    .limit(limit);
  const programmeMatch = q ? or(ilike(t.programmes.titleZh, pattern), ilike(t.programmes.titleEn, pattern), ilike(t.programmes.summaryZh, pattern), ilike(t.programmes.summaryEn, pattern)) : undefined;
  const programmes = await db
    .select({ id: t.programmes.id, key: t.programmes.key, type: t.programmes.type, titleZh: t.programmes.titleZh, titleEn: t.programmes.titleEn })
    .from(t.programmes)
    .where(and(eq(t.programmes.status, "published"), programmeMatch))
    .limit(limit);
  return [
    { kind: "occupations", total: occupations.length, hits: occupations },
    { kind: "skills", total: 0, hits: [] },
    { kind: "programmes", total: programmes.length, hits: programmes },
    { kind: "positions", total: 0, hits: [] },
  ];
}
