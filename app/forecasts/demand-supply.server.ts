// Demand against supply for one survey: the survey's forecast new demand per year (one scenario),
// and the supply the portal sees per shortage occupation and year, from employment outcomes:
// completers of the PhD programme or a catalogue programme employed in that occupation, hires through
// the portal's positions (source portal_hire), and those hires whose nationality is not Taiwan.
// The surveys forecast demand for the industry as a whole, not per occupation, so the per-occupation
// table shows supply only and the yearly table compares the totals (docs/decisions/0017).
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { pick, type Locale } from "../i18n/resources";
import { scenarios } from "./manpower-method";

export const demandSupplyFilterSchema = z.object({
  survey: z.string().regex(/^[a-z0-9-]{1,60}$/).optional().catch(undefined),
  scenario: z.enum(scenarios).catch("flat"),
});
export type DemandSupplyFilter = z.infer<typeof demandSupplyFilterSchema>;

export function parseDemandSupplyFilter(url: URL): DemandSupplyFilter {
  return demandSupplyFilterSchema.parse(Object.fromEntries([...url.searchParams].filter(([, v]) => v !== "")));
}

export interface SupplyCounts {
  completers: number;
  portalHires: number;
  overseasHires: number;
  /** People in either column, each once. */
  total: number;
}

const o = t.employmentOutcomes;
const isCompleterEmployed = sql`(${o.placementId} is not null or ${o.enrolmentId} is not null) and ${o.status} in ('industry', 'academia', 'medical_institution', 'government')`;
const isPortalHire = sql`${o.source} = 'portal_hire'`;
const outcomeYear = sql<number>`extract(year from ${o.createdAt} at time zone 'Asia/Taipei')::int`;

/** Distinct people per shortage occupation of the survey and year, in each supply column. */
function supplyQuery(db: Database, surveyKey: string, fromYear: number, toYear: number) {
  const nationality = t.talentProfiles.nationality;
  return db
    .select({
      code: o.occupationCode,
      year: outcomeYear,
      completers: sql<number>`count(distinct ${o.userId}) filter (where ${isCompleterEmployed})::int`,
      portalHires: sql<number>`count(distinct ${o.userId}) filter (where ${isPortalHire})::int`,
      overseasHires: sql<number>`count(distinct ${o.userId}) filter (where ${isPortalHire} and ${nationality} is not null and ${nationality} <> 'TW')::int`,
      total: sql<number>`count(distinct ${o.userId}) filter (where (${isCompleterEmployed}) or ${isPortalHire})::int`,
    })
    .from(o)
    .innerJoin(t.occupations, and(eq(t.occupations.code, o.occupationCode), eq(t.occupations.surveyKey, surveyKey)))
    .leftJoin(t.talentProfiles, eq(t.talentProfiles.userId, o.userId))
    .where(sql`${outcomeYear} between ${fromYear} and ${toYear}`)
    .groupBy(o.occupationCode, outcomeYear);
}

export async function loadDemandSupply(db: Database, locale: Locale, filter: DemandSupplyFilter) {
  const surveys = await db.select().from(t.surveys).orderBy(asc(t.surveys.year));
  const survey = surveys.find((s) => s.key === filter.survey) ?? surveys[surveys.length - 1];
  if (!survey) return null;
  const [forecastRows, occupationRows, supplyRows] = await Promise.all([
    db.select().from(t.forecasts).where(and(eq(t.forecasts.surveyKey, survey.key), eq(t.forecasts.scenario, filter.scenario))).orderBy(asc(t.forecasts.year)),
    db.select({ code: t.occupations.code, zh: t.occupations.titleZh, en: t.occupations.titleEn }).from(t.occupations).where(eq(t.occupations.surveyKey, survey.key)).orderBy(asc(t.occupations.tableOrder)),
    supplyQuery(db, survey.key, survey.forecastFromYear, survey.forecastToYear),
  ]);
  const years: number[] = [];
  for (let y = survey.forecastFromYear; y <= survey.forecastToYear; y++) years.push(y);
  const supply = new Map<string, SupplyCounts>();
  for (const r of supplyRows) {
    supply.set(`${r.code}:${r.year}`, { completers: Number(r.completers), portalHires: Number(r.portalHires), overseasHires: Number(r.overseasHires), total: Number(r.total) });
  }
  const none: SupplyCounts = { completers: 0, portalHires: 0, overseasHires: 0, total: 0 };
  const occupations = occupationRows.map((o) => ({
    code: o.code,
    title: pick(locale, o.zh, o.en),
    byYear: years.map((year) => ({ year, ...(supply.get(`${o.code}:${year}`) ?? none) })),
  }));
  const yearly = years.map((year, i) => {
    const demand = forecastRows.find((f) => f.year === year)?.newDemand ?? null;
    const sums = occupations.reduce(
      (sum, o) => {
        const c = o.byYear[i]!;
        return { completers: sum.completers + c.completers, portalHires: sum.portalHires + c.portalHires, overseasHires: sum.overseasHires + c.overseasHires, total: sum.total + c.total };
      },
      { ...none },
    );
    return { year, demand, ...sums, gap: demand === null ? null : demand - sums.total };
  });
  return {
    survey: { key: survey.key, title: pick(locale, survey.titleZh, survey.titleEn) },
    surveys: surveys.map((s) => ({ key: s.key, title: pick(locale, s.titleZh, s.titleEn) })),
    scenario: filter.scenario,
    years,
    yearly,
    occupations,
  };
}
