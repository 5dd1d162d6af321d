// Which records belong in each index, by the same rules the loaders use. The full rebuild reads
// the ids first and loads documents in pages; the start-up check compares the counts with the index.
import { and, asc, count, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import type { IndexName } from "../indexes";

const positionsQualify = and(eq(t.positions.status, "published"), eq(t.organisations.approval, "approved"));
const talentsQualify = eq(t.talentProfiles.visibility, "approved_companies");
const programmesQualify = eq(t.programmes.status, "published");

export const qualifyingIds: Record<IndexName, (db: Database) => Promise<string[]>> = {
  occupations: async (db) => (await db.select({ id: t.occupations.id }).from(t.occupations).orderBy(asc(t.occupations.id))).map((r) => r.id),
  skills: async (db) => (await db.select({ id: t.skills.key }).from(t.skills).orderBy(asc(t.skills.key))).map((r) => r.id),
  programmes: async (db) => (await db.select({ id: t.programmes.id }).from(t.programmes).where(programmesQualify).orderBy(asc(t.programmes.id))).map((r) => r.id),
  positions: async (db) =>
    (
      await db
        .select({ id: t.positions.id })
        .from(t.positions)
        .innerJoin(t.organisations, eq(t.organisations.id, t.positions.organisationId))
        .where(positionsQualify)
        .orderBy(asc(t.positions.id))
    ).map((r) => r.id),
  talents: async (db) => (await db.select({ id: t.talentProfiles.userId }).from(t.talentProfiles).where(talentsQualify).orderBy(asc(t.talentProfiles.userId))).map((r) => r.id),
};

export async function expectedDocumentCounts(db: Database): Promise<Record<IndexName, number>> {
  const n = async (query: Promise<{ n: number }[]>) => (await query)[0]?.n ?? 0;
  return {
    occupations: await n(db.select({ n: count() }).from(t.occupations)),
    skills: await n(db.select({ n: count() }).from(t.skills)),
    programmes: await n(db.select({ n: count() }).from(t.programmes).where(programmesQualify)),
    positions: await n(
      db.select({ n: count() }).from(t.positions).innerJoin(t.organisations, eq(t.organisations.id, t.positions.organisationId)).where(positionsQualify),
    ),
    talents: await n(db.select({ n: count() }).from(t.talentProfiles).where(talentsQualify)),
  };
}
