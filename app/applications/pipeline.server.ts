// The hiring pipeline: a talent applies (or accepts a recruiter's invitation), the company moves the
// application through screening, interview and offer to a hire or a rejection, and the talent may
// withdraw. Every move is a timestamped stage event naming who made it, is mailed through the outbox in
// the same transaction, and a hire decrements the position's remaining headcount under a row lock, so two
// recruiters clicking at once can never hire beyond it.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { enqueueIndexJobs } from "../../search/sync";
import { recordAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session.server";
import { enqueueEmail } from "../mail/outbox.server";
import type { MailStage } from "../mail/templates";
import { isOpenForApplications } from "../positions/positions.server";
import { openCaseOnHire } from "../work-permits/cases.server";
import { companyMoves, scorecardStages, talentMayWithdraw, type Stage } from "./stages";

export type Application = typeof t.applications.$inferSelect;
type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export class PipelineRuleError extends Error {
  constructor(
    readonly code:
      | "notFound"
      | "notTalent"
      | "notMember"
      | "notOpen"
      | "ownCompany"
      | "alreadyApplied"
      | "alreadyInvited"
      | "notDiscoverable"
      | "notInvited"
      | "stale"
      | "moveNotAllowed"
      | "noHeadcountLeft"
      | "notInterviewStage"
      | "unknownCriterion"
      | "scoreOutOfRange",
  ) {
    super(code);
  }
}

export interface Links {
  publicUrl: string;
}

const isUniqueViolation = (error: unknown): boolean =>
  typeof error === "object" && error !== null && ((error as { code?: string }).code === "23505" || isUniqueViolation((error as { cause?: unknown }).cause));

async function positionContext(tx: Tx, positionId: string, lock = false) {
  const query = tx
    .select({ position: t.positions, organisation: t.organisations, occupation: t.occupations })
    .from(t.positions)
    .innerJoin(t.organisations, eq(t.organisations.id, t.positions.organisationId))
    .innerJoin(t.occupations, eq(t.occupations.id, t.positions.occupationId))
    .where(eq(t.positions.id, positionId));
  const [row] = lock ? await query.for("update", { of: t.positions }) : await query;
  if (!row) throw new PipelineRuleError("notFound");
  return row;
}

async function mailCompany(tx: Tx, organisationId: string, data: { position: string; talent: string; activity: "applied" | "accepted" | "declined" | "withdrawn"; url: string }) {
  const people = await tx
    .select({ email: t.users.email, locale: t.users.locale })
    .from(t.memberships)
    .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
    .where(eq(t.memberships.organisationId, organisationId));
  for (const person of people) await enqueueEmail(tx, { to: person.email, locale: person.locale, template: "application-activity", data });
}

async function userById(tx: Tx, id: string) {
  const [user] = await tx.select({ id: t.users.id, email: t.users.email, locale: t.users.locale, displayName: t.users.displayName }).from(t.users).where(eq(t.users.id, id));
  if (!user) throw new PipelineRuleError("notFound");
  return user;
}

async function recordStage(tx: Tx, applicationId: string, from: Stage | null, to: Stage, actorUserId: string, note?: string) {
  await tx.insert(t.applicationStageEvents).values({ applicationId, fromStage: from, toStage: to, actorUserId, note: note?.trim() || null });
}

const applicantsUrl = (links: Links, positionId: string) => `${links.publicUrl}/positions/${positionId}/applicants`;
const applicationUrl = (links: Links, applicationId: string) => `${links.publicUrl}/applications/${applicationId}`;

/** A talent applies to an open position. A second application to the same position is refused by the database. */
export async function applyToPosition(db: Database, viewer: Viewer, positionId: string, coverNote: string, links: Links): Promise<Application> {
  if (!can(viewer.roles, "create:application:own")) throw new PipelineRuleError("notTalent");
  try {
    return await db.transaction(async (tx) => {
      // A share lock: a hire filling the position cannot slip between this check and the insert.
      const [row] = await tx.select().from(t.positions).where(eq(t.positions.id, positionId)).for("share");
      if (!row) throw new PipelineRuleError("notFound");
      const [organisation] = await tx.select().from(t.organisations).where(eq(t.organisations.id, row.organisationId));
      if (!isOpenForApplications(row) || organisation?.approval !== "approved") throw new PipelineRuleError("notOpen");
      // Someone who is both a talent and one of the company's people cannot apply to their own company.
      if (viewer.memberships.some((m) => m.organisationId === row.organisationId)) throw new PipelineRuleError("ownCompany");
      const [existing] = await tx.select({ stage: t.applications.stage }).from(t.applications).where(and(eq(t.applications.positionId, positionId), eq(t.applications.talentUserId, viewer.id)));
      if (existing?.stage === "invited") throw new PipelineRuleError("alreadyInvited");
      const [application] = await tx
        .insert(t.applications)
        .values({ positionId, talentUserId: viewer.id, origin: "applied", stage: "applied", coverNote: coverNote.trim() })
        .returning();
      await recordStage(tx, application!.id, null, "applied", viewer.id);
      await mailCompany(tx, row.organisationId, { position: row.title, talent: viewer.displayName, activity: "applied", url: applicantsUrl(links, positionId) });
      return application!;
    });
  } catch (error) {
    if (error instanceof PipelineRuleError) throw error;
    if (isUniqueViolation(error)) throw new PipelineRuleError("alreadyApplied");
    throw error;
  }
}

/** A recruiter invites a talent whose profile is open to approved companies; the talent then accepts or declines. */
export async function inviteTalent(db: Database, viewer: Viewer, positionId: string, talentUserId: string, note: string, links: Links): Promise<Application> {
  try {
    return await db.transaction(async (tx) => {
      const { position, organisation } = await positionContext(tx, positionId);
      requireMember(viewer, position.organisationId);
      if (!isOpenForApplications(position) || organisation.approval !== "approved") throw new PipelineRuleError("notOpen");
      const [profile] = await tx.select({ visibility: t.talentProfiles.visibility }).from(t.talentProfiles).where(eq(t.talentProfiles.userId, talentUserId));
      if (profile?.visibility !== "approved_companies") throw new PipelineRuleError("notDiscoverable");
      const [application] = await tx
        .insert(t.applications)
        .values({ positionId, talentUserId, origin: "invited", stage: "invited", coverNote: note.trim() })
        .returning();
      await recordStage(tx, application!.id, null, "invited", viewer.id, note);
      const talent = await userById(tx, talentUserId);
      await enqueueEmail(tx, {
        to: talent.email,
        locale: talent.locale,
        template: "application-invitation",
        data: { name: talent.displayName, position: position.title, organisation: talent.locale === "en" ? organisation.nameEn : organisation.nameZh, url: applicationUrl(links, application!.id) },
      });
      return application!;
    });
  } catch (error) {
    if (error instanceof PipelineRuleError) throw error;
    if (isUniqueViolation(error)) throw new PipelineRuleError("alreadyApplied");
    throw error;
  }
}

function requireMember(viewer: Viewer, organisationId: string) {
  const member = viewer.memberships.some((m) => m.organisationId === organisationId && m.kind === "company");
  if (!member || !can(viewer.roles, "update:application:organisation")) throw new PipelineRuleError("notMember");
}

async function lockApplication(tx: Tx, applicationId: string): Promise<Application> {
  if (!/^[0-9a-f-]{36}$/i.test(applicationId)) throw new PipelineRuleError("notFound");
  const [application] = await tx.select().from(t.applications).where(eq(t.applications.id, applicationId)).for("update");
  if (!application) throw new PipelineRuleError("notFound");
  return application;
}

async function setStage(tx: Tx, application: Application, to: Stage) {
  await tx.update(t.applications).set({ stage: to, version: application.version + 1, updatedAt: new Date() }).where(eq(t.applications.id, application.id));
}

/** The invited talent answers: accepting makes it an application like any other. */
export async function answerInvitation(db: Database, viewer: Viewer, applicationId: string, accept: boolean, links: Links): Promise<void> {
  await db.transaction(async (tx) => {
    const application = await lockApplication(tx, applicationId);
    if (application.talentUserId !== viewer.id) throw new PipelineRuleError("notFound");
    if (application.stage !== "invited") throw new PipelineRuleError("notInvited");
    const { position } = await positionContext(tx, application.positionId);
    if (accept && !isOpenForApplications(position)) throw new PipelineRuleError("notOpen");
    const to: Stage = accept ? "applied" : "withdrawn";
    await setStage(tx, application, to);
    await recordStage(tx, application.id, "invited", to, viewer.id);
    await mailCompany(tx, position.organisationId, { position: position.title, talent: viewer.displayName, activity: accept ? "accepted" : "declined", url: applicantsUrl(links, position.id) });
  });
}

/** The talent withdraws an application still in progress. */
export async function withdrawApplication(db: Database, viewer: Viewer, applicationId: string, links: Links): Promise<void> {
  await db.transaction(async (tx) => {
    const application = await lockApplication(tx, applicationId);
    if (application.talentUserId !== viewer.id) throw new PipelineRuleError("notFound");
    if (!talentMayWithdraw(application.stage)) throw new PipelineRuleError("moveNotAllowed");
    const { position } = await positionContext(tx, application.positionId);
    await setStage(tx, application, "withdrawn");
    await recordStage(tx, application.id, application.stage, "withdrawn", viewer.id);
    await mailCompany(tx, position.organisationId, { position: position.title, talent: viewer.displayName, activity: "withdrawn", url: applicantsUrl(links, position.id) });
  });
}

const salaryBandOf = (monthlyNtd: number | null): (typeof t.salaryBand.enumValues)[number] => {
  if (monthlyNtd === null) return "undisclosed";
  if (monthlyNtd < 40_000) return "under_40k";
  if (monthlyNtd < 60_000) return "40k_60k";
  if (monthlyNtd < 80_000) return "60k_80k";
  if (monthlyNtd < 100_000) return "80k_100k";
  if (monthlyNtd < 150_000) return "100k_150k";
  return "over_150k";
};

export interface StageMove {
  /** The stage the recruiter saw; if a colleague moved it meanwhile, this move is stale. */
  from: Stage;
  to: Stage;
  note?: string;
}

/**
 * A company member moves an application. A hire locks the position, refuses when no headcount is left,
 * decrements it (closing the position as filled at zero) and records the talent's employment outcome.
 */
export async function moveApplication(db: Database, viewer: Viewer, applicationId: string, move: StageMove, links: Links, ip: string): Promise<void> {
  let filled = false;
  await db.transaction(async (tx) => {
    const application = await lockApplication(tx, applicationId);
    // Lock the position before anything else reads it, so concurrent hires queue here.
    const { position, organisation, occupation } = await positionContext(tx, application.positionId, move.to === "hired");
    requireMember(viewer, position.organisationId);
    if (application.stage !== move.from) throw new PipelineRuleError("stale");
    if (!companyMoves(application.stage).includes(move.to)) throw new PipelineRuleError("moveNotAllowed");
    if (move.to === "hired") {
      if (position.remainingHeadcount < 1) throw new PipelineRuleError("noHeadcountLeft");
      const remaining = position.remainingHeadcount - 1;
      filled = remaining === 0;
      await tx
        .update(t.positions)
        .set({ remainingHeadcount: remaining, status: filled ? "filled" : position.status, version: position.version + 1, updatedAt: new Date() })
        .where(eq(t.positions.id, position.id));
      // The hire is the talent's employment outcome at the moment of hiring; the outcomes work follows it up.
      await tx.insert(t.employmentOutcomes).values({
        userId: application.talentUserId,
        applicationId: application.id,
        checkpoint: "completion",
        status: "industry",
        employerOrganisationId: organisation.id,
        occupationCode: occupation.code,
        isShortageOccupation: true,
        salaryBand: salaryBandOf(position.salaryMinNtd),
        source: "portal_hire",
        verification: "verified",
        recordedBy: viewer.id,
      });
      await enqueueIndexJobs(tx, [{ index: "positions", id: position.id }]);
      // An overseas talent's hire opens their work-permit case in the same transaction.
      await openCaseOnHire(tx, { applicationId: application.id, talentUserId: application.talentUserId, organisationId: organisation.id, actorUserId: viewer.id }, links);
    }
    await setStage(tx, application, move.to);
    await recordStage(tx, application.id, application.stage, move.to, viewer.id, move.note);
    await recordAudit(tx, { actorUserId: viewer.id, action: "application-moved", entity: "application", entityId: application.id, detail: { from: application.stage, to: move.to }, ip });
    const talent = await userById(tx, application.talentUserId);
    await enqueueEmail(tx, {
      to: talent.email,
      locale: talent.locale,
      template: "application-stage",
      data: {
        name: talent.displayName,
        position: position.title,
        organisation: talent.locale === "en" ? organisation.nameEn : organisation.nameZh,
        stage: move.to as MailStage,
        url: applicationUrl(links, application.id),
      },
    });
  });
}

export type Recommendation = (typeof t.recommendation.enumValues)[number];

export interface ScorecardInput {
  /** Skill key → 1–5; the criteria are the position's required skills. */
  scores: Record<string, number>;
  recommendation: Recommendation;
  notes: string;
}

/** An interviewer's structured scorecard; one per interviewer and application, saved again to revise it. */
export async function saveScorecard(db: Database, viewer: Viewer, applicationId: string, input: ScorecardInput): Promise<void> {
  await db.transaction(async (tx) => {
    const application = await lockApplication(tx, applicationId);
    const { position } = await positionContext(tx, application.positionId);
    requireMember(viewer, position.organisationId);
    if (!scorecardStages.includes(application.stage)) throw new PipelineRuleError("notInterviewStage");
    if (application.stage === "rejected") {
      // A rejection is scored only if the talent was interviewed before it.
      const [interviewed] = await tx
        .select({ id: t.applicationStageEvents.id })
        .from(t.applicationStageEvents)
        .where(and(eq(t.applicationStageEvents.applicationId, applicationId), inArray(t.applicationStageEvents.toStage, ["interview", "offer"])))
        .limit(1);
      if (!interviewed) throw new PipelineRuleError("notInterviewStage");
    }
    const criteria = await tx.select({ key: t.positionSkills.skillKey }).from(t.positionSkills).where(eq(t.positionSkills.positionId, position.id));
    const allowed = new Set(criteria.map((c) => c.key));
    const entries = Object.entries(input.scores);
    if (entries.some(([key]) => !allowed.has(key))) throw new PipelineRuleError("unknownCriterion");
    if (entries.some(([, score]) => !Number.isInteger(score) || score < 1 || score > 5)) throw new PipelineRuleError("scoreOutOfRange");
    const [card] = await tx
      .insert(t.interviewScorecards)
      .values({ applicationId, interviewerUserId: viewer.id, recommendation: input.recommendation, notes: input.notes.trim() })
      .onConflictDoUpdate({
        target: [t.interviewScorecards.applicationId, t.interviewScorecards.interviewerUserId],
        set: { recommendation: input.recommendation, notes: input.notes.trim(), updatedAt: new Date() },
      })
      .returning({ id: t.interviewScorecards.id });
    await tx.delete(t.scorecardScores).where(eq(t.scorecardScores.scorecardId, card!.id));
    if (entries.length > 0) await tx.insert(t.scorecardScores).values(entries.map(([skillKey, score]) => ({ scorecardId: card!.id, skillKey, score })));
  });
}

/** An application with its position, history and scorecards, if the viewer may see it. */
export async function getApplicationFor(db: Database, viewer: Viewer, applicationId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(applicationId)) return null;
  const [row] = await db
    .select({ application: t.applications, position: t.positions, organisation: t.organisations, occupation: t.occupations, talent: { id: t.users.id, displayName: t.users.displayName, email: t.users.email } })
    .from(t.applications)
    .innerJoin(t.positions, eq(t.positions.id, t.applications.positionId))
    .innerJoin(t.organisations, eq(t.organisations.id, t.positions.organisationId))
    .innerJoin(t.occupations, eq(t.occupations.id, t.positions.occupationId))
    .innerJoin(t.users, eq(t.users.id, t.applications.talentUserId))
    .where(eq(t.applications.id, applicationId));
  if (!row) return null;
  const isTalent = row.application.talentUserId === viewer.id;
  const manages = viewer.memberships.some((m) => m.organisationId === row.position.organisationId && m.kind === "company");
  const office = can(viewer.roles, "read:application:any");
  if (!isTalent && !manages && !office) return null;
  const actor = t.users;
  const [events, cards, criteria] = await Promise.all([
    db
      .select({ id: t.applicationStageEvents.id, from: t.applicationStageEvents.fromStage, to: t.applicationStageEvents.toStage, note: t.applicationStageEvents.note, at: t.applicationStageEvents.at, actorId: t.applicationStageEvents.actorUserId, actor: actor.displayName })
      .from(t.applicationStageEvents)
      .leftJoin(actor, eq(actor.id, t.applicationStageEvents.actorUserId))
      .where(eq(t.applicationStageEvents.applicationId, applicationId))
      .orderBy(asc(t.applicationStageEvents.at)),
    // Scorecards are the company's internal assessment: never shown to the talent.
    isTalent && !manages
      ? Promise.resolve([])
      : db
          .select({ id: t.interviewScorecards.id, interviewerUserId: t.interviewScorecards.interviewerUserId, interviewer: t.users.displayName, recommendation: t.interviewScorecards.recommendation, notes: t.interviewScorecards.notes, updatedAt: t.interviewScorecards.updatedAt })
          .from(t.interviewScorecards)
          .innerJoin(t.users, eq(t.users.id, t.interviewScorecards.interviewerUserId))
          .where(eq(t.interviewScorecards.applicationId, applicationId))
          .orderBy(asc(t.interviewScorecards.createdAt)),
    db.select({ key: t.positionSkills.skillKey }).from(t.positionSkills).where(eq(t.positionSkills.positionId, row.position.id)).orderBy(asc(t.positionSkills.position)),
  ]);
  const scores = cards.length
    ? await db.select().from(t.scorecardScores).where(inArray(t.scorecardScores.scorecardId, cards.map((c) => c.id)))
    : [];
  return {
    ...row,
    isTalent,
    manages,
    events,
    criteria: criteria.map((c) => c.key),
    scorecards: cards.map((card) => ({ ...card, scores: Object.fromEntries(scores.filter((s) => s.scorecardId === card.id).map((s) => [s.skillKey, s.score])) })),
  };
}
