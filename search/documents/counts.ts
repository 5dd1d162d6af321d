// How many documents each index should hold, by the same rules the loaders use; a start-up check
// compares these with the index to notice a wiped or drifted index.
import { and, count, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import type { IndexName } from "../indexes";

export async function expectedDocumentCounts(db: Database): Promise<Record<IndexName, number>> {
  const n = async (query: Promise<{ n: number }[]>) => (await query)[0]?.n ?? 0;
  return {
    occupations: await n(db.select({ n: count() }).from(t.occupations)),
    skills: await n(db.select({ n: count() }).from(t.skills)),
    programmes: await n(db.select({ n: count() }).from(t.programmes).where(eq(t.programmes.status, "published"))),
    positions: await n(
      db
        .select({ n: count() })
        .from(t.positions)
        .innerJoin(t.organisations, eq(t.organisations.id, t.positions.organisationId))
        .where(and(eq(t.positions.status, "published"), eq(t.organisations.approval, "approved"))),
    ),
    talents: await n(db.select({ n: count() }).from(t.talentProfiles).where(eq(t.talentProfiles.visibility, "approved_companies"))),
  };
}
