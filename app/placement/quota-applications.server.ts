// Training units' quota applications (section 五 of 002): each year a unit in drugs, medical devices
// or healthcare management submits its plan (courses, at least 6 months of internship with named
// partner companies or medical centres, the number of trainees it asks for) before the round's
// unit-application deadline; one per unit and round. Stage 1: the office checks the documents and
// marks the plan complete or returns it with reasons, and a returned plan can be fixed and resubmitted
// before the deadline. Stage 2 (quota-reviews.server.ts) and stage 3 (quota-allocations.server.ts)
// follow. Every write locks the round row first, then the application, so the order never deadlocks.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session.server";
import { unitApplicationScope } from "../auth/visibility.server";
import { enqueueEmail } from "../mail/outbox.server";
import { assertBefore } from "./calendar";
import { lockRound, type Reader, type Round, type Tx } from "./rounds.server";
import { isUuid } from "../ids";

export type QuotaApplication = typeof t.unitQuotaApplications.$inferSelect;
export type QuotaStatus = QuotaApplication["status"];
export type UnitFocus = QuotaApplication["focus"];
export const unitFocuses = t.unitFocus.enumValues;

export class QuotaRuleError extends Error {
  constructor(
    readonly code:
      | "notFound"
      | "notMember"
      | "notOffice"
      | "organisationNotApproved"
      | "roundNotOpen"
      | "alreadyApplied"
      | "stale"
      | "notEditable"
      | "noPartner"
      | "notSubmitted"
      | "reasonRequired"
      | "notDocumentsComplete"
      | "notReviewer"
      | "alreadyAssigned"
      | "notAssigned"
      | "conflictDeclared"
      | "scoreOutOfRange"
      | "missingScore"
      | "unknownCriterion"
      | "overTotalQuota"
      | "invalidQuota"
      | "resultsPublished"
      | "pendingDocumentCheck"
      | "nothingToPublish"
      | "allocationMissing",
    /** The criterion key of a score refusal, or the quota still free for overTotalQuota. */
    readonly detail?: string,
  ) {
    super(detail === undefined ? code : `${code}: ${detail}`);
    this.name = "QuotaRuleError";
  }
}

export interface PartnerInput {
  name: string;
  isMedicalCentre: boolean;
}

export interface QuotaPlanInput {
  focus: UnitFocus;
  planZh: string;
  planEn: string | null;
  courses: string;
  /** 6 to 12 (the database checks it too). */
  internshipMonths: number;
  requestedTrainees: number;
  /** Named partner companies or medical centres; at least one. */
  partners: PartnerInput[];
}

export interface Links {
  publicUrl: string;
}

const unitKinds = ["training_unit", "medical_centre"] as const;

/** The viewer's membership of a training unit or medical centre that may write its quota applications. */
function requireUnitMember(viewer: Viewer, organisationId: string) {
  const membership = viewer.memberships.find((m) => m.organisationId === organisationId && (unitKinds as readonly string[]).includes(m.kind));
  if (!membership || !can(viewer.roles, "update:unit-application:organisation")) throw new QuotaRuleError("notMember");
  return membership;
}

export function requireOfficeRole(viewer: Viewer) {
  if (!can(viewer.roles, "approve:unit-application:any")) throw new QuotaRuleError("notOffice");
}

/** Whether the office has published the round's allocations (every complete plan then has its outcome). */
export async function resultsPublished(db: Reader, roundId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: t.unitQuotaApplications.id })
    .from(t.unitQuotaApplications)
    .where(and(eq(t.unitQuotaApplications.roundId, roundId), inArray(t.unitQuotaApplications.status, ["allocated", "not_allocated"])))
    .limit(1);
  return !!row;
}

function requireOpen(round: Round) {
  if (round.status === "draft") throw new QuotaRuleError("roundNotOpen");
}

/** The application, locked; the round must be locked first. */
export async function lockApplication(tx: Tx, applicationId: string): Promise<QuotaApplication> {
  if (!isUuid(applicationId)) throw new QuotaRuleError("notFound");
  const [application] = await tx.select().from(t.unitQuotaApplications).where(eq(t.unitQuotaApplications.id, applicationId)).for("update");
  if (!application) throw new QuotaRuleError("notFound");
  return application;
}

/** The round of an application, locked (in `mode`), then the application, locked. */
export async function lockRoundAndApplication(tx: Tx, applicationId: string, mode: "update" | "share") {
  if (!isUuid(applicationId)) throw new QuotaRuleError("notFound");
  const [found] = await tx.select({ roundId: t.unitQuotaApplications.roundId }).from(t.unitQuotaApplications).where(eq(t.unitQuotaApplications.id, applicationId));
  if (!found) throw new QuotaRuleError("notFound");
  const round = await lockRound(tx, found.roundId, mode);
  return { round, application: await lockApplication(tx, applicationId) };
}

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint_name?: string; constraint?: string };
    if (pg.code === "23505" && (pg.constraint_name ?? pg.constraint) === constraint) return true;
  }
  return false;
}

function planColumns(input: QuotaPlanInput) {
  return {
    focus: input.focus,
    planZh: input.planZh,
    planEn: input.planEn || null,
    courses: input.courses,
    internshipMonths: input.internshipMonths,
    requestedTrainees: input.requestedTrainees,
  };
}

/**
 * Saves a unit's plan for a round: a new draft (expectedVersion null), or an edit of its draft or
 * returned plan at the version the editor read. With `submit`, it goes to the office's document check
 * (only an approved unit may submit). Refused after the unit-application deadline.
 */
export async function saveQuotaApplication(
  db: Database,
  viewer: Viewer,
  target: { roundId: string; organisationId: string; expectedVersion: number | null; submit: boolean },
  input: QuotaPlanInput,
  ip: string,
  now: Date = new Date(),
): Promise<QuotaApplication> {
  requireUnitMember(viewer, target.organisationId);
  const partners = dedupePartners(input.partners);
  if (partners.length === 0) throw new QuotaRuleError("noPartner");
  try {
    return await db.transaction(async (tx) => {
      const ofUnit = and(eq(t.unitQuotaApplications.roundId, target.roundId), eq(t.unitQuotaApplications.unitOrganisationId, target.organisationId));
      // A new plan is inserted under the round's row lock (the allocated_quota_within_total trigger takes
      // it on every insert anyway), so colleagues saving a first plan at once take turns and the second
      // finds the first's plan; edits of an existing plan only need the round not to change meanwhile.
      const [known] = isUuid(target.roundId) ? await tx.select({ id: t.unitQuotaApplications.id }).from(t.unitQuotaApplications).where(ofUnit) : [];
      const round = await lockRound(tx, target.roundId, known ? "share" : "update");
      requireOpen(round);
      assertBefore(round, "unitApplications", now);
      if (await resultsPublished(tx, round.id)) throw new QuotaRuleError("resultsPublished");
      if (target.submit) {
        const [organisation] = await tx.select({ approval: t.organisations.approval }).from(t.organisations).where(eq(t.organisations.id, target.organisationId));
        if (organisation?.approval !== "approved") throw new QuotaRuleError("organisationNotApproved");
      }
      const [existing] = await tx
        .select()
        .from(t.unitQuotaApplications)
        .where(ofUnit)
        .for("update");
      const submitted = target.submit ? { status: "submitted" as const, submittedAt: now } : {};
      let saved: QuotaApplication;
      if (!existing) {
        if (target.expectedVersion !== null) throw new QuotaRuleError("notFound");
        [saved] = (await tx
          .insert(t.unitQuotaApplications)
          .values({ roundId: round.id, unitOrganisationId: target.organisationId, ...planColumns(input), ...submitted })
          .returning()) as [QuotaApplication];
      } else {
        if (target.expectedVersion === null) throw new QuotaRuleError("alreadyApplied");
        if (existing.version !== target.expectedVersion) throw new QuotaRuleError("stale");
        if (existing.status !== "draft" && existing.status !== "returned") throw new QuotaRuleError("notEditable");
        [saved] = (await tx
          .update(t.unitQuotaApplications)
          .set({ ...planColumns(input), ...submitted, version: existing.version + 1, updatedAt: now })
          .where(eq(t.unitQuotaApplications.id, existing.id))
          .returning()) as [QuotaApplication];
        await tx.delete(t.internshipPartners).where(eq(t.internshipPartners.quotaApplicationId, existing.id));
      }
      await tx.insert(t.internshipPartners).values(partners.map((p) => ({ quotaApplicationId: saved.id, partnerName: p.name, isMedicalCentre: p.isMedicalCentre })));
      await recordAudit(tx, {
        actorUserId: viewer.id,
        action: target.submit ? "quota-application-submitted" : "quota-application-saved",
        entity: "unit-quota-application",
        entityId: saved.id,
        detail: { version: saved.version },
        ip,
      });
      return saved;
    });
  } catch (error) {
    // Should anything else insert the unit's plan meanwhile, the one-per-unit-and-round constraint has the last word.
    if (isUniqueViolation(error, "unit_quota_applications_once")) throw new QuotaRuleError("alreadyApplied");
    throw error;
  }
}

function dedupePartners(partners: PartnerInput[]): PartnerInput[] {
  const byName = new Map<string, PartnerInput>();
  for (const p of partners) {
    const name = p.name.trim();
    if (name && !byName.has(name)) byName.set(name, { name, isMedicalCentre: p.isMedicalCentre });
  }
  return [...byName.values()];
}

/** Stage 1, complete: the plan goes on to the panel's review. */
export async function markDocumentsComplete(db: Database, officer: Viewer, applicationId: string, expectedVersion: number, ip: string, now: Date = new Date()) {
  requireOfficeRole(officer);
  return db.transaction(async (tx) => {
    const { round, application } = await lockRoundAndApplication(tx, applicationId, "share");
    assertBefore(round, "review", now);
    if (application.version !== expectedVersion) throw new QuotaRuleError("stale");
    if (application.status !== "submitted") throw new QuotaRuleError("notSubmitted");
    const [saved] = await tx
      .update(t.unitQuotaApplications)
      .set({ status: "documents_complete", version: application.version + 1, updatedAt: now })
      .where(eq(t.unitQuotaApplications.id, applicationId))
      .returning();
    await recordAudit(tx, { actorUserId: officer.id, action: "quota-application-complete", entity: "unit-quota-application", entityId: applicationId, ip });
    return saved!;
  });
}

/** Stage 1, returned: the unit is told why (by mail too) and may fix and resubmit before the deadline. */
export async function returnQuotaApplication(db: Database, officer: Viewer, applicationId: string, expectedVersion: number, reason: string, links: Links, ip: string, now: Date = new Date()) {
  requireOfficeRole(officer);
  const why = reason.trim();
  if (!why) throw new QuotaRuleError("reasonRequired");
  return db.transaction(async (tx) => {
    const { round, application } = await lockRoundAndApplication(tx, applicationId, "share");
    assertBefore(round, "review", now);
    if (application.version !== expectedVersion) throw new QuotaRuleError("stale");
    if (application.status !== "submitted") throw new QuotaRuleError("notSubmitted");
    const [saved] = await tx
      .update(t.unitQuotaApplications)
      .set({ status: "returned", returnedReason: why, version: application.version + 1, updatedAt: now })
      .where(eq(t.unitQuotaApplications.id, applicationId))
      .returning();
    await recordAudit(tx, { actorUserId: officer.id, action: "quota-application-returned", entity: "unit-quota-application", entityId: applicationId, detail: { reason: why }, ip });
    const unit = await unitOf(tx, application.unitOrganisationId);
    for (const member of await unitMembers(tx, application.unitOrganisationId)) {
      await enqueueEmail(tx, {
        to: member.email,
        locale: member.locale,
        template: "quota-returned",
        data: { unit: member.locale === "en" ? unit.nameEn : unit.nameZh, round: member.locale === "en" ? round.titleEn : round.titleZh, reason: why, url: `${links.publicUrl}/unit/rounds/${round.id}?unit=${application.unitOrganisationId}` },
      });
    }
    return saved!;
  });
}

export async function unitOf(db: Reader, organisationId: string) {
  const [unit] = await db.select({ id: t.organisations.id, nameZh: t.organisations.nameZh, nameEn: t.organisations.nameEn }).from(t.organisations).where(eq(t.organisations.id, organisationId));
  if (!unit) throw new QuotaRuleError("notFound");
  return unit;
}

/** Everyone in the unit, who hears about its plan's outcome. */
export async function unitMembers(db: Reader, organisationId: string) {
  return db
    .select({ email: t.users.email, locale: t.users.locale })
    .from(t.memberships)
    .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
    .where(eq(t.memberships.organisationId, organisationId))
    .orderBy(asc(t.users.email));
}

export async function partnersOf(db: Reader, applicationId: string) {
  return db
    .select({ name: t.internshipPartners.partnerName, isMedicalCentre: t.internshipPartners.isMedicalCentre })
    .from(t.internshipPartners)
    .where(eq(t.internshipPartners.quotaApplicationId, applicationId))
    .orderBy(asc(t.internshipPartners.partnerName));
}

export interface UnitRoundEntry {
  organisationId: string;
  nameZh: string;
  nameEn: string;
  approval: string;
  application: Pick<QuotaApplication, "id" | "status" | "returnedReason" | "allocatedQuota" | "submittedAt" | "requestedTrainees" | "focus"> | null;
}

/** The viewer's training units and medical centres. */
export function unitsOf(viewer: Viewer) {
  return viewer.memberships.filter((m) => (unitKinds as readonly string[]).includes(m.kind));
}

/**
 * The unit a unit page is about: `?unit=` when it is one of the viewer's ("foreign" when it is not, for a
 * 404), else their first; null when they belong to none.
 */
export function chosenUnit(viewer: Viewer, asked: string | null | undefined) {
  const units = unitsOf(viewer);
  if (asked) return units.find((u) => u.organisationId === asked) ?? "foreign";
  return units[0] ?? null;
}

/** For a unit's staff: each of their units' application to the round, if any. */
export async function unitEntriesFor(db: Reader, viewer: Viewer, roundId: string): Promise<UnitRoundEntry[]> {
  const units = unitsOf(viewer);
  if (units.length === 0) return [];
  const applications = await db
    .select()
    .from(t.unitQuotaApplications)
    .where(and(eq(t.unitQuotaApplications.roundId, roundId), inArray(t.unitQuotaApplications.unitOrganisationId, units.map((u) => u.organisationId)), unitApplicationScope(viewer)));
  const published = applications.some((a) => a.status === "allocated" || a.status === "not_allocated");
  return units.map((unit) => {
    const a = applications.find((row) => row.unitOrganisationId === unit.organisationId);
    return {
      organisationId: unit.organisationId,
      nameZh: unit.nameZh,
      nameEn: unit.nameEn,
      approval: unit.approval,
      application: a
        ? {
            id: a.id,
            status: a.status,
            returnedReason: a.returnedReason,
            // A unit learns its quota when the results are published, not while the meeting weighs it.
            allocatedQuota: published ? a.allocatedQuota : null,
            submittedAt: a.submittedAt,
            requestedTrainees: a.requestedTrainees,
            focus: a.focus,
          }
        : null,
    };
  });
}

export interface QuotaApplicationView {
  application: QuotaApplication;
  unit: { id: string; nameZh: string; nameEn: string };
  partners: PartnerInput[];
}

/**
 * One application as this viewer may see it (its unit's staff, a reviewer assigned to it, the office),
 * or null. Unit staff of another unit, talents and recruiters get null.
 */
export async function getQuotaApplicationFor(db: Reader, viewer: Viewer, applicationId: string): Promise<QuotaApplicationView | null> {
  if (!isUuid(applicationId)) return null;
  const [row] = await db
    .select({ application: t.unitQuotaApplications, unit: { id: t.organisations.id, nameZh: t.organisations.nameZh, nameEn: t.organisations.nameEn } })
    .from(t.unitQuotaApplications)
    .innerJoin(t.organisations, eq(t.organisations.id, t.unitQuotaApplications.unitOrganisationId))
    .where(and(eq(t.unitQuotaApplications.id, applicationId), unitApplicationScope(viewer)));
  if (!row) return null;
  return { ...row, partners: await partnersOf(db, applicationId) };
}

/** A unit's application to a round (for its staff's form), or null when it has none yet. */
export async function getUnitApplication(db: Reader, viewer: Viewer, roundId: string, organisationId: string): Promise<QuotaApplicationView | null> {
  if (!isUuid(roundId) || !isUuid(organisationId)) return null;
  const [row] = await db
    .select({ id: t.unitQuotaApplications.id })
    .from(t.unitQuotaApplications)
    .where(and(eq(t.unitQuotaApplications.roundId, roundId), eq(t.unitQuotaApplications.unitOrganisationId, organisationId)));
  return row ? getQuotaApplicationFor(db, viewer, row.id) : null;
}
