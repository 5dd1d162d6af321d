// Survey-level figures for the home page.
import { asc, count, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";

export async function surveySummaries(db: Database) {
  const surveys = await db.select().from(t.surveys).orderBy(asc(t.surveys.year));
  const counts = await db
    .select({
      surveyKey: t.occupations.surveyKey,
      total: count(),
      hard: sql<number>`count(*) filter (where ${t.occupations.difficulty} = 'hard')`.mapWith(Number),
      overseas: sql<number>`count(*) filter (where ${t.occupations.overseasNeeded})`.mapWith(Number),
    })
    .from(t.occupations)
    .groupBy(t.occupations.surveyKey);
  const flat = await db
    .select({ surveyKey: t.forecasts.surveyKey, year: t.forecasts.year, newDemand: t.forecasts.newDemand })
    .from(t.forecasts)
    .where(eq(t.forecasts.scenario, "flat"))
    .orderBy(asc(t.forecasts.year));
  return surveys.map((s) => {
    const c = counts.find((x) => x.surveyKey === s.key);
    return {
      ...s,
      occupationCount: c?.total ?? 0,
      hardCount: c?.hard ?? 0,
      overseasCount: c?.overseas ?? 0,
      flatDemand: flat.filter((f) => f.surveyKey === s.key).map(({ year, newDemand }) => ({ year, newDemand })),
    };
  });
}
