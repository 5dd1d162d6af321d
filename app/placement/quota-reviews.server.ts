// Stage 2 of the quota review: the office assigns panel reviewers (users with the reviewer role) to
// plans whose documents are complete; each reviewer sees only their own assignments, and either
// declares a conflict of interest (and then cannot score) or scores every published criterion of the
// round from 0 to its maximum, with a comment, until the review deadline. Scores can be revised until then.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session.server";
import { unitApplicationScope } from "../auth/visibility.server";
import { assertBefore } from "./calendar";
import { getQuotaApplicationFor, isUniqueViolation, lockRoundAndApplication, QuotaRuleError, requireOfficeRole, type QuotaApplicationView } from "./quota-applications.server";
import { weightedTotal, type WeightedTotal } from "./review-totals";
import { criteriaOf, lockRound, type Reader, type Round, type Tx } from "./rounds.server";
import { isUuid } from "../ids";

export type ReviewAssignment = typeof t.reviewAssignments.$inferSelect;

/** People the office can assign: everyone with the reviewer role. */
export async function listReviewers(db: Reader) {
  return db
    .select({ id: t.users.id, displayName: t.users.displayName, email: t.users.email })
    .from(t.userRoles)
    .innerJoin(t.users, eq(t.users.id, t.userRoles.userId))
    .where(eq(t.userRoles.role, "reviewer"))
    .orderBy(asc(t.users.displayName), asc(t.users.email));
}

export async function assignReviewer(db: Database, officer: Viewer, applicationId: string, reviewerUserId: string, ip: string, now: Date = new Date()): Promise<ReviewAssignment> {
  requireOfficeRole(officer);
  try {
    return await db.transaction(async (tx) => {
      const { round, application } = await lockRoundAndApplication(tx, applicationId, "share");
      assertBefore(round, "review", now);
      if (application.status !== "documents_complete") throw new QuotaRuleError("notDocumentsComplete");
      const [isReviewer] = await tx
        .select({ userId: t.userRoles.userId })
        .from(t.userRoles)
        .where(and(eq(t.userRoles.userId, reviewerUserId), eq(t.userRoles.role, "reviewer")));
      if (!isReviewer) throw new QuotaRuleError("notReviewer");
      const [assignment] = await tx.insert(t.reviewAssignments).values({ quotaApplicationId: applicationId, reviewerUserId }).returning();
      await recordAudit(tx, { actorUserId: officer.id, action: "reviewer-assigned", entity: "unit-quota-application", entityId: applicationId, detail: { reviewerUserId }, ip });
      return assignment!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "review_assignments_once")) throw new QuotaRuleError("alreadyAssigned");
    throw error;
  }
}

/** The reviewer's own assignment, with its round locked (share) and the assignment locked. */
async function lockOwnAssignment(tx: Tx, reviewer: Viewer, assignmentId: string): Promise<{ round: Round; assignment: ReviewAssignment; status: string }> {
  if (!can(reviewer.roles, "create:unit-review:assigned")) throw new QuotaRuleError("notReviewer");
  if (!isUuid(assignmentId)) throw new QuotaRuleError("notAssigned");
  const [found] = await tx
    .select({ roundId: t.unitQuotaApplications.roundId })
    .from(t.reviewAssignments)
    .innerJoin(t.unitQuotaApplications, eq(t.unitQuotaApplications.id, t.reviewAssignments.quotaApplicationId))
    .where(and(eq(t.reviewAssignments.id, assignmentId), eq(t.reviewAssignments.reviewerUserId, reviewer.id)));
  if (!found) throw new QuotaRuleError("notAssigned");
  const round = await lockRound(tx, found.roundId, "share");
  const [assignment] = await tx.select().from(t.reviewAssignments).where(eq(t.reviewAssignments.id, assignmentId)).for("update");
  if (!assignment) throw new QuotaRuleError("notAssigned");
  const [application] = await tx.select({ status: t.unitQuotaApplications.status }).from(t.unitQuotaApplications).where(eq(t.unitQuotaApplications.id, assignment.quotaApplicationId));
  return { round, assignment, status: application!.status };
}

/** The reviewer cannot judge this plan impartially: their scores (if any) are dropped and they score no more. */
export async function declareConflict(db: Database, reviewer: Viewer, assignmentId: string, note: string, ip: string, now: Date = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const { round, assignment, status } = await lockOwnAssignment(tx, reviewer, assignmentId);
    assertBefore(round, "review", now);
    if (status === "allocated" || status === "not_allocated") throw new QuotaRuleError("resultsPublished");
    if (assignment.conflictDeclared) throw new QuotaRuleError("conflictDeclared");
    await tx.delete(t.reviewScores).where(eq(t.reviewScores.assignmentId, assignmentId));
    await tx
      .update(t.reviewAssignments)
      .set({ conflictDeclared: true, conflictNote: note.trim() || null, submittedAt: null, comment: null })
      .where(eq(t.reviewAssignments.id, assignmentId));
    await recordAudit(tx, { actorUserId: reviewer.id, action: "review-conflict-declared", entity: "unit-quota-application", entityId: assignment.quotaApplicationId, ip });
  });
}

/** Scores every criterion of the round (whole numbers 0..maxScore) with a comment; replaces earlier scores. */
export async function submitReview(
  db: Database,
  reviewer: Viewer,
  assignmentId: string,
  review: { scores: Record<string, number>; comment: string },
  ip: string,
  now: Date = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const { round, assignment, status } = await lockOwnAssignment(tx, reviewer, assignmentId);
    assertBefore(round, "review", now);
    if (assignment.conflictDeclared) throw new QuotaRuleError("conflictDeclared");
    if (status === "allocated" || status === "not_allocated") throw new QuotaRuleError("resultsPublished");
    const criteria = await criteriaOf(tx, round.id);
    const known = new Set(criteria.map((c) => c.key));
    for (const key of Object.keys(review.scores)) if (!known.has(key)) throw new QuotaRuleError("unknownCriterion", key);
    for (const c of criteria) {
      const score = review.scores[c.key];
      if (score === undefined) throw new QuotaRuleError("missingScore", c.key);
      if (!Number.isInteger(score) || score < 0 || score > c.maxScore) throw new QuotaRuleError("scoreOutOfRange", c.key);
    }
    await tx.delete(t.reviewScores).where(eq(t.reviewScores.assignmentId, assignmentId));
    await tx.insert(t.reviewScores).values(criteria.map((c) => ({ assignmentId, criterionKey: c.key, score: review.scores[c.key]! })));
    await tx.update(t.reviewAssignments).set({ submittedAt: now, comment: review.comment.trim() || null }).where(eq(t.reviewAssignments.id, assignmentId));
    await recordAudit(tx, { actorUserId: reviewer.id, action: "review-submitted", entity: "unit-quota-application", entityId: assignment.quotaApplicationId, ip });
  });
}

async function scoresOf(db: Reader, assignmentIds: string[]): Promise<Map<string, Record<string, number>>> {
  const byAssignment = new Map<string, Record<string, number>>();
  if (assignmentIds.length === 0) return byAssignment;
  const rows = await db.select().from(t.reviewScores).where(inArray(t.reviewScores.assignmentId, assignmentIds));
  for (const row of rows) {
    const scores = byAssignment.get(row.assignmentId) ?? {};
    scores[row.criterionKey] = row.score;
    byAssignment.set(row.assignmentId, scores);
  }
  return byAssignment;
}

/** The reviewer's own assignments, newest round first, a page at a time. */
export async function listOwnAssignments(db: Reader, reviewer: Viewer, { limit, offset }: { limit: number; offset: number }) {
  const where = and(eq(t.reviewAssignments.reviewerUserId, reviewer.id), unitApplicationScope(reviewer));
  const rows = await db
    .select({
      id: t.reviewAssignments.id,
      conflictDeclared: t.reviewAssignments.conflictDeclared,
      submittedAt: t.reviewAssignments.submittedAt,
      applicationId: t.unitQuotaApplications.id,
      focus: t.unitQuotaApplications.focus,
      unitZh: t.organisations.nameZh,
      unitEn: t.organisations.nameEn,
      round: { id: t.placementRounds.id, titleZh: t.placementRounds.titleZh, titleEn: t.placementRounds.titleEn, reviewCloseAt: t.placementRounds.reviewCloseAt },
    })
    .from(t.reviewAssignments)
    .innerJoin(t.unitQuotaApplications, eq(t.unitQuotaApplications.id, t.reviewAssignments.quotaApplicationId))
    .innerJoin(t.organisations, eq(t.organisations.id, t.unitQuotaApplications.unitOrganisationId))
    .innerJoin(t.placementRounds, eq(t.placementRounds.id, t.unitQuotaApplications.roundId))
    .where(where)
    .orderBy(desc(t.placementRounds.year), asc(t.organisations.nameZh), asc(t.reviewAssignments.id))
    .limit(limit + 1)
    .offset(offset);
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}

export interface OwnAssignmentView {
  assignment: ReviewAssignment;
  scores: Record<string, number>;
  plan: QuotaApplicationView;
  round: Round;
  criteria: Awaited<ReturnType<typeof criteriaOf>>;
}

/** One of the reviewer's assignments with the plan to review and the round's criteria; null for anyone else's. */
export async function getOwnAssignment(db: Reader, reviewer: Viewer, assignmentId: string): Promise<OwnAssignmentView | null> {
  if (!isUuid(assignmentId)) return null;
  const [assignment] = await db.select().from(t.reviewAssignments).where(and(eq(t.reviewAssignments.id, assignmentId), eq(t.reviewAssignments.reviewerUserId, reviewer.id)));
  if (!assignment) return null;
  const plan = await getQuotaApplicationFor(db, reviewer, assignment.quotaApplicationId);
  if (!plan) return null;
  const [round] = await db.select().from(t.placementRounds).where(eq(t.placementRounds.id, plan.application.roundId));
  const [criteria, scores] = await Promise.all([criteriaOf(db, round!.id), scoresOf(db, [assignmentId])]);
  return { assignment, scores: scores.get(assignmentId) ?? {}, plan, round: round!, criteria };
}

/** For the office: every review of one application, with the reviewer's name and scores. */
export async function reviewsOf(db: Reader, applicationId: string) {
  const rows = await db
    .select({ assignment: t.reviewAssignments, reviewer: { id: t.users.id, displayName: t.users.displayName } })
    .from(t.reviewAssignments)
    .innerJoin(t.users, eq(t.users.id, t.reviewAssignments.reviewerUserId))
    .where(eq(t.reviewAssignments.quotaApplicationId, applicationId))
    .orderBy(asc(t.users.displayName), asc(t.reviewAssignments.id));
  const scores = await scoresOf(db, rows.map((r) => r.assignment.id));
  return rows.map((r) => ({ ...r, scores: scores.get(r.assignment.id) ?? {} }));
}

/** The weighted total (review-totals.ts) of each application of a round that has reviewers. */
export async function totalsForRound(db: Reader, roundId: string): Promise<Map<string, WeightedTotal>> {
  const [criteria, assignments] = await Promise.all([
    criteriaOf(db, roundId),
    db
      .select({ assignment: t.reviewAssignments })
      .from(t.reviewAssignments)
      .innerJoin(t.unitQuotaApplications, eq(t.unitQuotaApplications.id, t.reviewAssignments.quotaApplicationId))
      .where(eq(t.unitQuotaApplications.roundId, roundId)),
  ]);
  const scores = await scoresOf(db, assignments.map((a) => a.assignment.id));
  const byApplication = new Map<string, { conflictDeclared: boolean; submittedAt: Date | null; scores: Record<string, number> }[]>();
  for (const { assignment } of assignments) {
    const list = byApplication.get(assignment.quotaApplicationId) ?? [];
    list.push({ conflictDeclared: assignment.conflictDeclared, submittedAt: assignment.submittedAt, scores: scores.get(assignment.id) ?? {} });
    byApplication.set(assignment.quotaApplicationId, list);
  }
  return new Map([...byApplication].map(([id, reviews]) => [id, weightedTotal(criteria, reviews)]));
}

/** For the office's round table: who is assigned to each application, and how far they are. */
export async function assignmentsForRound(db: Reader, roundId: string) {
  const rows = await db
    .select({
      applicationId: t.reviewAssignments.quotaApplicationId,
      reviewerUserId: t.reviewAssignments.reviewerUserId,
      displayName: t.users.displayName,
      conflictDeclared: t.reviewAssignments.conflictDeclared,
      submittedAt: t.reviewAssignments.submittedAt,
    })
    .from(t.reviewAssignments)
    .innerJoin(t.unitQuotaApplications, eq(t.unitQuotaApplications.id, t.reviewAssignments.quotaApplicationId))
    .innerJoin(t.users, eq(t.users.id, t.reviewAssignments.reviewerUserId))
    .where(eq(t.unitQuotaApplications.roundId, roundId))
    .orderBy(asc(t.users.displayName));
  const byApplication = new Map<string, typeof rows>();
  for (const row of rows) byApplication.set(row.applicationId, [...(byApplication.get(row.applicationId) ?? []), row]);
  return byApplication;
}
