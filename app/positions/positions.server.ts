// Shortage positions. A position starts from a survey occupation (its skills, education fields, minimum
// education and experience are the prefill), is a draft until someone of its company publishes it (only
// an approved company may), and ends closed or filled. Every saved version is kept as a revision, so
// applicants can see what they applied to, and every write queues the positions index job in its own
// transaction so search follows.
import { and, asc, count, desc, eq, gte, inArray, isNull, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { enqueueIndexJobs } from "../../search/sync";
import { recordAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session.server";
import { mayPublish } from "../organisations/organisations.server";
import { todayInTaipei } from "./dates";

export type Position = typeof t.positions.$inferSelect;
export type PositionStatus = Position["status"];
export type EducationLevel = Position["minEducation"];
export type ExperienceBand = Position["experience"];

export class PositionRuleError extends Error {
  constructor(
    readonly code:
      | "notFound"
      | "notMember"
      | "notCompany"
      | "organisationNotApproved"
      | "stale"
      | "notEditable"
      | "notDraft"
      | "notPublished"
      | "deadlinePassed"
      | "headcountBelowHired"
      | "unknownSkill"
      | "unknownField",
  ) {
    super(code);
  }
}

export interface PositionInput {
  occupationId: string;
  title: string;
  description: string;
  city: string;
  salaryMinNtd: number | null;
  salaryMaxNtd: number | null;
  headcount: number;
  /** ISO date (yyyy-mm-dd), Taiwan time; null for "until filled". */
  applicationDeadline: string | null;
  minEducation: EducationLevel;
  experience: ExperienceBand;
  workingLanguages: string[];
  openToOverseas: boolean;
  supportsWorkPermit: boolean;
  /** In the order the company ranks them. */
  skillKeys: string[];
  educationFieldCodes: string[];
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** What a new position from this occupation starts with: the survey's requirements, editable. */
export async function prefillFromOccupation(db: Database, occupationId: string) {
  const [occupation] = await db.select().from(t.occupations).where(eq(t.occupations.id, occupationId));
  if (!occupation) return null;
  const [skills, fields] = await Promise.all([
    db.select({ key: t.occupationSkills.skillKey }).from(t.occupationSkills).where(eq(t.occupationSkills.occupationId, occupationId)).orderBy(asc(t.occupationSkills.position)),
    db.select({ code: t.occupationEducationFields.fieldCode }).from(t.occupationEducationFields).where(eq(t.occupationEducationFields.occupationId, occupationId)).orderBy(asc(t.occupationEducationFields.position)),
  ]);
  return {
    occupation,
    prefill: {
      occupationId,
      skillKeys: skills.map((s) => s.key),
      educationFieldCodes: occupation.anyEducationField ? [] : fields.map((f) => f.code),
      minEducation: occupation.minEducation,
      experience: occupation.experience,
      openToOverseas: occupation.overseasNeeded,
    },
  };
}

/** The viewer's company membership for this organisation, if they may manage its positions. */
function requireCompanyMember(viewer: Viewer, organisationId: string) {
  const membership = viewer.memberships.find((m) => m.organisationId === organisationId);
  if (!membership || !can(viewer.roles, "update:position:organisation")) throw new PositionRuleError("notMember");
  if (membership.kind !== "company") throw new PositionRuleError("notCompany");
  return membership;
}

async function checkVocabulary(tx: Tx, input: PositionInput) {
  if (input.skillKeys.length > 0) {
    const found = await tx.select({ key: t.skills.key }).from(t.skills).where(inArray(t.skills.key, input.skillKeys));
    if (found.length !== new Set(input.skillKeys).size) throw new PositionRuleError("unknownSkill");
  }
  if (input.educationFieldCodes.length > 0) {
    const found = await tx.select({ code: t.educationFields.code }).from(t.educationFields).where(inArray(t.educationFields.code, input.educationFieldCodes));
    if (found.length !== new Set(input.educationFieldCodes).size) throw new PositionRuleError("unknownField");
  }
}

function columns(input: PositionInput) {
  return {
    occupationId: input.occupationId,
    title: input.title,
    description: input.description,
    city: input.city,
    salaryMinNtd: input.salaryMinNtd,
    salaryMaxNtd: input.salaryMaxNtd,
    applicationDeadline: input.applicationDeadline,
    minEducation: input.minEducation,
    experience: input.experience,
    workingLanguages: [...new Set(input.workingLanguages)],
    openToOverseas: input.openToOverseas,
    // The database refuses permit support without overseas openness; the form's checkbox is ignored then.
    supportsWorkPermit: input.openToOverseas && input.supportsWorkPermit,
  };
}

async function writeRequirements(tx: Tx, positionId: string, input: PositionInput) {
  await tx.delete(t.positionSkills).where(eq(t.positionSkills.positionId, positionId));
  await tx.delete(t.positionEducationFields).where(eq(t.positionEducationFields.positionId, positionId));
  const skillKeys = [...new Set(input.skillKeys)];
  if (skillKeys.length > 0) await tx.insert(t.positionSkills).values(skillKeys.map((skillKey, i) => ({ positionId, skillKey, position: i + 1 })));
  const codes = [...new Set(input.educationFieldCodes)];
  if (codes.length > 0) await tx.insert(t.positionEducationFields).values(codes.map((fieldCode) => ({ positionId, fieldCode })));
}

/** Stores the position as it now is as its next revision. */
export async function recordRevision(tx: Tx, positionId: string, editedBy: string | null) {
  const [position] = await tx.select().from(t.positions).where(eq(t.positions.id, positionId));
  const skills = await tx.select({ key: t.positionSkills.skillKey }).from(t.positionSkills).where(eq(t.positionSkills.positionId, positionId)).orderBy(asc(t.positionSkills.position));
  const fields = await tx.select({ code: t.positionEducationFields.fieldCode }).from(t.positionEducationFields).where(eq(t.positionEducationFields.positionId, positionId));
  const snapshot = { ...position, skillKeys: skills.map((s) => s.key), educationFieldCodes: fields.map((f) => f.code).sort() };
  await tx.insert(t.positionRevisions).values({
    positionId,
    revision: sql`(select coalesce(max(${t.positionRevisions.revision}), 0) + 1 from ${t.positionRevisions} where ${t.positionRevisions.positionId} = ${positionId})`,
    snapshot,
    editedBy,
  });
}

function refuseDeadlineInPast(deadline: string | null) {
  if (deadline !== null && deadline < todayInTaipei()) throw new PositionRuleError("deadlinePassed");
}

/** A new draft position of one of the viewer's companies. */
export async function createPosition(db: Database, viewer: Viewer, organisationId: string, input: PositionInput, ip: string): Promise<Position> {
  requireCompanyMember(viewer, organisationId);
  refuseDeadlineInPast(input.applicationDeadline);
  return db.transaction(async (tx) => {
    await checkVocabulary(tx, input);
    const [position] = await tx
      .insert(t.positions)
      .values({ organisationId, ...columns(input), headcount: input.headcount, remainingHeadcount: input.headcount, createdBy: viewer.id })
      .returning();
    await writeRequirements(tx, position!.id, input);
    await recordRevision(tx, position!.id, viewer.id);
    await recordAudit(tx, { actorUserId: viewer.id, action: "position-created", entity: "position", entityId: position!.id, ip });
    await enqueueIndexJobs(tx, [{ index: "positions", id: position!.id }]);
    return position!;
  });
}

async function lockManaged(tx: Tx, viewer: Viewer, positionId: string): Promise<Position> {
  const [position] = await tx.select().from(t.positions).where(eq(t.positions.id, positionId)).for("update");
  if (!position) throw new PositionRuleError("notFound");
  requireCompanyMember(viewer, position.organisationId);
  return position;
}

/**
 * Saves an edit of a draft or published position. `expectedVersion` is the version the editor read: a
 * colleague's save in between makes this one stale instead of silently overwriting it.
 */
export async function updatePosition(db: Database, viewer: Viewer, positionId: string, expectedVersion: number, input: PositionInput, ip: string): Promise<Position> {
  const saved = await db.transaction(async (tx) => {
    const current = await lockManaged(tx, viewer, positionId);
    if (current.version !== expectedVersion) throw new PositionRuleError("stale");
    if (current.status !== "draft" && current.status !== "published") throw new PositionRuleError("notEditable");
    if (input.applicationDeadline !== current.applicationDeadline) refuseDeadlineInPast(input.applicationDeadline);
    const hired = current.headcount - current.remainingHeadcount;
    if (input.headcount < hired || input.headcount === hired) {
      // Lowering the headcount to the number already hired would fill it; that is done by closing.
      if (input.headcount < hired || current.status === "published") throw new PositionRuleError("headcountBelowHired");
    }
    await checkVocabulary(tx, input);
    const [position] = await tx
      .update(t.positions)
      .set({
        ...columns(input),
        headcount: input.headcount,
        remainingHeadcount: input.headcount - hired,
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(t.positions.id, positionId))
      .returning();
    await writeRequirements(tx, positionId, input);
    await recordRevision(tx, positionId, viewer.id);
    await recordAudit(tx, { actorUserId: viewer.id, action: "position-edited", entity: "position", entityId: positionId, ip });
    await enqueueIndexJobs(tx, [{ index: "positions", id: positionId }]);
    return position!;
  });
  return saved;
}

/** Draft → published; only an approved company may publish, and not with a deadline already past. */
export async function publishPosition(db: Database, viewer: Viewer, positionId: string, ip: string): Promise<Position> {
  return db.transaction(async (tx) => {
    const current = await lockManaged(tx, viewer, positionId);
    if (current.status !== "draft") throw new PositionRuleError("notDraft");
    const [organisation] = await tx.select().from(t.organisations).where(eq(t.organisations.id, current.organisationId));
    if (!organisation || !mayPublish(organisation)) throw new PositionRuleError("organisationNotApproved");
    refuseDeadlineInPast(current.applicationDeadline);
    const [position] = await tx
      .update(t.positions)
      .set({ status: "published", publishedAt: new Date(), version: current.version + 1, updatedAt: new Date() })
      .where(eq(t.positions.id, positionId))
      .returning();
    await recordAudit(tx, { actorUserId: viewer.id, action: "position-published", entity: "position", entityId: positionId, ip });
    await enqueueIndexJobs(tx, [{ index: "positions", id: positionId }]);
    return position!;
  });
}

/** Published → closed. Its applicants can still read it; search drops it. */
export async function closePosition(db: Database, viewer: Viewer, positionId: string, ip: string): Promise<Position> {
  return db.transaction(async (tx) => {
    const current = await lockManaged(tx, viewer, positionId);
    if (current.status !== "published") throw new PositionRuleError("notPublished");
    const [position] = await tx
      .update(t.positions)
      .set({ status: "closed", version: current.version + 1, updatedAt: new Date() })
      .where(eq(t.positions.id, positionId))
      .returning();
    await recordAudit(tx, { actorUserId: viewer.id, action: "position-closed", entity: "position", entityId: positionId, ip });
    await enqueueIndexJobs(tx, [{ index: "positions", id: positionId }]);
    return position!;
  });
}

export interface PositionView {
  position: Position;
  organisation: typeof t.organisations.$inferSelect;
  occupation: typeof t.occupations.$inferSelect;
  skillKeys: string[];
  educationFieldCodes: string[];
  /** The viewer manages this position (a member of its company). */
  manages: boolean;
  /** The viewer's own application to it, if any. */
  application: typeof t.applications.$inferSelect | null;
}

/**
 * A position as this viewer may see it, or null. Published positions of approved companies are public;
 * drafts only to the company; closed and filled ones to the company, their applicants and the office.
 */
export async function getPositionFor(db: Database, viewer: Viewer | null, positionId: string): Promise<PositionView | null> {
  if (!/^[0-9a-f-]{36}$/i.test(positionId)) return null;
  const [row] = await db
    .select({ position: t.positions, organisation: t.organisations, occupation: t.occupations })
    .from(t.positions)
    .innerJoin(t.organisations, eq(t.organisations.id, t.positions.organisationId))
    .innerJoin(t.occupations, eq(t.occupations.id, t.positions.occupationId))
    .where(eq(t.positions.id, positionId));
  if (!row) return null;
  const manages = !!viewer && viewer.memberships.some((m) => m.organisationId === row.position.organisationId && m.kind === "company");
  const [application] = viewer
    ? await db.select().from(t.applications).where(and(eq(t.applications.positionId, positionId), eq(t.applications.talentUserId, viewer.id)))
    : [];
  const office = !!viewer && can(viewer.roles, "read:application:any");
  const isPublic = row.position.status === "published" && mayPublish(row.organisation);
  const visible = isPublic || manages || office || (row.position.status !== "draft" && !!application);
  if (!visible) return null;
  const [skills, fields] = await Promise.all([
    db.select({ key: t.positionSkills.skillKey }).from(t.positionSkills).where(eq(t.positionSkills.positionId, positionId)).orderBy(asc(t.positionSkills.position)),
    db.select({ code: t.positionEducationFields.fieldCode }).from(t.positionEducationFields).where(eq(t.positionEducationFields.positionId, positionId)),
  ]);
  return {
    ...row,
    skillKeys: skills.map((s) => s.key),
    educationFieldCodes: fields.map((f) => f.code).sort(),
    manages,
    application: application ?? null,
  };
}

/** Whether talents can apply now: published, headcount left, deadline (Taiwan date) not passed. */
export function isOpenForApplications(position: Pick<Position, "status" | "remainingHeadcount" | "applicationDeadline">): boolean {
  return position.status === "published" && position.remainingHeadcount > 0 && (position.applicationDeadline === null || position.applicationDeadline >= todayInTaipei());
}

/** The saved versions of a position, newest first. */
export async function listRevisions(db: Database, positionId: string) {
  return db
    .select({ revision: t.positionRevisions.revision, snapshot: t.positionRevisions.snapshot, editedAt: t.positionRevisions.editedAt, editedBy: t.users.displayName })
    .from(t.positionRevisions)
    .leftJoin(t.users, eq(t.users.id, t.positionRevisions.editedBy))
    .where(eq(t.positionRevisions.positionId, positionId))
    .orderBy(desc(t.positionRevisions.revision));
}

/** Published positions of approved companies for a survey occupation code (any survey) whose deadline has not passed. */
const openForOccupation = (occupationCode: string) =>
  and(
    eq(t.occupations.code, occupationCode),
    eq(t.positions.status, "published"),
    eq(t.organisations.approval, "approved"),
    or(isNull(t.positions.applicationDeadline), gte(t.positions.applicationDeadline, todayInTaipei())),
  );

export async function countOpenPositionsForOccupation(db: Database, occupationCode: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(t.positions)
    .innerJoin(t.organisations, eq(t.organisations.id, t.positions.organisationId))
    .innerJoin(t.occupations, eq(t.occupations.id, t.positions.occupationId))
    .where(openForOccupation(occupationCode));
  return row?.n ?? 0;
}

/** Open positions for a survey occupation code (any survey), newest first. */
export async function listOpenPositionsForOccupation(db: Database, occupationCode: string, limit = 20, offset = 0) {
  return db
    .select({
      id: t.positions.id,
      title: t.positions.title,
      city: t.positions.city,
      salaryMinNtd: t.positions.salaryMinNtd,
      salaryMaxNtd: t.positions.salaryMaxNtd,
      openToOverseas: t.positions.openToOverseas,
      applicationDeadline: t.positions.applicationDeadline,
      publishedAt: t.positions.publishedAt,
      organisationZh: t.organisations.nameZh,
      organisationEn: t.organisations.nameEn,
    })
    .from(t.positions)
    .innerJoin(t.organisations, eq(t.organisations.id, t.positions.organisationId))
    .innerJoin(t.occupations, eq(t.occupations.id, t.positions.occupationId))
    .where(openForOccupation(occupationCode))
    .orderBy(desc(t.positions.publishedAt), asc(t.positions.id))
    .limit(limit)
    .offset(offset);
}
