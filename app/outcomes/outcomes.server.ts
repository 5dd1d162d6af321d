// Recording an outcome for one completion and checkpoint, by its unit, the office, or the completer
// (through a survey link), and the office's verification. One row per completion and checkpoint (a
// unique constraint): a later entry corrects the earlier one and sends it back to "unverified". The
// shortage flag is never typed: it is true when the occupation code is one the surveys list as short.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session.server";
import { unitOrganisationIds } from "../auth/visibility.server";
import { checkpointDue, type Checkpoint } from "./checkpoints";
import type { CompletionRef, SurveyAnswer } from "./outcome-schema";

export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
type Reader = Pick<Database, "select" | "selectDistinct">;

export class OutcomeRuleError extends Error {
  constructor(readonly code: "notFound" | "notYourTrainee" | "notDue" | "unknownOccupation" | "alreadyVerified" | "officeOnly") {
    super(code);
  }
}

export interface Completion {
  kind: "placement" | "enrolment";
  id: string;
  userId: string;
  unitId: string | null;
  completedAt: Date;
}

/** The completed placements and enrolments among these ids (others are absent from the map). */
export async function completionsById(db: Reader, refs: CompletionRef[]): Promise<Map<string, Completion>> {
  const found = new Map<string, Completion>();
  const placementIds = refs.filter((r) => r.kind === "placement").map((r) => r.id);
  const enrolmentIds = refs.filter((r) => r.kind === "enrolment").map((r) => r.id);
  for (let i = 0; i < placementIds.length; i += 5000) {
    const rows = await db
      .select({ id: t.placements.id, userId: t.traineeApplications.userId, unitId: t.unitQuotaApplications.unitOrganisationId, completedAt: t.placements.completedAt })
      .from(t.placements)
      .innerJoin(t.traineeApplications, eq(t.traineeApplications.id, t.placements.traineeApplicationId))
      .innerJoin(t.unitQuotaApplications, eq(t.unitQuotaApplications.id, t.placements.quotaApplicationId))
      .where(and(inArray(t.placements.id, placementIds.slice(i, i + 5000)), eq(t.placements.status, "completed")));
    for (const r of rows) found.set(`placement:${r.id}`, { kind: "placement", id: r.id, userId: r.userId, unitId: r.unitId, completedAt: r.completedAt! });
  }
  for (let i = 0; i < enrolmentIds.length; i += 5000) {
    const rows = await db
      .select({ id: t.enrolments.id, userId: t.enrolments.userId, unitId: t.programmes.providerOrganisationId, completedAt: t.enrolments.completedAt })
      .from(t.enrolments)
      .innerJoin(t.cohorts, eq(t.cohorts.id, t.enrolments.cohortId))
      .innerJoin(t.programmes, eq(t.programmes.id, t.cohorts.programmeId))
      .where(and(inArray(t.enrolments.id, enrolmentIds.slice(i, i + 5000)), eq(t.enrolments.status, "completed")));
    for (const r of rows) found.set(`enrolment:${r.id}`, { kind: "enrolment", id: r.id, userId: r.userId, unitId: r.unitId, completedAt: r.completedAt! });
  }
  return found;
}

/** The office, or staff of the completion's unit; anyone else is refused. */
export function assertMayEnter(viewer: Viewer, completion: Completion) {
  if (can(viewer.roles, "update:employment-outcome:any")) return;
  const units = unitOrganisationIds(viewer, "update:employment-outcome:organisation");
  if (!completion.unitId || !units.includes(completion.unitId)) throw new OutcomeRuleError("notYourTrainee");
}

/** The occupation codes (of these) that exist, and those the surveys list as shortage occupations. */
export async function occupationFacts(db: Reader, codes: string[]) {
  const wanted = [...new Set(codes)];
  if (wanted.length === 0) return { known: new Set<string>(), shortage: new Set<string>() };
  const known = await db.select({ code: t.occupationCodes.code }).from(t.occupationCodes).where(inArray(t.occupationCodes.code, wanted));
  const shortage = await db.selectDistinct({ code: t.occupations.code }).from(t.occupations).where(inArray(t.occupations.code, wanted));
  return { known: new Set(known.map((r) => r.code)), shortage: new Set(shortage.map((r) => r.code)) };
}

/** Organisations whose Chinese or English name is exactly this (case-insensitive), by lower-cased name. */
export async function organisationsByName(db: Reader, names: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(names.filter(Boolean).map((n) => n.toLowerCase()))];
  const found = new Map<string, string>();
  if (wanted.length === 0) return found;
  const rows = await db
    .select({ id: t.organisations.id, zh: t.organisations.nameZh, en: t.organisations.nameEn })
    .from(t.organisations)
    .where(sql`lower(${t.organisations.nameZh}) in ${wanted} or lower(${t.organisations.nameEn}) in ${wanted}`);
  for (const r of rows) {
    found.set(r.zh.toLowerCase(), r.id);
    found.set(r.en.toLowerCase(), r.id);
  }
  return found;
}

export type OutcomeSource = "self_report" | "unit_report";

export interface OutcomeWrite {
  completion: Completion;
  checkpoint: Checkpoint;
  answer: SurveyAnswer;
  source: OutcomeSource;
  recordedBy: string;
}

/** The row to store: employer matched to a portal organisation by name, shortage flag from the surveys. */
export function outcomeRow(write: OutcomeWrite, facts: { shortage: Set<string> }, employers: Map<string, string>) {
  const { completion, answer } = write;
  return {
    userId: completion.userId,
    placementId: completion.kind === "placement" ? completion.id : null,
    enrolmentId: completion.kind === "enrolment" ? completion.id : null,
    applicationId: null,
    checkpoint: write.checkpoint,
    status: answer.status,
    employerOrganisationId: answer.employerName ? (employers.get(answer.employerName.toLowerCase()) ?? null) : null,
    employerName: answer.employerName ?? null,
    occupationCode: answer.occupationCode ?? null,
    isShortageOccupation: !!answer.occupationCode && facts.shortage.has(answer.occupationCode),
    salaryBand: answer.salaryBand,
    source: write.source,
    verification: "unverified" as const,
    recordedBy: write.recordedBy,
  };
}

const conflictTarget = [t.employmentOutcomes.placementId, t.employmentOutcomes.enrolmentId, t.employmentOutcomes.applicationId, t.employmentOutcomes.checkpoint];
const overwrite = {
  status: sql`excluded.status`,
  employerOrganisationId: sql`excluded.employer_organisation_id`,
  employerName: sql`excluded.employer_name`,
  occupationCode: sql`excluded.occupation_code`,
  isShortageOccupation: sql`excluded.is_shortage_occupation`,
  salaryBand: sql`excluded.salary_band`,
  source: sql`excluded.source`,
  verification: sql`excluded.verification`,
  recordedBy: sql`excluded.recorded_by`,
  updatedAt: sql`now()`,
};

/** Inserts or corrects outcomes in one statement per batch. A self-report never replaces a verified outcome. */
export async function upsertOutcomes(tx: Pick<Database, "insert">, rows: ReturnType<typeof outcomeRow>[]) {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const saved = await tx
      .insert(t.employmentOutcomes)
      .values(rows.slice(i, i + 1000))
      .onConflictDoUpdate({ target: conflictTarget, set: overwrite, setWhere: sql`excluded.source <> 'self_report' or ${t.employmentOutcomes.verification} <> 'verified'` })
      .returning({ id: t.employmentOutcomes.id });
    ids.push(...saved.map((r) => r.id));
  }
  return ids;
}

/** Checks an answer against the database (the code exists) and stores it. Runs inside the caller's transaction. */
export async function storeOutcome(tx: Tx, write: OutcomeWrite, ip: string, now: Date) {
  if (checkpointDue(write.completion.completedAt, write.checkpoint).getTime() > now.getTime()) throw new OutcomeRuleError("notDue");
  const facts = await occupationFacts(tx, write.answer.occupationCode ? [write.answer.occupationCode] : []);
  if (write.answer.occupationCode && !facts.known.has(write.answer.occupationCode)) throw new OutcomeRuleError("unknownOccupation");
  const employers = await organisationsByName(tx, write.answer.employerName ? [write.answer.employerName] : []);
  const [id] = await upsertOutcomes(tx, [outcomeRow(write, facts, employers)]);
  if (!id) throw new OutcomeRuleError("alreadyVerified");
  await recordAudit(tx, { actorUserId: write.recordedBy, action: "outcome-recorded", entity: "employment-outcome", entityId: id, detail: { checkpoint: write.checkpoint, source: write.source }, ip });
  return id;
}

/** A unit's staff (for their own trainees) or the office records or corrects one checkpoint's outcome. */
export async function recordOutcome(db: Database, viewer: Viewer, ref: CompletionRef, checkpoint: Checkpoint, answer: SurveyAnswer, ip: string, now: Date = new Date()) {
  return db.transaction(async (tx) => {
    const completion = (await completionsById(tx, [ref])).get(`${ref.kind}:${ref.id}`);
    if (!completion) throw new OutcomeRuleError("notFound");
    assertMayEnter(viewer, completion);
    return storeOutcome(tx, { completion, checkpoint, answer, source: "unit_report", recordedBy: viewer.id }, ip, now);
  });
}

/** The office verifies or disputes an outcome (a correction later sends it back to unverified). */
export async function setVerification(db: Database, officer: Viewer, outcomeId: string, verification: "verified" | "disputed", ip: string) {
  if (!can(officer.roles, "approve:employment-outcome:any")) throw new OutcomeRuleError("officeOnly");
  return db.transaction(async (tx) => {
    const [saved] = await tx.update(t.employmentOutcomes).set({ verification, updatedAt: new Date() }).where(eq(t.employmentOutcomes.id, outcomeId)).returning({ id: t.employmentOutcomes.id });
    if (!saved) throw new OutcomeRuleError("notFound");
    await recordAudit(tx, { actorUserId: officer.id, action: `outcome-${verification}`, entity: "employment-outcome", entityId: outcomeId, ip });
  });
}

/** The surveyed shortage occupations to choose from (one title per code, from the newest survey). */
export async function occupationChoices(db: Pick<Database, "selectDistinctOn">) {
  return db
    .selectDistinctOn([t.occupations.code], { code: t.occupations.code, titleZh: t.occupations.titleZh, titleEn: t.occupations.titleEn })
    .from(t.occupations)
    .orderBy(t.occupations.code, sql`${t.occupations.surveyKey} desc`);
}
