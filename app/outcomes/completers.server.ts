// Who is followed up, and where each completion stands at each checkpoint. A completer is a PhD trainee
// whose placement is completed (the unit is the placement's training unit) or a talent whose course or
// fellowship enrolment is completed (the unit is the programme's provider). Each completion has three
// checkpoints: completion, +6 and +12 months. A checkpoint is "due" once it falls and no outcome is
// recorded for it; "recorded" once one is; "upcoming" before it falls.
//
// The SQL here is the documented scope the KPI pages build on: `completersSql` is one row per
// completion with the columns listed below, and `checkpointRowsSql` one row per completion and
// checkpoint with its outcome (if any) and its survey link (if any). Both are plain SQL fragments to
// use in `from (...) as c`; callers add the viewer's scope with `completerScope`.
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session.server";
import { unitOrganisationIds } from "../auth/visibility.server";
import type { Checkpoint, OutcomeStatus, SalaryBand, VerificationState } from "./checkpoints";

type Reader = Pick<Database, "select" | "selectDistinct">;

/**
 * One row per completion: kind ('placement' | 'enrolment'), subject_id, placement_id, enrolment_id,
 * user_id, unit_id (the training unit / provider organisation), round_id (placements), cohort_id and
 * programme_id (enrolments), programme_type ('phd_placement' for placements), completed_at.
 */
export const completersSql = sql`
  select 'placement'::text as kind, ${t.placements.id} as subject_id, ${t.placements.id} as placement_id, null::uuid as enrolment_id,
         ${t.traineeApplications.userId} as user_id, ${t.unitQuotaApplications.unitOrganisationId} as unit_id,
         ${t.placements.roundId} as round_id, null::uuid as cohort_id, null::uuid as programme_id, 'phd_placement'::text as programme_type,
         ${t.placements.completedAt} as completed_at
    from ${t.placements}
    join ${t.traineeApplications} on ${t.traineeApplications.id} = ${t.placements.traineeApplicationId}
    join ${t.unitQuotaApplications} on ${t.unitQuotaApplications.id} = ${t.placements.quotaApplicationId}
   where ${t.placements.status} = 'completed'
  union all
  select 'enrolment'::text, ${t.enrolments.id}, null::uuid, ${t.enrolments.id},
         ${t.enrolments.userId}, ${t.programmes.providerOrganisationId},
         null::uuid, ${t.cohorts.id}, ${t.programmes.id}, ${t.programmes.type}::text,
         ${t.enrolments.completedAt}
    from ${t.enrolments}
    join ${t.cohorts} on ${t.cohorts.id} = ${t.enrolments.cohortId}
    join ${t.programmes} on ${t.programmes.id} = ${t.cohorts.programmeId}
   where ${t.enrolments.status} = 'completed'`;

/**
 * One row per completion and checkpoint: every column of completersSql, plus checkpoint, due_at, the
 * outcome's columns prefixed o_ (null when none is recorded) and the survey link's s_sent_at, s_used_at,
 * s_expires_at, s_reminders (null when none was sent).
 */
export const checkpointRowsSql = sql`
  select c.*, cp.checkpoint, c.completed_at + make_interval(months => cp.months) as due_at,
         o.id as o_id, o.status as o_status, o.employer_organisation_id as o_employer_organisation_id, o.employer_name as o_employer_name,
         o.occupation_code as o_occupation_code, o.is_shortage_occupation as o_is_shortage, o.salary_band as o_salary_band,
         o.source as o_source, o.verification as o_verification, o.updated_at as o_updated_at,
         s.created_at as s_sent_at, s.used_at as s_used_at, s.expires_at as s_expires_at, s.reminders_sent as s_reminders
    from (${completersSql}) c
   cross join (values ('completion'::outcome_checkpoint, 0), ('six_months'::outcome_checkpoint, 6), ('twelve_months'::outcome_checkpoint, 12)) as cp(checkpoint, months)
    left join ${t.employmentOutcomes} o on o.checkpoint = cp.checkpoint
         and ((c.kind = 'placement' and o.placement_id = c.placement_id) or (c.kind = 'enrolment' and o.enrolment_id = c.enrolment_id))
    left join ${t.outcomeSurveyTokens} s on s.checkpoint = cp.checkpoint
         and ((c.kind = 'placement' and s.placement_id = c.placement_id) or (c.kind = 'enrolment' and s.enrolment_id = c.enrolment_id))`;

/** The rows of completersSql/checkpointRowsSql (aliased `c`) the viewer may see: all, their units', or their own. */
export function completerScope(viewer: Viewer, alias = "c"): SQL {
  if (can(viewer.roles, "read:employment-outcome:any")) return sql`true`;
  const scopes: SQL[] = [];
  if (can(viewer.roles, "read:employment-outcome:own")) scopes.push(sql`${sql.raw(alias)}.user_id = ${viewer.id}`);
  const units = unitOrganisationIds(viewer, "read:employment-outcome:organisation");
  if (units.length > 0) scopes.push(sql`${sql.raw(alias)}.unit_id in (${sql.join(units.map((u) => sql`${u}::uuid`), sql`, `)})`);
  return scopes.length > 0 ? sql`(${sql.join(scopes, sql` or `)})` : sql`false`;
}

export type CheckpointState = "due" | "recorded" | "upcoming";

export interface CheckpointFilter {
  state?: CheckpointState;
  unitId?: string;
  /** "phd" for PhD placements, or a programme id. */
  programme?: string;
  checkpoint?: Checkpoint;
  verification?: VerificationState;
}

function filterSql(filter: CheckpointFilter, now: Date): SQL[] {
  const where: SQL[] = [];
  if (filter.state === "due") where.push(sql`x.o_id is null and x.due_at <= ${now.toISOString()}::timestamptz`);
  if (filter.state === "recorded") where.push(sql`x.o_id is not null`);
  if (filter.state === "upcoming") where.push(sql`x.o_id is null and x.due_at > ${now.toISOString()}::timestamptz`);
  if (filter.unitId) where.push(sql`x.unit_id = ${filter.unitId}::uuid`);
  if (filter.programme === "phd") where.push(sql`x.kind = 'placement'`);
  else if (filter.programme) where.push(sql`x.programme_id = ${filter.programme}::uuid`);
  if (filter.checkpoint) where.push(sql`x.checkpoint = ${filter.checkpoint}::outcome_checkpoint`);
  if (filter.verification) where.push(sql`x.o_verification = ${filter.verification}::verification_state`);
  return where;
}

const when = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v).replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00")));

const rowFields = {
  kind: sql<"placement" | "enrolment">`x.kind`,
  subjectId: sql<string>`x.subject_id`,
  userId: sql<string>`x.user_id`,
  name: sql<string>`u.display_name`,
  email: sql<string>`u.email`,
  unitId: sql<string | null>`x.unit_id`,
  unitZh: sql<string | null>`org.name_zh`,
  unitEn: sql<string | null>`org.name_en`,
  programmeId: sql<string | null>`x.programme_id`,
  programmeZh: sql<string | null>`pr.title_zh`,
  programmeEn: sql<string | null>`pr.title_en`,
  roundId: sql<string | null>`x.round_id`,
  checkpoint: sql<Checkpoint>`x.checkpoint`,
  completedAt: sql<Date>`x.completed_at`.mapWith((v) => when(v)!),
  dueAt: sql<Date>`x.due_at`.mapWith((v) => when(v)!),
  outcomeId: sql<string | null>`x.o_id`,
  status: sql<OutcomeStatus | null>`x.o_status`,
  employerName: sql<string | null>`coalesce(x.o_employer_name, emp.name_zh)`,
  occupationCode: sql<string | null>`x.o_occupation_code`,
  isShortage: sql<boolean | null>`x.o_is_shortage`,
  salaryBand: sql<SalaryBand | null>`x.o_salary_band`,
  source: sql<"self_report" | "unit_report" | "portal_hire" | null>`x.o_source`,
  verification: sql<VerificationState | null>`x.o_verification`,
  surveySentAt: sql<Date | null>`x.s_sent_at`.mapWith(when),
  surveyUsedAt: sql<Date | null>`x.s_used_at`.mapWith(when),
  surveyExpiresAt: sql<Date | null>`x.s_expires_at`.mapWith(when),
};
export type CheckpointRow = { [K in keyof typeof rowFields]: (typeof rowFields)[K]["_"]["type"] };

const fromRows = sql`(${checkpointRowsSql}) x
  join ${t.users} u on u.id = x.user_id
  left join ${t.organisations} org on org.id = x.unit_id
  left join ${t.programmes} pr on pr.id = x.programme_id
  left join ${t.organisations} emp on emp.id = x.o_employer_organisation_id`;

/**
 * The checkpoints the viewer may see, due first (oldest due date first), then by due date; with the
 * total for pagination. The caller logs the office's reads (logPersonalDataRead).
 */
export async function listCheckpoints(db: Reader, viewer: Viewer, filter: CheckpointFilter, page: { limit: number; offset: number }, now: Date = new Date()) {
  const where = and(completerScope(viewer, "x"), ...filterSql(filter, now));
  const rows = await db
    .select(rowFields)
    .from(fromRows)
    .where(where)
    .orderBy(sql`(x.o_id is null and x.due_at <= ${now.toISOString()}::timestamptz) desc`, sql`x.due_at`, sql`u.display_name`, sql`x.subject_id`)
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(fromRows).where(where);
  return { rows: rows as CheckpointRow[], total: total?.n ?? 0 };
}

/** One completion's row for one checkpoint, if the viewer may see it. */
export async function checkpointOf(db: Reader, viewer: Viewer, kind: "placement" | "enrolment", subjectId: string, checkpoint: Checkpoint) {
  const [row] = await db
    .select(rowFields)
    .from(fromRows)
    .where(and(completerScope(viewer, "x"), sql`x.kind = ${kind} and x.subject_id = ${subjectId}::uuid and x.checkpoint = ${checkpoint}::outcome_checkpoint`));
  return (row as CheckpointRow | undefined) ?? null;
}

/** The units and programmes that have completers, for the filters. */
export async function completerFacets(db: Reader, viewer: Viewer) {
  const rows = await db
    .selectDistinct({ unitId: sql<string | null>`x.unit_id`, unitZh: sql<string | null>`org.name_zh`, unitEn: sql<string | null>`org.name_en`, programmeId: sql<string | null>`x.programme_id`, programmeZh: sql<string | null>`pr.title_zh`, programmeEn: sql<string | null>`pr.title_en`, kind: sql<string>`x.kind` })
    .from(sql`(${completersSql}) x left join ${t.organisations} org on org.id = x.unit_id left join ${t.programmes} pr on pr.id = x.programme_id`)
    .where(completerScope(viewer, "x"));
  return rows;
}

/** The viewer's own outcomes (any source, hires included), newest checkpoint first. */
export async function myOutcomes(db: Reader, userId: string) {
  return db
    .select({ id: t.employmentOutcomes.id, checkpoint: t.employmentOutcomes.checkpoint, status: t.employmentOutcomes.status, employerName: sql<string | null>`coalesce(${t.employmentOutcomes.employerName}, ${t.organisations.nameZh})`, occupationCode: t.employmentOutcomes.occupationCode, isShortage: t.employmentOutcomes.isShortageOccupation, salaryBand: t.employmentOutcomes.salaryBand, source: t.employmentOutcomes.source, verification: t.employmentOutcomes.verification, updatedAt: t.employmentOutcomes.updatedAt })
    .from(t.employmentOutcomes)
    .leftJoin(t.organisations, eq(t.organisations.id, t.employmentOutcomes.employerOrganisationId))
    .where(eq(t.employmentOutcomes.userId, userId))
    .orderBy(sql`${t.employmentOutcomes.updatedAt} desc`);
}

/** Units of the viewer that may enter outcomes. */
export const entryUnits = (viewer: Viewer) => unitOrganisationIds(viewer, "update:employment-outcome:organisation");

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** A row as the pages show it (plain values, names in the reader's language). */
export function checkpointView(row: CheckpointRow, locale: "zh-TW" | "en", now: Date = new Date()) {
  const state: CheckpointState = row.outcomeId ? "recorded" : row.dueAt.getTime() <= now.getTime() ? "due" : "upcoming";
  const survey = row.surveyUsedAt ? "answered" : row.surveyExpiresAt && row.surveyExpiresAt.getTime() <= now.getTime() ? "expired" : row.surveySentAt ? "sent" : "none";
  const zh = locale === "zh-TW";
  return {
    key: `${row.kind}:${row.subjectId}:${row.checkpoint}`,
    completion: `${row.kind}:${row.subjectId}`,
    outcomeId: row.outcomeId,
    name: row.name,
    email: row.email,
    unit: (zh ? row.unitZh : row.unitEn) ?? "",
    programme: row.programmeId ? ((zh ? row.programmeZh : row.programmeEn) ?? "") : null,
    checkpoint: row.checkpoint,
    dueOn: day(row.dueAt)!,
    state,
    status: row.status,
    employerName: row.employerName,
    occupationCode: row.occupationCode,
    isShortage: row.isShortage,
    salaryBand: row.salaryBand,
    source: row.source,
    verification: row.verification,
    survey: survey as "none" | "sent" | "answered" | "expired",
    surveySentOn: day(row.surveySentAt),
  };
}
