// Forecast rows as the public API shows them: the report's figures, null where it gives none.
import { asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";

type ForecastRecord = typeof t.forecasts.$inferSelect;

export interface ApiForecastRow {
  survey: string;
  year: number;
  scenario: ForecastRecord["scenario"];
  newDemand: number;
  sharePct: number | null;
  employment: number | null;
  revenue: number | null;
}

/** The database's enum order, which is also the order the reports print the scenarios in. */
const scenarioOrder: Record<ForecastRecord["scenario"], number> = { optimistic: 0, flat: 1, conservative: 2 };

export const toApiForecastRow = (row: ForecastRecord): ApiForecastRow => ({
  survey: row.surveyKey,
  year: row.year,
  scenario: row.scenario,
  newDemand: row.newDemand,
  sharePct: row.newDemandSharePct ?? null,
  employment: row.employment ?? null,
  revenue: row.revenueHundredMillionNtd ?? null,
});

export const byYearAndScenario = (a: ForecastRecord, b: ForecastRecord) =>
  a.year - b.year || scenarioOrder[a.scenario] - scenarioOrder[b.scenario];

/** Every forecast row of every survey: by survey year, then forecast year, then scenario. */
export async function allForecastRows(db: Database): Promise<ApiForecastRow[]> {
  const rows = await db
    .select({ forecast: t.forecasts })
    .from(t.forecasts)
    .innerJoin(t.surveys, eq(t.surveys.key, t.forecasts.surveyKey))
    .orderBy(asc(t.surveys.year), asc(t.forecasts.surveyKey), asc(t.forecasts.year), asc(t.forecasts.scenario));
  return rows.map((r) => toApiForecastRow(r.forecast));
}
