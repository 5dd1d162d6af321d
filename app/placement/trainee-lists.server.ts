// Reading trainee applications beyond the talent's own page: the programme office's list of a round's
// applications (every read of these people's records audited) and the evidence PDF, which the talent,
// the office (audited) and the units a submitted list names may open.
import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session.server";
import { logPersonalDataRead, traineeApplicationScope } from "../auth/visibility.server";
import { RoundRuleError } from "./rounds.server";
import { TraineeRuleError } from "./trainee-rules";
import { isUuid } from "../ids";

export type TraineeStatus = (typeof t.traineeApplicationStatus.enumValues)[number];
export const traineeStatuses = t.traineeApplicationStatus.enumValues;

/** One round's applications for the office, by name, a page at a time, with counts by status. */
export async function listRoundTrainees(db: Database, officer: Viewer, roundId: string, page: { limit: number; offset: number; status?: TraineeStatus }, ip: string) {
  if (!can(officer.roles, "read:trainee-application:any")) throw new TraineeRuleError("notOffice");
  if (!isUuid(roundId)) throw new RoundRuleError("notFound");
  const inRound = eq(t.traineeApplications.roundId, roundId);
  const where = page.status ? and(inRound, eq(t.traineeApplications.status, page.status)) : inRound;
  const preferenceCount = sql<number>`(select count(*)::int from ${t.traineePreferences} where ${t.traineePreferences.traineeApplicationId} = ${t.traineeApplications.id})`;
  const [rows, byStatus] = await Promise.all([
    db
      .select({
        id: t.traineeApplications.id,
        name: t.users.displayName,
        email: t.users.email,
        phdStatus: t.traineeApplications.phdStatus,
        phdObtainedOn: t.traineeApplications.phdObtainedOn,
        phdExpectedOn: t.traineeApplications.phdExpectedOn,
        hasEvidence: sql<boolean>`${t.traineeApplications.evidenceFileId} is not null`,
        innovationScore: t.traineeApplications.innovationScore,
        status: t.traineeApplications.status,
        submittedAt: t.traineeApplications.submittedAt,
        preferences: preferenceCount,
      })
      .from(t.traineeApplications)
      .innerJoin(t.users, eq(t.users.id, t.traineeApplications.userId))
      .where(where)
      .orderBy(asc(t.users.displayName), asc(t.traineeApplications.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ status: t.traineeApplications.status, n: count() }).from(t.traineeApplications).where(inRound).groupBy(t.traineeApplications.status),
  ]);
  await logPersonalDataRead(db, officer, "trainee-application", rows.map((r) => r.id), ip);
  const counts = Object.fromEntries(traineeStatuses.map((s) => [s, byStatus.find((b) => b.status === s)?.n ?? 0])) as Record<TraineeStatus, number>;
  const total = page.status ? counts[page.status] : Object.values(counts).reduce((a, b) => a + b, 0);
  return { rows, counts, total };
}

export const evidencePath = (applicationId: string) => `/phd/evidence/${applicationId}`;

/**
 * The evidence PDF of an application the viewer may see (traineeApplicationScope: their own, a
 * submitted list naming one of their units, or any for the office, audited); null otherwise or when
 * there is none, so a refusal never tells whether it exists.
 */
export async function readEvidenceFor(db: Database, viewer: Viewer, applicationId: string, ip: string) {
  if (!isUuid(applicationId)) return null;
  const [row] = await db
    .select({ userId: t.traineeApplications.userId, fileName: t.files.fileName, sizeBytes: t.files.sizeBytes, content: t.files.content, fileId: t.files.id })
    .from(t.traineeApplications)
    .innerJoin(t.files, eq(t.files.id, t.traineeApplications.evidenceFileId))
    .where(and(eq(t.traineeApplications.id, applicationId), traineeApplicationScope(viewer)));
  if (!row) return null;
  if (row.userId !== viewer.id && can(viewer.roles, "read:trainee-application:any")) {
    await recordAudit(db, { actorUserId: viewer.id, action: "personal-data-read", entity: "phd-evidence", entityId: applicationId, detail: { ids: [applicationId], fileId: row.fileId }, ip });
  }
  return row;
}
