// PhD trainees' applications to a round (section 五 of 002: online registration, ranked preferences
// and documentary evidence, all handled by the programme office). A talent registers once per round
// from the day registration opens until the preference deadline: eligibility first (a PhD obtained, or
// expected before the round's training starts, with a PDF as evidence either way), then a ranked list
// of at most round.maxPreferences units, each a unit allocated a quota in this round. Every write bumps
// the application's version and is refused unless the writer read the current one, in one
// transaction with the preference rows (UPDATE … WHERE version = expected: of two saves made on the
// same version, the second waits for the first's row lock, then matches nothing and is refused), so a
// list is always one whole submission. Each submission stores a receipt of exactly what was submitted.
import { createHash } from "node:crypto";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session.server";
import { displayFileName, looksLikePdf, MAX_CV_BYTES } from "../talents/cv.server";
import { assertBefore, hasPassed } from "./calendar";
import { lockRound, type Reader, type Round, type Tx } from "./rounds.server";
import { firstRepeat, isCalendarDate, taipeiToday, TraineeRuleError, violates } from "./trainee-rules";
import { isUuid } from "../ids";

export type TraineeApplication = typeof t.traineeApplications.$inferSelect;
export type PhdStatus = TraineeApplication["phdStatus"];
export const MAX_EVIDENCE_BYTES = MAX_CV_BYTES;
const EVIDENCE_PURPOSE = "phd-evidence";

export interface EligibilityInput {
  phdStatus: PhdStatus;
  /** yyyy-mm-dd: when the PhD was conferred, or when it is expected. */
  phdDate: string;
  /** A new evidence PDF; null keeps the one already uploaded. */
  evidence: { fileName: string; bytes: Uint8Array } | null;
}

/** What a receipt records: exactly what was submitted, and when. */
export interface ReceiptContent {
  applicationId: string;
  version: number;
  submittedAt: string;
  round: { id: string; year: number; titleZh: string; titleEn: string };
  trainee: { name: string; email: string };
  eligibility: { phdStatus: PhdStatus; phdDate: string; evidence: { fileName: string; sizeBytes: number; sha256: string } | null };
  preferences: { rank: number; quotaApplicationId: string; unitOrganisationId: string; nameZh: string; nameEn: string }[];
}

function requireTalent(viewer: Viewer) {
  if (!can(viewer.roles, "create:trainee-application:own")) throw new TraineeRuleError("notTalent");
}

/** Registration runs from its opening date until the preference deadline, in an opened round. */
export function assertRegistrationOpen(round: Round, now: Date) {
  if (round.status === "draft") throw new TraineeRuleError("roundNotOpen");
  if (!hasPassed(round, "registrationOpens", now)) throw new TraineeRuleError("registrationNotOpen");
  assertBefore(round, "preferences", now);
}

export function evidenceProblem(bytes: Uint8Array): "evidenceEmpty" | "evidenceTooLarge" | "evidenceNotPdf" | null {
  if (bytes.byteLength === 0) return "evidenceEmpty";
  if (bytes.byteLength > MAX_EVIDENCE_BYTES) return "evidenceTooLarge";
  return looksLikePdf(bytes) ? null : "evidenceNotPdf";
}

function checkPhd(input: Pick<EligibilityInput, "phdStatus" | "phdDate">, round: Round, now: Date) {
  if (!isCalendarDate(input.phdDate)) throw new TraineeRuleError("phdDate");
  if (input.phdStatus === "obtained" && input.phdDate > taipeiToday(now)) throw new TraineeRuleError("phdObtainedInFuture");
  // The degree must be in hand when training starts: expected strictly before that day.
  if (input.phdStatus === "expected" && input.phdDate >= round.trainingStartsOn) throw new TraineeRuleError("phdAfterTrainingStart");
}

/**
 * Starts the talent's application to a round (expectedVersion null) or changes its eligibility (at
 * the version read). A submitted application's change is a new submission, with its own receipt.
 */
export async function saveEligibility(
  db: Database,
  viewer: Viewer,
  target: { roundId: string; expectedVersion: number | null },
  input: EligibilityInput,
  ip: string,
  now: Date = new Date(),
): Promise<TraineeApplication> {
  requireTalent(viewer);
  const problem = input.evidence ? evidenceProblem(input.evidence.bytes) : null;
  if (problem) throw new TraineeRuleError(problem);
  try {
    return await db.transaction(async (tx) => {
      const round = await lockRound(tx, target.roundId, "share");
      assertRegistrationOpen(round, now);
      checkPhd(input, round, now);
      const [existing] = await tx
        .select()
        .from(t.traineeApplications)
        .where(and(eq(t.traineeApplications.roundId, round.id), eq(t.traineeApplications.userId, viewer.id)))
        .for("update");
      if (!existing && target.expectedVersion !== null) throw new TraineeRuleError("stale");
      if (existing && target.expectedVersion === null) throw new TraineeRuleError("alreadyStarted");
      if (existing && existing.version !== target.expectedVersion) throw new TraineeRuleError("stale");
      if (!input.evidence && !existing?.evidenceFileId) throw new TraineeRuleError("evidenceMissing");
      const evidenceFileId = input.evidence ? await storeEvidence(tx, viewer.id, input.evidence) : existing!.evidenceFileId;
      const phd = {
        phdStatus: input.phdStatus,
        phdObtainedOn: input.phdStatus === "obtained" ? input.phdDate : null,
        phdExpectedOn: input.phdStatus === "expected" ? input.phdDate : null,
        evidenceFileId,
      };
      let saved: TraineeApplication;
      if (!existing) {
        [saved] = (await tx.insert(t.traineeApplications).values({ roundId: round.id, userId: viewer.id, ...phd }).returning()) as [TraineeApplication];
      } else {
        [saved] = (await tx
          .update(t.traineeApplications)
          .set({ ...phd, version: existing.version + 1, updatedAt: now, ...(existing.status === "submitted" ? { submittedAt: now } : {}) })
          .where(and(eq(t.traineeApplications.id, existing.id), eq(t.traineeApplications.version, existing.version)))
          .returning()) as [TraineeApplication];
        if (existing.evidenceFileId && existing.evidenceFileId !== evidenceFileId) await tx.delete(t.files).where(eq(t.files.id, existing.evidenceFileId));
      }
      if (saved.status === "submitted") await writeReceipt(tx, round, saved, viewer, now);
      await recordAudit(tx, { actorUserId: viewer.id, action: existing ? "trainee-eligibility-changed" : "trainee-application-started", entity: "trainee-application", entityId: saved.id, detail: { version: saved.version }, ip });
      return saved;
    });
  } catch (error) {
    // Two first saves at once: the second meets the one-per-round constraint.
    if (violates(error, "trainee_applications_once")) throw new TraineeRuleError("alreadyStarted");
    throw error;
  }
}

async function storeEvidence(tx: Tx, userId: string, evidence: { fileName: string; bytes: Uint8Array }): Promise<string> {
  const content = Buffer.from(evidence.bytes.buffer, evidence.bytes.byteOffset, evidence.bytes.byteLength);
  const [file] = await tx
    .insert(t.files)
    .values({
      ownerUserId: userId,
      purpose: EVIDENCE_PURPOSE,
      fileName: displayFileName(evidence.fileName),
      mimeType: "application/pdf",
      sizeBytes: content.byteLength,
      sha256: createHash("sha256").update(content).digest("hex"),
      content,
    })
    .returning({ id: t.files.id });
  return file!.id;
}

/**
 * Submits (or resubmits) the ranked list, most wanted first, at the version the talent read. Refused
 * after the preference deadline, with more units than the round allows, a unit twice, or a unit not
 * allocated a quota in this round; the list stored is always exactly one submission.
 */
export async function submitPreferences(
  db: Database,
  viewer: Viewer,
  applicationId: string,
  submission: { expectedVersion: number; quotaApplicationIds: string[] },
  ip: string,
  now: Date = new Date(),
): Promise<TraineeApplication> {
  requireTalent(viewer);
  const units = submission.quotaApplicationIds;
  if (units.length === 0) throw new TraineeRuleError("noPreferences");
  const twice = firstRepeat(units);
  if (twice >= 0) throw new TraineeRuleError("unitTwice", twice);
  if (!isUuid(applicationId)) throw new TraineeRuleError("notFound");
  try {
    return await db.transaction(async (tx) => {
      const [found] = await tx
        .select({ roundId: t.traineeApplications.roundId })
        .from(t.traineeApplications)
        .where(and(eq(t.traineeApplications.id, applicationId), eq(t.traineeApplications.userId, viewer.id)));
      if (!found) throw new TraineeRuleError("notFound");
      const round = await lockRound(tx, found.roundId, "share");
      assertRegistrationOpen(round, now);
      if (units.length > round.maxPreferences) throw new TraineeRuleError("tooManyPreferences", round.maxPreferences);
      const listable = new Set((await allocatedUnits(tx, round.id, units)).map((u) => u.id));
      const stranger = units.findIndex((id) => !listable.has(id));
      if (stranger >= 0) throw new TraineeRuleError("unitNotInRound", stranger);
      const [saved] = await tx
        .update(t.traineeApplications)
        .set({ status: "submitted", submittedAt: now, version: submission.expectedVersion + 1, updatedAt: now })
        .where(and(eq(t.traineeApplications.id, applicationId), eq(t.traineeApplications.version, submission.expectedVersion)))
        .returning();
      if (!saved) throw new TraineeRuleError("stale");
      if (!saved.evidenceFileId) throw new TraineeRuleError("evidenceMissing");
      await tx.delete(t.traineePreferences).where(eq(t.traineePreferences.traineeApplicationId, applicationId));
      await tx.insert(t.traineePreferences).values(units.map((quotaApplicationId, i) => ({ traineeApplicationId: applicationId, rank: i + 1, quotaApplicationId })));
      await writeReceipt(tx, round, saved, viewer, now);
      await recordAudit(tx, { actorUserId: viewer.id, action: "trainee-preferences-submitted", entity: "trainee-application", entityId: applicationId, detail: { version: saved.version, units }, ip });
      return saved;
    });
  } catch (error) {
    if (violates(error, "trainee_preferences_unit_once")) throw new TraineeRuleError("unitTwice");
    throw error;
  }
}

/** Withdraws the application (until the match); a withdrawn list ranks nothing and units no longer see it. */
export async function withdrawTraineeApplication(db: Database, viewer: Viewer, applicationId: string, expectedVersion: number, ip: string, now: Date = new Date()) {
  requireTalent(viewer);
  if (!isUuid(applicationId)) throw new TraineeRuleError("notFound");
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ roundId: t.traineeApplications.roundId, status: t.traineeApplications.status })
      .from(t.traineeApplications)
      .where(and(eq(t.traineeApplications.id, applicationId), eq(t.traineeApplications.userId, viewer.id)));
    if (!found) throw new TraineeRuleError("notFound");
    const round = await lockRound(tx, found.roundId, "share");
    assertBefore(round, "match", now);
    if (found.status === "withdrawn") throw new TraineeRuleError("alreadyWithdrawn");
    const [saved] = await tx
      .update(t.traineeApplications)
      .set({ status: "withdrawn", version: expectedVersion + 1, updatedAt: now })
      .where(and(eq(t.traineeApplications.id, applicationId), eq(t.traineeApplications.version, expectedVersion)))
      .returning();
    if (!saved) throw new TraineeRuleError("stale");
    await recordAudit(tx, { actorUserId: viewer.id, action: "trainee-application-withdrawn", entity: "trainee-application", entityId: applicationId, ip });
    return saved;
  });
}

/** The units a trainee may list in a round: those allocated a quota, of these ids when given. */
export async function allocatedUnits(db: Reader, roundId: string, ids?: string[]) {
  const wanted = ids?.filter(isUuid);
  if (wanted && wanted.length === 0) return [];
  return db
    .select({ id: t.unitQuotaApplications.id, unitOrganisationId: t.organisations.id, nameZh: t.organisations.nameZh, nameEn: t.organisations.nameEn, focus: t.unitQuotaApplications.focus })
    .from(t.unitQuotaApplications)
    .innerJoin(t.organisations, eq(t.organisations.id, t.unitQuotaApplications.unitOrganisationId))
    .where(and(eq(t.unitQuotaApplications.roundId, roundId), eq(t.unitQuotaApplications.status, "allocated"), wanted ? inArray(t.unitQuotaApplications.id, wanted) : undefined))
    .orderBy(asc(t.organisations.nameZh), asc(t.unitQuotaApplications.id));
}

async function writeReceipt(tx: Tx, round: Round, application: TraineeApplication, viewer: Viewer, now: Date) {
  const preferences = await tx
    .select({ rank: t.traineePreferences.rank, quotaApplicationId: t.traineePreferences.quotaApplicationId, unitOrganisationId: t.organisations.id, nameZh: t.organisations.nameZh, nameEn: t.organisations.nameEn })
    .from(t.traineePreferences)
    .innerJoin(t.unitQuotaApplications, eq(t.unitQuotaApplications.id, t.traineePreferences.quotaApplicationId))
    .innerJoin(t.organisations, eq(t.organisations.id, t.unitQuotaApplications.unitOrganisationId))
    .where(eq(t.traineePreferences.traineeApplicationId, application.id))
    .orderBy(asc(t.traineePreferences.rank));
  const [evidence] = application.evidenceFileId
    ? await tx.select({ fileName: t.files.fileName, sizeBytes: t.files.sizeBytes, sha256: t.files.sha256 }).from(t.files).where(eq(t.files.id, application.evidenceFileId))
    : [];
  const content: ReceiptContent = {
    applicationId: application.id,
    version: application.version,
    submittedAt: now.toISOString(),
    round: { id: round.id, year: round.year, titleZh: round.titleZh, titleEn: round.titleEn },
    trainee: { name: viewer.displayName, email: viewer.email },
    eligibility: { phdStatus: application.phdStatus, phdDate: (application.phdObtainedOn ?? application.phdExpectedOn)!, evidence: evidence ?? null },
    preferences,
  };
  await tx.insert(t.preferenceReceipts).values({ traineeApplicationId: application.id, version: application.version, content: JSON.stringify(content), submittedAt: now });
}

/** The talent's own application to a round with its list, evidence and receipts, or null. */
export async function getOwnApplication(db: Reader, viewer: Viewer, roundId: string) {
  if (!isUuid(roundId)) return null;
  const [application] = await db.select().from(t.traineeApplications).where(and(eq(t.traineeApplications.roundId, roundId), eq(t.traineeApplications.userId, viewer.id)));
  if (!application) return null;
  const [preferences, evidence, receipts] = await Promise.all([
    db
      .select({ rank: t.traineePreferences.rank, quotaApplicationId: t.traineePreferences.quotaApplicationId })
      .from(t.traineePreferences)
      .where(eq(t.traineePreferences.traineeApplicationId, application.id))
      .orderBy(asc(t.traineePreferences.rank)),
    application.evidenceFileId
      ? db.select({ fileName: t.files.fileName, sizeBytes: t.files.sizeBytes, createdAt: t.files.createdAt }).from(t.files).where(eq(t.files.id, application.evidenceFileId))
      : Promise.resolve([]),
    db
      .select({ id: t.preferenceReceipts.id, version: t.preferenceReceipts.version, submittedAt: t.preferenceReceipts.submittedAt })
      .from(t.preferenceReceipts)
      .where(eq(t.preferenceReceipts.traineeApplicationId, application.id))
      .orderBy(desc(t.preferenceReceipts.version)),
  ]);
  return { application, preferences, evidence: evidence[0] ?? null, receipts };
}

/** A receipt, to the talent it belongs to or the programme office (whose read is audited); else null. */
export async function getReceiptFor(db: Database, viewer: Viewer, receiptId: string, ip: string): Promise<(ReceiptContent & { id: string; userId: string }) | null> {
  if (!isUuid(receiptId)) return null;
  const [row] = await db
    .select({ id: t.preferenceReceipts.id, content: t.preferenceReceipts.content, userId: t.traineeApplications.userId, applicationId: t.traineeApplications.id })
    .from(t.preferenceReceipts)
    .innerJoin(t.traineeApplications, eq(t.traineeApplications.id, t.preferenceReceipts.traineeApplicationId))
    .where(eq(t.preferenceReceipts.id, receiptId));
  if (!row) return null;
  const own = row.userId === viewer.id && can(viewer.roles, "read:trainee-application:own");
  if (!own && !can(viewer.roles, "read:trainee-application:any")) return null;
  if (!own) await recordAudit(db, { actorUserId: viewer.id, action: "personal-data-read", entity: "preference-receipt", entityId: row.id, detail: { ids: [row.applicationId] }, ip });
  return { ...(JSON.parse(row.content) as ReceiptContent), id: row.id, userId: row.userId };
}
