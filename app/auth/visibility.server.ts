// Whose applications a viewer may see, as SQL conditions every list and detail query must include.
// A talent sees their own; a company the applicants of its own positions; a training unit the trainees
// who listed it in a submitted application; a reviewer the unit applications assigned to them. The programme office sees all,
// and each of its reads of personal data is written to the audit log.
import { and, eq, exists, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { can } from "./permissions";
import type { Viewer } from "./session.server";

const nothing = sql`false`;

const organisationIds = (viewer: Viewer, kinds: string[]) =>
  viewer.memberships.filter((m) => kinds.includes(m.kind)).map((m) => m.organisationId);

/** Job applications (positions): own, or to the viewer's companies' positions. */
export function jobApplicationScope(viewer: Viewer): SQL {
  if (can(viewer.roles, "read:application:any")) return sql`true`;
  const scopes: SQL[] = [];
  if (can(viewer.roles, "read:application:own")) scopes.push(eq(t.applications.talentUserId, viewer.id));
  const companies = organisationIds(viewer, ["company"]);
  if (can(viewer.roles, "read:application:organisation") && companies.length > 0) {
    scopes.push(
      exists(
        sql`(select 1 from ${t.positions} where ${t.positions.id} = ${t.applications.positionId} and ${inArray(t.positions.organisationId, companies)})`,
      ),
    );
  }
  return scopes.length > 0 ? or(...scopes)! : nothing;
}

/** PhD trainee applications: own, or listing one of the viewer's training units among their preferences. */
export function traineeApplicationScope(viewer: Viewer): SQL {
  if (can(viewer.roles, "read:trainee-application:any")) return sql`true`;
  const scopes: SQL[] = [];
  if (can(viewer.roles, "read:trainee-application:own")) scopes.push(eq(t.traineeApplications.userId, viewer.id));
  const units = organisationIds(viewer, ["training_unit", "medical_centre"]);
  if (can(viewer.roles, "read:trainee-application:ranked") && units.length > 0) {
    scopes.push(
      exists(
        sql`(select 1 from ${t.traineePreferences} join ${t.unitQuotaApplications} on ${t.unitQuotaApplications.id} = ${t.traineePreferences.quotaApplicationId}
             where ${t.traineePreferences.traineeApplicationId} = ${t.traineeApplications.id} and ${inArray(t.unitQuotaApplications.unitOrganisationId, units)})`,
      ),
    );
    // Only a submitted list ranks anyone: a draft (or a withdrawn application) is the trainee's own business.
    scopes[scopes.length - 1] = and(scopes[scopes.length - 1], eq(t.traineeApplications.status, "submitted"))!;
  }
  return scopes.length > 0 ? or(...scopes)! : nothing;
}

/** Units' quota applications: the unit's own, or assigned to the viewer for review. */
export function unitApplicationScope(viewer: Viewer): SQL {
  if (can(viewer.roles, "read:unit-application:any")) return sql`true`;
  const scopes: SQL[] = [];
  const units = organisationIds(viewer, ["training_unit", "medical_centre"]);
  if (can(viewer.roles, "read:unit-application:organisation") && units.length > 0) scopes.push(inArray(t.unitQuotaApplications.unitOrganisationId, units));
  if (can(viewer.roles, "read:unit-application:assigned")) {
    scopes.push(
      exists(
        sql`(select 1 from ${t.reviewAssignments} where ${t.reviewAssignments.quotaApplicationId} = ${t.unitQuotaApplications.id} and ${t.reviewAssignments.reviewerUserId} = ${viewer.id})`,
      ),
    );
  }
  return scopes.length > 0 ? or(...scopes)! : nothing;
}

/** The training units and medical centres the viewer's unit-scoped permissions reach (none without them). */
export function unitOrganisationIds(viewer: Viewer, permission: "read:employment-outcome:organisation" | "update:employment-outcome:organisation"): string[] {
  return can(viewer.roles, permission) ? organisationIds(viewer, ["training_unit", "medical_centre"]) : [];
}

/**
 * Employment outcomes: the talent's own; a unit's staff those of its own trainees (a PhD placement at
 * the unit, or a completed enrolment in a programme the unit provides). Hires recorded by companies have
 * neither, so no unit sees them. The office sees all (and logs it with logPersonalDataRead).
 */
export function employmentOutcomeScope(viewer: Viewer): SQL {
  if (can(viewer.roles, "read:employment-outcome:any")) return sql`true`;
  const scopes: SQL[] = [];
  if (can(viewer.roles, "read:employment-outcome:own")) scopes.push(eq(t.employmentOutcomes.userId, viewer.id));
  const units = unitOrganisationIds(viewer, "read:employment-outcome:organisation");
  if (units.length > 0) {
    scopes.push(
      exists(
        sql`(select 1 from ${t.placements} join ${t.unitQuotaApplications} on ${t.unitQuotaApplications.id} = ${t.placements.quotaApplicationId}
             where ${t.placements.id} = ${t.employmentOutcomes.placementId} and ${inArray(t.unitQuotaApplications.unitOrganisationId, units)})`,
      ),
      exists(
        sql`(select 1 from ${t.enrolments} join ${t.cohorts} on ${t.cohorts.id} = ${t.enrolments.cohortId} join ${t.programmes} on ${t.programmes.id} = ${t.cohorts.programmeId}
             where ${t.enrolments.id} = ${t.employmentOutcomes.enrolmentId} and ${inArray(t.programmes.providerOrganisationId, units)})`,
      ),
    );
  }
  return scopes.length > 0 ? or(...scopes)! : nothing;
}

/**
 * Records that the viewer read these people's records, when the viewer reads beyond their own scope
 * (the programme office). Call it with the ids actually returned, in the same request.
 */
export async function logPersonalDataRead(db: Pick<Database, "insert">, viewer: Viewer, entity: string, ids: string[], ip: string): Promise<void> {
  if (ids.length === 0 || !viewer.roles.some((role) => role === "programme_officer" || role === "admin")) return;
  await recordAudit(db, { actorUserId: viewer.id, action: "personal-data-read", entity, detail: { ids }, ip });
}

/** The job applications a viewer may see (newest first), logging the office's reads. */
export async function listVisibleJobApplications(db: Database, viewer: Viewer, ip: string, filter?: SQL) {
  const rows = await db
    .select({ id: t.applications.id, positionId: t.applications.positionId, talentUserId: t.applications.talentUserId, stage: t.applications.stage, createdAt: t.applications.createdAt })
    .from(t.applications)
    .where(and(jobApplicationScope(viewer), filter))
    .orderBy(sql`${t.applications.createdAt} desc`);
  await logPersonalDataRead(db, viewer, "application", rows.map((row) => row.id), ip);
  return rows;
}

/** The trainee applications a viewer may see, logging the office's reads. */
export async function listVisibleTraineeApplications(db: Database, viewer: Viewer, ip: string, filter?: SQL) {
  const rows = await db
    .select({ id: t.traineeApplications.id, roundId: t.traineeApplications.roundId, userId: t.traineeApplications.userId, status: t.traineeApplications.status })
    .from(t.traineeApplications)
    .where(and(traineeApplicationScope(viewer), filter));
  await logPersonalDataRead(db, viewer, "trainee-application", rows.map((row) => row.id), ip);
  return rows;
}

/** The unit quota applications a viewer may see. */
export async function listVisibleUnitApplications(db: Database, viewer: Viewer, filter?: SQL) {
  return db
    .select({ id: t.unitQuotaApplications.id, roundId: t.unitQuotaApplications.roundId, unitOrganisationId: t.unitQuotaApplications.unitOrganisationId, status: t.unitQuotaApplications.status })
    .from(t.unitQuotaApplications)
    .where(and(unitApplicationScope(viewer), filter));
}
