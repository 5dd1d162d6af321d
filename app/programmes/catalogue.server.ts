// The programme catalogue kept by training units and the office. A unit's staff keep their approved
// unit's programmes; the office keeps everyone's, and alone edits the programmes transcribed from the
// reports (those with a source). Draft → published → archived; every write queues the programmes
// index job in its transaction, and the route wakes the sync after commit.
import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { enqueueIndexJobs } from "../../search/sync";
import { recordAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session.server";
import type { ProgrammeFormValue } from "./catalogue-schema";

export type Programme = typeof t.programmes.$inferSelect;
type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export class CatalogueRuleError extends Error {
  constructor(readonly code: "notFound" | "notProvider" | "officeOnly" | "unknownSkill" | "unknownOccupation" | "notDraft" | "notPublished") {
    super(code);
  }
}

export const isOffice = (viewer: Viewer) => can(viewer.roles, "update:programme:any");

/** The viewer's approved training units, for which they may keep programmes. */
export function unitsOf(viewer: Viewer) {
  if (!can(viewer.roles, "update:programme:organisation")) return [];
  return viewer.memberships.filter((m) => m.kind === "training_unit" && m.approval === "approved");
}

/** Why the viewer may not manage this programme, or null when they may. */
export function manageRefusal(viewer: Viewer, programme: Pick<Programme, "providerOrganisationId" | "sourceFile">): CatalogueRuleError["code"] | null {
  if (isOffice(viewer)) return null;
  if (programme.sourceFile) return "officeOnly";
  if (!programme.providerOrganisationId || !unitsOf(viewer).some((u) => u.organisationId === programme.providerOrganisationId)) return "notProvider";
  return null;
}

export const mayManageProgramme = (viewer: Viewer, programme: Pick<Programme, "providerOrganisationId" | "sourceFile">) => manageRefusal(viewer, programme) === null;

/** The programmes the viewer keeps: every programme for the office, their units' programmes for staff. */
export async function listCatalogue(db: Database, viewer: Viewer, page = { limit: 50, offset: 0 }) {
  const where: SQL[] = [];
  if (!isOffice(viewer)) {
    const ids = unitsOf(viewer).map((u) => u.organisationId);
    if (ids.length === 0) return [];
    where.push(inArray(t.programmes.providerOrganisationId, ids), isNull(t.programmes.sourceFile));
  }
  return db
    .select({ id: t.programmes.id, key: t.programmes.key, type: t.programmes.type, status: t.programmes.status, titleZh: t.programmes.titleZh, titleEn: t.programmes.titleEn, providerZh: t.programmes.providerZh, providerEn: t.programmes.providerEn, sourceFile: t.programmes.sourceFile })
    .from(t.programmes)
    .where(and(...where))
    .orderBy(desc(t.programmes.updatedAt), asc(t.programmes.key))
    .limit(page.limit)
    .offset(page.offset);
}

export async function getProgrammeForManager(db: Database, viewer: Viewer, key: string) {
  const programme = await db.query.programmes.findFirst({ where: eq(t.programmes.key, key) });
  if (!programme) throw new CatalogueRuleError("notFound");
  const refusal = manageRefusal(viewer, programme);
  if (refusal) throw new CatalogueRuleError(refusal);
  const [skills, occupations] = await Promise.all([
    db.select().from(t.programmeSkills).where(eq(t.programmeSkills.programmeId, programme.id)),
    db.select().from(t.programmeTargetOccupations).where(eq(t.programmeTargetOccupations.programmeId, programme.id)),
  ]);
  return { programme, skills, occupationCodes: occupations.map((o) => o.occupationCode) };
}

/** Occupation codes with a title from the most recent survey that has each, for the form's checkboxes. */
export async function occupationOptions(db: Database) {
  return db
    .selectDistinctOn([t.occupations.code], { code: t.occupations.code, titleZh: t.occupations.titleZh, titleEn: t.occupations.titleEn })
    .from(t.occupations)
    .innerJoin(t.surveys, eq(t.surveys.key, t.occupations.surveyKey))
    .orderBy(asc(t.occupations.code), desc(t.surveys.year));
}

function columns(input: ProgrammeFormValue) {
  return {
    type: input.type,
    providerZh: input.providerZh,
    providerEn: input.providerEn,
    titleZh: input.titleZh,
    titleEn: input.titleEn,
    summaryZh: input.summaryZh,
    summaryEn: input.summaryEn,
    scheduleZh: input.scheduleZh || null,
    scheduleEn: input.scheduleEn || null,
    eligibilityZh: input.eligibilityZh || null,
    eligibilityEn: input.eligibilityEn || null,
    language: input.language,
    city: input.city || null,
    durationMonths: input.durationMonths || null,
    capacityPerYear: input.capacityPerYear ?? null,
    feeNtd: input.feeNtd ?? null,
    monthlyStipendNtd: input.monthlyStipendNtd ?? null,
  };
}

const parseSkills = (values: string[]) => {
  const byKey = new Map<string, number>();
  for (const value of values) {
    const [key, level] = value.split(":");
    byKey.set(key!, Number(level));
  }
  return [...byKey].map(([skillKey, level]) => ({ skillKey, level }));
};

async function writeTeaching(tx: Tx, programmeId: string, input: ProgrammeFormValue) {
  const skills = parseSkills(input.skills);
  const codes = [...new Set(input.occupationCodes)];
  const knownSkills = await tx.select({ key: t.skills.key }).from(t.skills).where(inArray(t.skills.key, skills.map((s) => s.skillKey)));
  if (knownSkills.length !== skills.length) throw new CatalogueRuleError("unknownSkill");
  if (codes.length > 0) {
    const known = await tx.select({ code: t.occupationCodes.code }).from(t.occupationCodes).where(inArray(t.occupationCodes.code, codes));
    if (known.length !== codes.length) throw new CatalogueRuleError("unknownOccupation");
  }
  await tx.delete(t.programmeSkills).where(eq(t.programmeSkills.programmeId, programmeId));
  await tx.delete(t.programmeTargetOccupations).where(eq(t.programmeTargetOccupations.programmeId, programmeId));
  if (skills.length > 0) await tx.insert(t.programmeSkills).values(skills.map((s) => ({ programmeId, ...s })));
  if (codes.length > 0) await tx.insert(t.programmeTargetOccupations).values(codes.map((occupationCode) => ({ programmeId, occupationCode })));
}

const newKey = (titleEn: string) => {
  const base = titleEn.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 48) || "programme";
  return `${base}-${randomBytes(3).toString("hex")}`;
};

/** A new draft programme; staff give one of their approved units as the provider. */
export async function createProgramme(db: Database, viewer: Viewer, input: ProgrammeFormValue, ip: string): Promise<Programme> {
  const providerOrganisationId = input.organisationId ?? null;
  if (!isOffice(viewer) && (!providerOrganisationId || !unitsOf(viewer).some((u) => u.organisationId === providerOrganisationId))) throw new CatalogueRuleError("notProvider");
  return db.transaction(async (tx) => {
    const [programme] = await tx.insert(t.programmes).values({ key: newKey(input.titleEn), providerOrganisationId, ...columns(input), status: "draft" }).returning();
    await writeTeaching(tx, programme!.id, input);
    await recordAudit(tx, { actorUserId: viewer.id, action: "programme-created", entity: "programme", entityId: programme!.id, ip });
    await enqueueIndexJobs(tx, [{ index: "programmes", id: programme!.id }]);
    return programme!;
  });
}

async function lockManaged(tx: Tx, viewer: Viewer, key: string): Promise<Programme> {
  const [programme] = await tx.select().from(t.programmes).where(eq(t.programmes.key, key)).for("update");
  if (!programme) throw new CatalogueRuleError("notFound");
  const refusal = manageRefusal(viewer, programme);
  if (refusal) throw new CatalogueRuleError(refusal);
  return programme;
}

export async function updateProgramme(db: Database, viewer: Viewer, key: string, input: ProgrammeFormValue, ip: string): Promise<Programme> {
  return db.transaction(async (tx) => {
    const current = await lockManaged(tx, viewer, key);
    // The provider stays as it was; the office may name a unit when it creates a programme.
    const [programme] = await tx.update(t.programmes).set({ ...columns(input), updatedAt: new Date() }).where(eq(t.programmes.id, current.id)).returning();
    await writeTeaching(tx, current.id, input);
    await recordAudit(tx, { actorUserId: viewer.id, action: "programme-edited", entity: "programme", entityId: current.id, ip });
    await enqueueIndexJobs(tx, [{ index: "programmes", id: current.id }]);
    return programme!;
  });
}

/** draft → published, published → archived (an archived programme may be published again). */
export async function setProgrammeStatus(db: Database, viewer: Viewer, key: string, to: "published" | "archived", ip: string): Promise<Programme> {
  return db.transaction(async (tx) => {
    const current = await lockManaged(tx, viewer, key);
    if (to === "published" && current.status === "published") throw new CatalogueRuleError("notDraft");
    if (to === "archived" && current.status !== "published") throw new CatalogueRuleError("notPublished");
    const [programme] = await tx.update(t.programmes).set({ status: to, updatedAt: new Date() }).where(eq(t.programmes.id, current.id)).returning();
    await recordAudit(tx, { actorUserId: viewer.id, action: `programme-${to}`, entity: "programme", entityId: current.id, ip });
    await enqueueIndexJobs(tx, [{ index: "programmes", id: current.id }]);
    return programme!;
  });
}
