// A training unit's side of the selection (section 五 of 002: units interview the applicants and rank
// them into admitted and waitlisted). Staff of a unit allocated a quota in the round see the applicants
// whose submitted list names it (traineeApplicationScope), schedule interviews until the interview
// deadline (never two of the unit's interviews at once), record whether each was held, and submit a
// ranked list of the applicants they will accept until the unit-ranking deadline; an applicant left off
// is not acceptable to the unit. Rank lists carry a version like trainees' lists. Every write locks
// the round row (share) and then the unit's quota application, so one unit's writes queue up.
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session.server";
import { traineeApplicationScope } from "../auth/visibility.server";
import { assertBefore } from "./calendar";
import { lockRound, type Reader, type Tx } from "./rounds.server";
import { firstRepeat, RankingRuleError, violates } from "./trainee-rules";
import { isUuid } from "../ids";

export type InterviewStatus = (typeof t.interviewStatus.enumValues)[number];
const unitKinds = ["training_unit", "medical_centre"];

/** The viewer's unit (a training unit or medical centre they belong to) that may take part in the selection. */
function requireUnitStaff(viewer: Viewer, organisationId: string) {
  const member = viewer.memberships.some((m) => m.organisationId === organisationId && unitKinds.includes(m.kind));
  if (!member || !can(viewer.roles, "update:unit-application:organisation")) throw new RankingRuleError("notMember");
}

/** The unit's quota application in the round; it must have been allocated a quota. */
async function allocatedSeat(db: Reader, roundId: string, organisationId: string) {
  if (!isUuid(roundId) || !isUuid(organisationId)) throw new RankingRuleError("notFound");
  const [seat] = await db
    .select({ id: t.unitQuotaApplications.id, status: t.unitQuotaApplications.status, allocatedQuota: t.unitQuotaApplications.allocatedQuota })
    .from(t.unitQuotaApplications)
    .where(and(eq(t.unitQuotaApplications.roundId, roundId), eq(t.unitQuotaApplications.unitOrganisationId, organisationId)));
  if (!seat || seat.status !== "allocated") throw new RankingRuleError("notAllocated");
  return seat;
}

/** Locks the round (share), then the unit's quota application, for one unit's write. */
async function lockUnit(tx: Tx, viewer: Viewer, roundId: string, organisationId: string) {
  requireUnitStaff(viewer, organisationId);
  const round = await lockRound(tx, roundId, "share");
  const seat = await allocatedSeat(tx, round.id, organisationId);
  await tx.select({ id: t.unitQuotaApplications.id }).from(t.unitQuotaApplications).where(eq(t.unitQuotaApplications.id, seat.id)).for("update");
  return { round, seat };
}

/** Applications (ids) that are submitted and list this quota application. */
function listsUnit(quotaApplicationId: string) {
  return and(
    eq(t.traineeApplications.status, "submitted"),
    sql`exists (select 1 from ${t.traineePreferences} where ${t.traineePreferences.traineeApplicationId} = ${t.traineeApplications.id} and ${t.traineePreferences.quotaApplicationId} = ${quotaApplicationId})`,
  );
}

/** The unit's applicants: submitted lists naming it, by name, with their interview and place on the unit's list. */
export async function listUnitApplicants(db: Reader, viewer: Viewer, roundId: string, organisationId: string) {
  requireUnitStaff(viewer, organisationId);
  const seat = await allocatedSeat(db, roundId, organisationId);
  const [rankList] = await db.select().from(t.unitRankLists).where(eq(t.unitRankLists.quotaApplicationId, seat.id));
  const applicants = await db
    .select({
      id: t.traineeApplications.id,
      name: t.users.displayName,
      email: t.users.email,
      phdStatus: t.traineeApplications.phdStatus,
      phdObtainedOn: t.traineeApplications.phdObtainedOn,
      phdExpectedOn: t.traineeApplications.phdExpectedOn,
      innovationScore: t.traineeApplications.innovationScore,
      hasEvidence: sql<boolean>`${t.traineeApplications.evidenceFileId} is not null`,
      interview: { id: t.interviews.id, startsAt: t.interviews.startsAt, endsAt: t.interviews.endsAt, location: t.interviews.location, status: t.interviews.status },
    })
    .from(t.traineeApplications)
    .innerJoin(t.users, eq(t.users.id, t.traineeApplications.userId))
    .leftJoin(t.interviews, and(eq(t.interviews.traineeApplicationId, t.traineeApplications.id), eq(t.interviews.quotaApplicationId, seat.id)))
    .where(and(eq(t.traineeApplications.roundId, roundId), traineeApplicationScope(viewer), listsUnit(seat.id)))
    .orderBy(asc(t.users.displayName), asc(t.traineeApplications.id));
  const entries = rankList
    ? await db.select({ rank: t.unitRankEntries.rank, traineeApplicationId: t.unitRankEntries.traineeApplicationId }).from(t.unitRankEntries).where(eq(t.unitRankEntries.rankListId, rankList.id)).orderBy(asc(t.unitRankEntries.rank))
    : [];
  return {
    seat,
    applicants: applicants.map((a) => ({ ...a, interview: a.interview?.id ? a.interview : null })),
    ranking: rankList ? { version: rankList.version, submittedAt: rankList.submittedAt, entries } : null,
  };
}

export interface InterviewInput {
  traineeApplicationId: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
}

/**
 * Schedules (or moves) the unit's interview with an applicant who listed it. It must end after it
 * starts and by the interview deadline, and must not overlap another of the unit's interviews.
 */
export async function scheduleInterview(db: Database, viewer: Viewer, unit: { roundId: string; organisationId: string }, input: InterviewInput, ip: string, now: Date = new Date()) {
  const location = input.location.trim();
  if (!location) throw new RankingRuleError("locationRequired");
  if (input.endsAt.getTime() <= input.startsAt.getTime()) throw new RankingRuleError("endsBeforeStarts");
  if (!isUuid(input.traineeApplicationId)) throw new RankingRuleError("notApplicant");
  return db.transaction(async (tx) => {
    const { round, seat } = await lockUnit(tx, viewer, unit.roundId, unit.organisationId);
    assertBefore(round, "interviews", now);
    if (input.endsAt.getTime() > round.interviewsCloseAt.getTime()) throw new RankingRuleError("afterInterviewDeadline");
    const [applicant] = await tx
      .select({ id: t.traineeApplications.id })
      .from(t.traineeApplications)
      .where(and(eq(t.traineeApplications.id, input.traineeApplicationId), eq(t.traineeApplications.roundId, round.id), listsUnit(seat.id)));
    if (!applicant) throw new RankingRuleError("notApplicant");
    // The quota application's lock (lockUnit) makes this check and the write one step for the unit.
    const [clash] = await tx
      .select({ id: t.interviews.id })
      .from(t.interviews)
      .where(and(
        eq(t.interviews.quotaApplicationId, seat.id),
        ne(t.interviews.traineeApplicationId, applicant.id),
        inArray(t.interviews.status, ["scheduled", "held"]),
        sql`${t.interviews.startsAt} < ${input.endsAt.toISOString()}::timestamptz and ${t.interviews.endsAt} > ${input.startsAt.toISOString()}::timestamptz`,
      ))
      .limit(1);
    if (clash) throw new RankingRuleError("interviewOverlap");
    const values = { startsAt: input.startsAt, endsAt: input.endsAt, location, status: "scheduled" as const };
    const [interview] = await tx
      .insert(t.interviews)
      .values({ quotaApplicationId: seat.id, traineeApplicationId: applicant.id, ...values })
      .onConflictDoUpdate({ target: [t.interviews.quotaApplicationId, t.interviews.traineeApplicationId], set: values })
      .returning();
    await recordAudit(tx, { actorUserId: viewer.id, action: "interview-scheduled", entity: "interview", entityId: interview!.id, detail: { startsAt: input.startsAt, endsAt: input.endsAt }, ip });
    return interview!;
  });
}

/** Records how an interview went (held, no-show) or cancels it; until the unit-ranking deadline. */
export async function setInterviewStatus(db: Database, viewer: Viewer, unit: { roundId: string; organisationId: string }, interviewId: string, status: Exclude<InterviewStatus, "scheduled">, ip: string, now: Date = new Date()) {
  if (!isUuid(interviewId)) throw new RankingRuleError("notFound");
  return db.transaction(async (tx) => {
    const { round, seat } = await lockUnit(tx, viewer, unit.roundId, unit.organisationId);
    assertBefore(round, "unitRanking", now);
    const [saved] = await tx
      .update(t.interviews)
      .set({ status })
      .where(and(eq(t.interviews.id, interviewId), eq(t.interviews.quotaApplicationId, seat.id)))
      .returning();
    if (!saved) throw new RankingRuleError("notFound");
    await recordAudit(tx, { actorUserId: viewer.id, action: `interview-${status}`, entity: "interview", entityId: interviewId, ip });
    return saved;
  });
}

/**
 * Submits the unit's ranking, best first, at the version read (null for its first). Only applicants
 * whose submitted list names the unit, each once; those left off are not acceptable to the unit.
 */
export async function submitUnitRanking(
  db: Database,
  viewer: Viewer,
  unit: { roundId: string; organisationId: string },
  submission: { expectedVersion: number | null; traineeApplicationIds: string[] },
  ip: string,
  now: Date = new Date(),
) {
  const ids = submission.traineeApplicationIds;
  const twice = firstRepeat(ids);
  if (twice >= 0) throw new RankingRuleError("applicantTwice", twice);
  try {
    return await db.transaction(async (tx) => {
      const { round, seat } = await lockUnit(tx, viewer, unit.roundId, unit.organisationId);
      assertBefore(round, "unitRanking", now);
      const valid = ids.filter(isUuid);
      const applied = new Set(
        valid.length === 0
          ? []
          : (await tx.select({ id: t.traineeApplications.id }).from(t.traineeApplications).where(and(inArray(t.traineeApplications.id, valid), eq(t.traineeApplications.roundId, round.id), listsUnit(seat.id)))).map((a) => a.id),
      );
      const stranger = ids.findIndex((id) => !applied.has(id));
      if (stranger >= 0) throw new RankingRuleError("notApplicant", stranger);
      const [existing] = await tx.select().from(t.unitRankLists).where(eq(t.unitRankLists.quotaApplicationId, seat.id));
      if ((existing?.version ?? null) !== submission.expectedVersion) throw new RankingRuleError("stale");
      const [list] = existing
        ? await tx
            .update(t.unitRankLists)
            .set({ version: existing.version + 1, submittedAt: now, updatedAt: now })
            .where(and(eq(t.unitRankLists.id, existing.id), eq(t.unitRankLists.version, existing.version)))
            .returning()
        : await tx.insert(t.unitRankLists).values({ quotaApplicationId: seat.id, submittedAt: now }).returning();
      if (!list) throw new RankingRuleError("stale");
      await tx.delete(t.unitRankEntries).where(eq(t.unitRankEntries.rankListId, list.id));
      if (ids.length > 0) await tx.insert(t.unitRankEntries).values(ids.map((traineeApplicationId, i) => ({ rankListId: list.id, rank: i + 1, traineeApplicationId })));
      await recordAudit(tx, { actorUserId: viewer.id, action: "unit-ranking-submitted", entity: "unit-rank-list", entityId: list.id, detail: { version: list.version, ranking: ids }, ip });
      return list;
    });
  } catch (error) {
    if (violates(error, "unit_rank_lists_quota_application_id_unique")) throw new RankingRuleError("stale");
    if (violates(error, "unit_rank_entries_once")) throw new RankingRuleError("applicantTwice");
    throw error;
  }
}
