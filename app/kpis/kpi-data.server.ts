// Reads the PhD programme's placements, internships, outcomes and survey links for the KPI pages,
// filtered (year, programme, unit) and limited to the units the viewer may see, then groups them.
// Grouped by programme (and for the office only), the catalogue programmes' enrolments are read too:
// they have no round nor training unit, so grouping by round or unit stays PhD-only.
import { and, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import type { Viewer } from "../auth/session.server";
import { pick, type Locale } from "../i18n/resources";
import { isOffice } from "../placement/unit-access";
import { parseKpiFilter, type Grouping, type KpiFilter } from "./filters";
import {
  computeGroupedKpis, groupBy, type Checkpoint, type EnrolmentEvidence, type EnrolmentFact, type OutcomeFact, type PlacementFact, type SurveyLinkFact,
} from "./compute";

/** The units whose KPIs the viewer may see: every unit for the office, else the viewer's units. */
export function visibleUnitIds(viewer: Viewer): string[] | "all" {
  if (isOffice(viewer)) return "all";
  return viewer.memberships.filter((m) => m.kind === "training_unit" || m.kind === "medical_centre").map((m) => m.organisationId);
}

export interface PlacementRow extends PlacementFact {
  userId: string;
  roundId: string;
  roundYear: number;
  roundTitle: string;
  unitId: string;
  unitName: string;
  programmeId: string;
  programmeTitle: string;
}

function scopeFilter(filter: KpiFilter, units: string[] | "all"): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.year !== undefined) conditions.push(eq(t.placementRounds.year, filter.year));
  if (filter.programme) conditions.push(eq(t.placementRounds.programmeId, filter.programme));
  if (filter.unit) conditions.push(eq(t.unitQuotaApplications.unitOrganisationId, filter.unit));
  if (filter.round) conditions.push(eq(t.placementRounds.id, filter.round));
  if (units !== "all") conditions.push(units.length === 0 ? sql`false` : inArray(t.unitQuotaApplications.unitOrganisationId, units));
  return and(...conditions);
}

export async function loadPlacementFacts(db: Database, locale: Locale, filter: KpiFilter, units: string[] | "all"): Promise<PlacementRow[]> {
  const rows = await db
    .select({
      placementId: t.placements.id,
      status: t.placements.status,
      userId: t.traineeApplications.userId,
      roundId: t.placementRounds.id,
      roundYear: t.placementRounds.year,
      roundTitleZh: t.placementRounds.titleZh,
      roundTitleEn: t.placementRounds.titleEn,
      unitId: t.organisations.id,
      unitZh: t.organisations.nameZh,
      unitEn: t.organisations.nameEn,
      programmeId: t.programmes.id,
      programmeZh: t.programmes.titleZh,
      programmeEn: t.programmes.titleEn,
    })
    .from(t.placements)
    .innerJoin(t.traineeApplications, eq(t.traineeApplications.id, t.placements.traineeApplicationId))
    .innerJoin(t.placementRounds, eq(t.placementRounds.id, t.placements.roundId))
    .innerJoin(t.programmes, eq(t.programmes.id, t.placementRounds.programmeId))
    .innerJoin(t.unitQuotaApplications, eq(t.unitQuotaApplications.id, t.placements.quotaApplicationId))
    .innerJoin(t.organisations, eq(t.organisations.id, t.unitQuotaApplications.unitOrganisationId))
    .where(scopeFilter(filter, units))
    .orderBy(t.placementRounds.year, t.organisations.nameZh, t.placements.id);
  const ids = rows.map((r) => r.placementId);
  const internships = ids.length === 0 ? [] : await db
    .select({ placementId: t.internships.placementId, startsOn: t.internships.startsOn, endsOn: t.internships.endsOn })
    .from(t.internships)
    .where(inArray(t.internships.placementId, ids));
  const byPlacement = groupBy(internships, (i) => i.placementId);
  return rows.map((r) => ({
    placementId: r.placementId,
    status: r.status,
    internships: (byPlacement.get(r.placementId) ?? []).map((i) => ({ startsOn: String(i.startsOn), endsOn: String(i.endsOn) })),
    userId: r.userId,
    roundId: r.roundId,
    roundYear: r.roundYear,
    roundTitle: pick(locale, r.roundTitleZh, r.roundTitleEn),
    unitId: r.unitId,
    unitName: pick(locale, r.unitZh, r.unitEn),
    programmeId: r.programmeId,
    programmeTitle: pick(locale, r.programmeZh, r.programmeEn),
  }));
}

export async function loadOutcomeFacts(db: Database, placementIds: string[]): Promise<OutcomeFact[]> {
  if (placementIds.length === 0) return [];
  const rows = await db
    .select({ placementId: t.employmentOutcomes.placementId, checkpoint: t.employmentOutcomes.checkpoint, status: t.employmentOutcomes.status, isShortageOccupation: t.employmentOutcomes.isShortageOccupation })
    .from(t.employmentOutcomes)
    .where(and(isNotNull(t.employmentOutcomes.placementId), inArray(t.employmentOutcomes.placementId, placementIds)));
  return rows.map((r) => ({ placementId: r.placementId!, checkpoint: r.checkpoint as Checkpoint, status: r.status, isShortageOccupation: r.isShortageOccupation }));
}

export async function loadSurveyLinkFacts(db: Database, placementIds: string[]): Promise<SurveyLinkFact[]> {
  if (placementIds.length === 0) return [];
  const rows = await db
    .select({ placementId: t.outcomeSurveyTokens.placementId, usedAt: t.outcomeSurveyTokens.usedAt })
    .from(t.outcomeSurveyTokens)
    .where(inArray(t.outcomeSurveyTokens.placementId, placementIds));
  return rows.map((r) => ({ placementId: r.placementId!, answered: r.usedAt !== null }));
}

export interface EnrolmentRow extends EnrolmentFact {
  userId: string;
  /** The year the cohort starts, which the year filter and the public by-year table use. */
  year: number;
  programmeId: string;
  programmeTitle: string;
}

/** Whether catalogue enrolments belong in this view: grouped by programme, no round or unit asked, every unit visible. */
export function includesEnrolments(filter: KpiFilter, units: string[] | "all"): boolean {
  return filter.groupBy === "programme" && !filter.round && !filter.unit && units === "all";
}

export async function loadEnrolmentFacts(db: Database, locale: Locale, filter: KpiFilter): Promise<EnrolmentRow[]> {
  const conditions: (SQL | undefined)[] = [sql`${t.enrolments.status} <> 'waitlisted'`];
  if (filter.year !== undefined) conditions.push(sql`extract(year from ${t.cohorts.startsOn}) = ${filter.year}`);
  if (filter.programme) conditions.push(eq(t.cohorts.programmeId, filter.programme));
  const rows = await db
    .select({
      enrolmentId: t.enrolments.id,
      status: t.enrolments.status,
      userId: t.enrolments.userId,
      startsOn: t.cohorts.startsOn,
      programmeId: t.programmes.id,
      programmeZh: t.programmes.titleZh,
      programmeEn: t.programmes.titleEn,
    })
    .from(t.enrolments)
    .innerJoin(t.cohorts, eq(t.cohorts.id, t.enrolments.cohortId))
    .innerJoin(t.programmes, eq(t.programmes.id, t.cohorts.programmeId))
    .where(and(...conditions))
    .orderBy(t.programmes.titleZh, t.enrolments.id);
  return rows.map((r) => ({
    enrolmentId: r.enrolmentId,
    status: r.status,
    userId: r.userId,
    year: Number(String(r.startsOn).slice(0, 4)),
    programmeId: r.programmeId,
    programmeTitle: pick(locale, r.programmeZh, r.programmeEn),
  }));
}

export async function loadEnrolmentEvidence(db: Database, enrolmentIds: string[]): Promise<EnrolmentEvidence> {
  if (enrolmentIds.length === 0) return { outcomes: [], links: [] };
  const [outcomes, links] = await Promise.all([
    db
      .select({ enrolmentId: t.employmentOutcomes.enrolmentId, checkpoint: t.employmentOutcomes.checkpoint, status: t.employmentOutcomes.status, isShortageOccupation: t.employmentOutcomes.isShortageOccupation })
      .from(t.employmentOutcomes)
      .where(inArray(t.employmentOutcomes.enrolmentId, enrolmentIds)),
    db
      .select({ enrolmentId: t.outcomeSurveyTokens.enrolmentId, usedAt: t.outcomeSurveyTokens.usedAt })
      .from(t.outcomeSurveyTokens)
      .where(inArray(t.outcomeSurveyTokens.enrolmentId, enrolmentIds)),
  ]);
  return {
    outcomes: outcomes.map((o) => ({ enrolmentId: o.enrolmentId!, checkpoint: o.checkpoint as Checkpoint, status: o.status, isShortageOccupation: o.isShortageOccupation })),
    links: links.map((l) => ({ enrolmentId: l.enrolmentId!, answered: l.usedAt !== null })),
  };
}

const groupKey = (p: PlacementRow, by: Grouping) => (by === "round" ? p.roundId : by === "unit" ? p.unitId : p.programmeId);
const groupLabel = (p: PlacementRow, by: Grouping) => (by === "round" ? p.roundTitle : by === "unit" ? p.unitName : p.programmeTitle);

export async function loadKpis(db: Database, locale: Locale, filter: KpiFilter, units: string[] | "all") {
  const withEnrolments = includesEnrolments(filter, units);
  const [placements, enrolments] = await Promise.all([
    loadPlacementFacts(db, locale, filter, units),
    withEnrolments ? loadEnrolmentFacts(db, locale, filter) : Promise.resolve([] as EnrolmentRow[]),
  ]);
  const ids = placements.map((p) => p.placementId);
  const [outcomes, links, evidence] = await Promise.all([
    loadOutcomeFacts(db, ids),
    loadSurveyLinkFacts(db, ids),
    loadEnrolmentEvidence(db, enrolments.map((e) => e.enrolmentId)),
  ]);
  const groups = [...groupBy(placements, (p) => groupKey(p, filter.groupBy)).entries()].map(([key, members]) => ({
    key,
    label: groupLabel(members[0]!, filter.groupBy),
    placements: members,
    enrolments: [] as EnrolmentRow[],
  }));
  for (const [key, members] of groupBy(enrolments, (e) => e.programmeId)) {
    const group = groups.find((g) => g.key === key);
    if (group) group.enrolments = members;
    else groups.push({ key, label: members[0]!.programmeTitle, placements: [], enrolments: members });
  }
  return { placements, enrolments, outcomes, links, evidence, ...computeGroupedKpis(groups, outcomes, links, evidence) };
}

/** The choices for the filter form, limited to what the viewer may see. */
export async function kpiFilterOptions(db: Database, locale: Locale, units: string[] | "all") {
  const unitScope = units === "all" ? undefined : units.length === 0 ? sql`false` : inArray(t.organisations.id, units);
  // The office also picks catalogue programmes and their cohorts' years (enrolments are office-only).
  const catalogue = units === "all";
  const [years, programmes, unitRows, cohortYears, cataloguePrograms] = await Promise.all([
    db.selectDistinct({ year: t.placementRounds.year }).from(t.placementRounds).orderBy(t.placementRounds.year),
    db.selectDistinct({ id: t.programmes.id, zh: t.programmes.titleZh, en: t.programmes.titleEn }).from(t.programmes).innerJoin(t.placementRounds, eq(t.placementRounds.programmeId, t.programmes.id)),
    db
      .selectDistinct({ id: t.organisations.id, zh: t.organisations.nameZh, en: t.organisations.nameEn })
      .from(t.organisations)
      .innerJoin(t.unitQuotaApplications, eq(t.unitQuotaApplications.unitOrganisationId, t.organisations.id))
      .where(unitScope),
    catalogue
      ? db.selectDistinct({ year: sql<number>`extract(year from ${t.cohorts.startsOn})::int` }).from(t.cohorts).innerJoin(t.enrolments, eq(t.enrolments.cohortId, t.cohorts.id))
      : Promise.resolve([] as { year: number }[]),
    catalogue
      ? db.selectDistinct({ id: t.programmes.id, zh: t.programmes.titleZh, en: t.programmes.titleEn }).from(t.programmes).innerJoin(t.cohorts, eq(t.cohorts.programmeId, t.programmes.id)).innerJoin(t.enrolments, eq(t.enrolments.cohortId, t.cohorts.id))
      : Promise.resolve([] as { id: string; zh: string; en: string }[]),
  ]);
  const programmeList = [...new Map([...programmes, ...cataloguePrograms].map((p) => [p.id, p])).values()];
  return {
    years: [...new Set([...years.map((y) => y.year), ...cohortYears.map((y) => Number(y.year))])].sort((a, b) => a - b),
    programmes: programmeList.map((p) => ({ id: p.id, title: pick(locale, p.zh, p.en) })),
    units: unitRows.map((u) => ({ id: u.id, name: pick(locale, u.zh, u.en) })).sort((a, b) => a.name.localeCompare(b.name, locale)),
  };
}

export { parseKpiFilter, type KpiFilter };
