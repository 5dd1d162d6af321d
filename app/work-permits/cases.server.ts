// The work-permit tracker. A hire of an overseas talent (a nationality on the profile other than
// Taiwan's) opens one case, in the hire's transaction, with six fixed steps, each owned by the company
// or the talent. Each side updates its own steps (status, due date, note, documents); the office reads
// every case and sees where each stalls. Decision record: docs/decisions/0016-work-permit-cases.md.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session.server";
import { enqueueEmail } from "../mail/outbox.server";
import { STEP_PLAN, type StepKind, type StepOwner, type StepStatus } from "./steps";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type WorkPermitCase = typeof t.workPermitCases.$inferSelect;
export type WorkPermitStep = typeof t.workPermitSteps.$inferSelect;

export class WorkPermitRuleError extends Error {
  constructor(readonly code: "notFound" | "notOwner" | "duePast" | "caseClosed") {
    super(code);
  }
}

/** Taiwan's ISO 3166-1 code: a talent of this nationality needs no work permit. */
export const TAIWAN = "TW";

export interface HireFacts {
  applicationId: string;
  talentUserId: string;
  organisationId: string;
  actorUserId: string;
}

/**
 * Called inside the hire's transaction. Opens the case when the talent's nationality is known and not
 * Taiwan's; the unique application id makes a second call a no-op. Returns the case id, or null.
 */
export async function openCaseOnHire(tx: Tx, hire: HireFacts, links: { publicUrl: string }): Promise<string | null> {
  const [profile] = await tx.select({ nationality: t.talentProfiles.nationality }).from(t.talentProfiles).where(eq(t.talentProfiles.userId, hire.talentUserId));
  if (!profile?.nationality || profile.nationality === TAIWAN) return null;
  const [opened] = await tx
    .insert(t.workPermitCases)
    .values({ applicationId: hire.applicationId, talentUserId: hire.talentUserId, organisationId: hire.organisationId })
    .onConflictDoNothing({ target: t.workPermitCases.applicationId })
    .returning({ id: t.workPermitCases.id });
  if (!opened) return null;
  const now = new Date();
  await tx.insert(t.workPermitSteps).values(STEP_PLAN.map((step, i) => ({
    caseId: opened.id,
    kind: step.kind,
    position: i + 1,
    owner: step.owner,
    // The offer was accepted: that is what opened the case.
    status: step.kind === "offer" ? ("done" as const) : ("pending" as const),
    changedAt: now,
    changedBy: step.kind === "offer" ? hire.actorUserId : null,
  })));
  const people = await tx
    .select({ email: t.users.email, locale: t.users.locale, name: t.users.displayName, id: t.users.id })
    .from(t.users)
    .where(inArray(t.users.id, [hire.talentUserId, ...(await memberIds(tx, hire.organisationId))]));
  const url = `${links.publicUrl}/work-permits/${opened.id}`;
  for (const person of people) {
    await enqueueEmail(tx, { to: person.email, locale: person.locale, template: "work-permit-opened", data: { name: person.name, forTalent: person.id === hire.talentUserId, url } });
  }
  return opened.id;
}

async function memberIds(tx: Tx, organisationId: string): Promise<string[]> {
  const rows = await tx.select({ id: t.memberships.userId }).from(t.memberships).where(eq(t.memberships.organisationId, organisationId));
  return rows.map((r) => r.id);
}

export type CaseView = "company" | "talent" | "office";

/** Which side the viewer is on for this case, or null when the case does not exist for them. */
export function viewOf(viewer: Viewer, kase: Pick<WorkPermitCase, "talentUserId" | "organisationId">): CaseView | null {
  if (kase.talentUserId === viewer.id && can(viewer.roles, "update:work-permit-case:own")) return "talent";
  if (viewer.memberships.some((m) => m.organisationId === kase.organisationId) && can(viewer.roles, "update:work-permit-case:organisation")) return "company";
  if (can(viewer.roles, "read:work-permit-case:any")) return "office";
  return null;
}

export interface CaseDetail {
  kase: WorkPermitCase;
  view: CaseView;
  talent: { name: string; nationality: string | null };
  organisation: { nameZh: string; nameEn: string };
  position: { id: string; title: string };
  steps: Array<WorkPermitStep & { documents: Array<{ id: string; fileName: string; sizeBytes: number; uploadedAt: Date }> }>;
}

export async function getCaseFor(db: Database, viewer: Viewer, caseId: string): Promise<CaseDetail | null> {
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) return null;
  const [row] = await db
    .select({ kase: t.workPermitCases, talentName: t.users.displayName, nationality: t.talentProfiles.nationality, nameZh: t.organisations.nameZh, nameEn: t.organisations.nameEn, positionId: t.positions.id, positionTitle: t.positions.title })
    .from(t.workPermitCases)
    .innerJoin(t.users, eq(t.users.id, t.workPermitCases.talentUserId))
    .leftJoin(t.talentProfiles, eq(t.talentProfiles.userId, t.workPermitCases.talentUserId))
    .innerJoin(t.organisations, eq(t.organisations.id, t.workPermitCases.organisationId))
    .innerJoin(t.applications, eq(t.applications.id, t.workPermitCases.applicationId))
    .innerJoin(t.positions, eq(t.positions.id, t.applications.positionId))
    .where(eq(t.workPermitCases.id, caseId));
  if (!row) return null;
  const view = viewOf(viewer, row.kase);
  if (!view) return null;
  const steps = await db.select().from(t.workPermitSteps).where(eq(t.workPermitSteps.caseId, caseId)).orderBy(asc(t.workPermitSteps.position));
  const documents = steps.length === 0 ? [] : await db
    .select({ id: t.workPermitDocuments.id, stepId: t.workPermitDocuments.stepId, fileName: t.files.fileName, sizeBytes: t.files.sizeBytes, uploadedAt: t.workPermitDocuments.uploadedAt })
    .from(t.workPermitDocuments)
    .innerJoin(t.files, eq(t.files.id, t.workPermitDocuments.fileId))
    .where(inArray(t.workPermitDocuments.stepId, steps.map((s) => s.id)))
    .orderBy(asc(t.workPermitDocuments.uploadedAt));
  return {
    kase: row.kase,
    view,
    talent: { name: row.talentName, nationality: row.nationality },
    organisation: { nameZh: row.nameZh, nameEn: row.nameEn },
    position: { id: row.positionId, title: row.positionTitle },
    steps: steps.map((s) => ({ ...s, documents: documents.filter((d) => d.stepId === s.id).map(({ stepId: _stepId, ...d }) => d) })),
  };
}

/** The case ids the viewer is on as talent or company, by application (for links from the application page). */
export async function caseIdForApplication(db: Database, applicationId: string): Promise<string | null> {
  const [row] = await db.select({ id: t.workPermitCases.id }).from(t.workPermitCases).where(eq(t.workPermitCases.applicationId, applicationId));
  return row?.id ?? null;
}

/**
 * Locks the step and its case and checks the viewer owns the step: the talent their steps, the
 * company's members the company's. The office reads but updates nothing.
 */
async function lockOwnStep(tx: Tx, viewer: Viewer, caseId: string, stepId: string) {
  const [row] = await tx
    .select({ step: t.workPermitSteps, kase: t.workPermitCases })
    .from(t.workPermitSteps)
    .innerJoin(t.workPermitCases, eq(t.workPermitCases.id, t.workPermitSteps.caseId))
    .where(and(eq(t.workPermitSteps.id, stepId), eq(t.workPermitSteps.caseId, caseId)))
    .for("update");
  if (!row) throw new WorkPermitRuleError("notFound");
  const view = viewOf(viewer, row.kase);
  if (!view) throw new WorkPermitRuleError("notFound");
  if (view === "office" || (view === "talent" ? "talent" : "company") !== row.step.owner) throw new WorkPermitRuleError("notOwner");
  if (row.kase.closedAt) throw new WorkPermitRuleError("caseClosed");
  return row;
}

export interface StepUpdate {
  status: StepStatus;
  /** YYYY-MM-DD, or null to clear. */
  dueOn: string | null;
  note: string;
}

/** Today in Taipei, YYYY-MM-DD: due dates are calendar days where the permits are issued. */
export function taipeiToday(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Taipei", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export async function updateStep(db: Database, viewer: Viewer, caseId: string, stepId: string, update: StepUpdate, ip: string | null, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const { step } = await lockOwnStep(tx, viewer, caseId, stepId);
    // A due date already set may stay as it is; a new or changed one must not be in the past.
    if (update.dueOn !== null && update.dueOn !== step.dueOn && update.dueOn < taipeiToday(now)) throw new WorkPermitRuleError("duePast");
    await tx.update(t.workPermitSteps).set({ status: update.status, dueOn: update.dueOn, note: update.note, changedAt: now, changedBy: viewer.id }).where(eq(t.workPermitSteps.id, step.id));
    await tx.update(t.workPermitCases).set({ updatedAt: now }).where(eq(t.workPermitCases.id, caseId));
    await closeWhenComplete(tx, caseId, now);
    await recordAudit(tx, { actorUserId: viewer.id, action: "work-permit-step-updated", entity: "work-permit-step", entityId: step.id, detail: { from: step.status, to: update.status, dueOn: update.dueOn }, ip });
  });
}

async function closeWhenComplete(tx: Tx, caseId: string, now: Date) {
  const steps = await tx.select({ status: t.workPermitSteps.status }).from(t.workPermitSteps).where(eq(t.workPermitSteps.caseId, caseId));
  if (steps.length > 0 && steps.every((s) => s.status === "done")) await tx.update(t.workPermitCases).set({ closedAt: now }).where(eq(t.workPermitCases.id, caseId));
}

export type { StepKind, StepOwner, StepStatus };
