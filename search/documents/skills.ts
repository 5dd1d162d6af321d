import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import type { SearchDocument } from ".";
import { groupBy } from "./group";

export async function skillDocuments(db: Database, ids?: string[]): Promise<SearchDocument[]> {
  const where: SQL[] = ids ? [inArray(t.skills.key, ids)] : [];
  const rows = await db.select().from(t.skills).where(and(...where));
  if (rows.length === 0) return [];
  const keys = rows.map((s) => s.key);
  const occupations = await db
    .selectDistinct({ skillKey: t.occupationSkills.skillKey, code: t.occupations.code })
    .from(t.occupationSkills)
    .innerJoin(t.occupations, eq(t.occupations.id, t.occupationSkills.occupationId))
    .where(inArray(t.occupationSkills.skillKey, keys));
  const programmes = await db
    .select({ skillKey: t.programmeSkills.skillKey, key: t.programmes.key })
    .from(t.programmeSkills)
    .innerJoin(t.programmes, eq(t.programmes.id, t.programmeSkills.programmeId))
    .where(and(inArray(t.programmeSkills.skillKey, keys), eq(t.programmes.status, "published")));
  const occupationsOf = groupBy(occupations, (o) => o.skillKey);
  const programmesOf = groupBy(programmes, (p) => p.skillKey);
  return rows.map((s) => {
    const codes = (occupationsOf.get(s.key) ?? []).map((o) => o.code).sort();
    return {
      id: s.key,
      kind: "skill",
      key: s.key,
      zh: s.zh,
      en: s.en,
      aliases: s.aliases,
      occupationCodes: codes,
      occupationCount: codes.length,
      programmeKeys: (programmesOf.get(s.key) ?? []).map((p) => p.key),
    };
  });
}
