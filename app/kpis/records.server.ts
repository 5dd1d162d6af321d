// The office's drill-down from a KPI row to the trainees behind it: one row per PhD placement, and one
// per catalogue course enrolment (completers and those who did not complete), each with the latest
// outcome. Every read is written to the audit log with the placement and enrolment ids shown.
import { inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { logPersonalDataRead } from "../auth/visibility.server";
import type { Viewer } from "../auth/session.server";
import type { Locale } from "../i18n/resources";
import { roundHalfUp } from "../forecasts/manpower-method";
import { checkpointMonths, internshipMonths, latestOutcomes } from "./compute";
import type { ExportTable } from "./export.server";
import type { KpiFilter } from "./filters";
import { loadEnrolmentEvidence, loadEnrolmentFacts, loadOutcomeFacts, loadPlacementFacts } from "./kpi-data.server";
import { translator } from "./kpi-tables.server";

export const RECORDS_PAGE_SIZE = 100;

/** The names and e-mail addresses of the people on one page of records. */
async function peopleById(db: Database, userIds: string[]) {
  const ids = [...new Set(userIds)];
  const rows = ids.length === 0 ? [] : await db.select({ id: t.users.id, name: t.users.displayName, email: t.users.email }).from(t.users).where(inArray(t.users.id, ids));
  return new Map(rows.map((u) => [u.id, u]));
}

/** All records (page null, for exports) or one page of them, as a table; logs the office's read. */
export async function loadRecordsTable(db: Database, viewer: Viewer, ip: string, locale: Locale, filter: KpiFilter, page: number | null) {
  const t_ = translator(locale);
  const all = await loadPlacementFacts(db, locale, filter, "all");
  const slice = page === null ? all : all.slice((page - 1) * RECORDS_PAGE_SIZE, page * RECORDS_PAGE_SIZE);
  const ids = slice.map((p) => p.placementId);
  const userIds = slice.map((p) => p.userId);
  const [outcomes, byUser] = await Promise.all([
    loadOutcomeFacts(db, ids),
    peopleById(db, userIds),
  ]);
  const latest = latestOutcomes(outcomes);
  await logPersonalDataRead(db, viewer, "placement", ids, ip);
  const table: ExportTable = {
    name: "trainee-records",
    title: t_("kpis.records.tableTitle"),
    headers: [
      t_("kpis.records.trainee"), t_("kpis.records.email"), t_("kpis.records.round"), t_("kpis.records.unit"), t_("kpis.records.placementStatus"),
      t_("kpis.records.internshipMonths"), t_("kpis.records.latestCheckpoint"), t_("kpis.records.latestStatus"), t_("kpis.records.shortage"),
    ],
    rows: slice.map((p) => {
      const o = latest.get(p.placementId);
      const user = byUser.get(p.userId);
      return [
        user?.name ?? "", user?.email ?? "", p.roundTitle, p.unitName, t_(`kpis.placementStatus.${p.status}`),
        roundHalfUp(internshipMonths(p), 1),
        o ? t_(`kpis.checkpoint.${o.checkpoint}`) : t_("kpis.records.none"),
        o ? t_(`kpis.outcomeStatus.${o.status as "industry"}`) : t_("kpis.records.none"),
        o ? (o.isShortageOccupation ? t_("kpis.yes") : t_("kpis.no")) : t_("kpis.notApplicable"),
      ];
    }),
  };
  return { table, total: all.length, pages: Math.max(1, Math.ceil(all.length / RECORDS_PAGE_SIZE)) };
}

/**
 * The catalogue courses' enrolments behind a KPI row (grouped by programme): none when the row is a
 * PhD round or unit, whose figures hold placements only.
 */
export async function loadCourseRecordsTable(db: Database, viewer: Viewer, ip: string, locale: Locale, filter: KpiFilter, page: number | null) {
  const t_ = translator(locale);
  const all = filter.round || filter.unit ? [] : await loadEnrolmentFacts(db, locale, filter);
  const slice = page === null ? all : all.slice((page - 1) * RECORDS_PAGE_SIZE, page * RECORDS_PAGE_SIZE);
  const ids = slice.map((e) => e.enrolmentId);
  const userIds = slice.map((e) => e.userId);
  const [evidence, byUser] = await Promise.all([
    loadEnrolmentEvidence(db, ids),
    peopleById(db, userIds),
  ]);
  const latest = new Map<string, (typeof evidence.outcomes)[number]>();
  for (const o of evidence.outcomes) {
    const seen = latest.get(o.enrolmentId);
    if (!seen || checkpointMonths[o.checkpoint] > checkpointMonths[seen.checkpoint]) latest.set(o.enrolmentId, o);
  }
  await logPersonalDataRead(db, viewer, "enrolment", ids, ip);
  const table: ExportTable = {
    name: "course-records",
    title: t_("kpis.records.courseTableTitle"),
    headers: [
      t_("kpis.records.trainee"), t_("kpis.records.email"), t_("kpis.records.programme"), t_("kpis.records.year"), t_("kpis.records.enrolmentStatus"),
      t_("kpis.records.latestCheckpoint"), t_("kpis.records.latestStatus"), t_("kpis.records.shortage"),
    ],
    rows: slice.map((e) => {
      const o = latest.get(e.enrolmentId);
      const user = byUser.get(e.userId);
      return [
        user?.name ?? "", user?.email ?? "", e.programmeTitle, e.year, t_(`catalogue.enrolmentStatus.${e.status as "completed"}`),
        o ? t_(`kpis.checkpoint.${o.checkpoint}`) : t_("kpis.records.none"),
        o ? t_(`kpis.outcomeStatus.${o.status as "industry"}`) : t_("kpis.records.none"),
        o ? (o.isShortageOccupation ? t_("kpis.yes") : t_("kpis.no")) : t_("kpis.notApplicable"),
      ];
    }),
  };
  return { table, total: all.length, pages: Math.max(1, Math.ceil(all.length / RECORDS_PAGE_SIZE)) };
}
