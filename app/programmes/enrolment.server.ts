// Cohorts of courses and fellowships, and who enrols. Every enrolment and withdrawal locks the cohort's
// row first, so parallel requests queue and a cohort never holds more than its capacity: a talent is
// enrolled while seats remain and otherwise waitlisted at the next place; a freed seat goes to the first
// on the waitlist at once (mailed through the outbox) and everyone behind moves up one place.
// Staff record attendance per session date, mark completion, and issue certificates for completions.
import { randomBytes } from "node:crypto";
import { and, asc, count, desc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session.server";
import { enqueueEmail } from "../mail/outbox.server";
import { manageRefusal } from "./catalogue.server";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Cohort = typeof t.cohorts.$inferSelect;
export type Enrolment = typeof t.enrolments.$inferSelect;

export class EnrolmentRuleError extends Error {
  constructor(
    readonly code:
      | "notFound"
      | "notTalent"
      | "notStaff"
      | "officeOnly"
      | "notPublished"
      | "closed"
      | "alreadyEnrolled"
      | "notActive"
      | "notEnrolled"
      | "notCompleted"
      | "sessionOutsideCohort"
      | "nameTaken"
      | "noCertificate"
      | "alreadyRevoked"
      | "capacityBelowSeated"
      | "sessionsOutsideDates"
      | "certifiedDetails",
  ) {
    super(code);
  }
}

/** Statuses that hold a seat. */
const seated = ["enrolled", "completed", "not_completed"] as const;

export interface CohortInput {
  name: string;
  startsOn: string;
  endsOn: string;
  capacity: number;
  icapLevel: number | null;
  enrolmentClosesAt: Date | null;
}

async function programmeOf(tx: Pick<Database, "select">, programmeId: string) {
  const [programme] = await tx.select().from(t.programmes).where(eq(t.programmes.id, programmeId));
  if (!programme) throw new EnrolmentRuleError("notFound");
  return programme;
}

function requireStaff(viewer: Viewer, programme: typeof t.programmes.$inferSelect) {
  const refusal = manageRefusal(viewer, programme);
  if (refusal === "officeOnly") throw new EnrolmentRuleError("officeOnly");
  if (refusal) throw new EnrolmentRuleError("notStaff");
}

export async function createCohort(db: Database, viewer: Viewer, programmeKey: string, input: CohortInput, ip: string): Promise<Cohort> {
  const programme = await db.query.programmes.findFirst({ where: eq(t.programmes.key, programmeKey) });
  if (!programme) throw new EnrolmentRuleError("notFound");
  requireStaff(viewer, programme);
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: t.cohorts.id }).from(t.cohorts).where(and(eq(t.cohorts.programmeId, programme.id), eq(t.cohorts.name, input.name)));
    if (taken) throw new EnrolmentRuleError("nameTaken");
    const [cohort] = await tx.insert(t.cohorts).values({ programmeId: programme.id, ...input }).returning();
    await recordAudit(tx, { actorUserId: viewer.id, action: "cohort-created", entity: "cohort", entityId: cohort!.id, ip });
    return cohort!;
  });
}

/**
 * Staff change a cohort. Capacity cannot go below the seats already taken; more capacity moves the
 * waitlist up at once (each person mailed). Dates cannot leave out a session already recorded. Once a
 * certificate has been issued, what it prints (name, dates, iCAP level) no longer changes.
 */
export async function updateCohort(db: Database, viewer: Viewer, cohortId: string, input: CohortInput, ip: string, links: { publicUrl: string }): Promise<Cohort> {
  return db.transaction(async (tx) => {
    const cohort = await lockCohort(tx, cohortId);
    requireStaff(viewer, await programmeOf(tx, cohort.programmeId));
    const [taken] = await tx
      .select({ id: t.cohorts.id })
      .from(t.cohorts)
      .where(and(eq(t.cohorts.programmeId, cohort.programmeId), eq(t.cohorts.name, input.name), sql`${t.cohorts.id} <> ${cohortId}`));
    if (taken) throw new EnrolmentRuleError("nameTaken");
    if (input.capacity < (await seatsTaken(tx, cohortId))) throw new EnrolmentRuleError("capacityBelowSeated");
    if (input.startsOn !== cohort.startsOn || input.endsOn !== cohort.endsOn) {
      const [outside] = await tx
        .select({ on: t.attendance.sessionOn })
        .from(t.attendance)
        .innerJoin(t.enrolments, eq(t.enrolments.id, t.attendance.enrolmentId))
        .where(and(eq(t.enrolments.cohortId, cohortId), sql`(${t.attendance.sessionOn} < ${input.startsOn} or ${t.attendance.sessionOn} > ${input.endsOn})`))
        .limit(1);
      if (outside) throw new EnrolmentRuleError("sessionsOutsideDates");
    }
    const printed = input.name !== cohort.name || input.startsOn !== cohort.startsOn || input.endsOn !== cohort.endsOn || input.icapLevel !== cohort.icapLevel;
    if (printed) {
      const [certified] = await tx
        .select({ id: t.certificates.id })
        .from(t.certificates)
        .innerJoin(t.enrolments, eq(t.enrolments.id, t.certificates.enrolmentId))
        .where(eq(t.enrolments.cohortId, cohortId))
        .limit(1);
      if (certified) throw new EnrolmentRuleError("certifiedDetails");
    }
    const [updated] = await tx.update(t.cohorts).set({ ...input, updatedAt: new Date() }).where(eq(t.cohorts.id, cohortId)).returning();
    await recordAudit(tx, {
      actorUserId: viewer.id, action: "cohort-updated", entity: "cohort", entityId: cohortId, ip,
      detail: { capacity: [cohort.capacity, input.capacity], startsOn: [cohort.startsOn, input.startsOn], endsOn: [cohort.endsOn, input.endsOn] },
    });
    if (input.capacity > cohort.capacity) await fillSeats(tx, updated!, links);
    return updated!;
  });
}

async function lockCohort(tx: Tx, cohortId: string): Promise<Cohort> {
  const [cohort] = await tx.select().from(t.cohorts).where(eq(t.cohorts.id, cohortId)).for("update");
  if (!cohort) throw new EnrolmentRuleError("notFound");
  return cohort;
}

async function seatsTaken(tx: Tx, cohortId: string) {
  const [row] = await tx.select({ n: count() }).from(t.enrolments).where(and(eq(t.enrolments.cohortId, cohortId), inArray(t.enrolments.status, [...seated])));
  return row!.n;
}

/** Enrols the talent, or waitlists them at the next place when the cohort is full. */
export async function enrol(db: Database, viewer: Viewer, cohortId: string, now = new Date()): Promise<Enrolment> {
  if (!can(viewer.roles, "create:enrolment:own")) throw new EnrolmentRuleError("notTalent");
  return db.transaction(async (tx) => {
    const cohort = await lockCohort(tx, cohortId);
    const programme = await programmeOf(tx, cohort.programmeId);
    if (programme.status !== "published") throw new EnrolmentRuleError("notPublished");
    if (cohort.enrolmentClosesAt && cohort.enrolmentClosesAt <= now) throw new EnrolmentRuleError("closed");
    const [existing] = await tx.select().from(t.enrolments).where(and(eq(t.enrolments.cohortId, cohortId), eq(t.enrolments.userId, viewer.id)));
    if (existing && existing.status !== "withdrawn") throw new EnrolmentRuleError("alreadyEnrolled");
    const full = (await seatsTaken(tx, cohortId)) >= cohort.capacity;
    let waitlistPosition: number | null = null;
    if (full) {
      const [last] = await tx.select({ max: sql<number | null>`max(${t.enrolments.waitlistPosition})` }).from(t.enrolments).where(and(eq(t.enrolments.cohortId, cohortId), eq(t.enrolments.status, "waitlisted")));
      waitlistPosition = (last?.max ?? 0) + 1;
    }
    const values = { status: full ? ("waitlisted" as const) : ("enrolled" as const), waitlistPosition, completedAt: null, updatedAt: new Date() };
    const [row] = existing
      ? await tx.update(t.enrolments).set(values).where(eq(t.enrolments.id, existing.id)).returning()
      : await tx.insert(t.enrolments).values({ cohortId, userId: viewer.id, ...values }).returning();
    return row!;
  });
}

/** Moves everyone on the waitlist behind `place` up one place (in two shifts, so the unique index never sees two at one place). */
async function closeGap(tx: Tx, cohortId: string, place: number) {
  const behind = and(eq(t.enrolments.cohortId, cohortId), eq(t.enrolments.status, "waitlisted"), gt(t.enrolments.waitlistPosition, place));
  const shift = 1_000_000;
  await tx.update(t.enrolments).set({ waitlistPosition: sql`${t.enrolments.waitlistPosition} + ${shift}` }).where(behind);
  await tx
    .update(t.enrolments)
    .set({ waitlistPosition: sql`${t.enrolments.waitlistPosition} - ${shift + 1}` })
    .where(and(eq(t.enrolments.cohortId, cohortId), eq(t.enrolments.status, "waitlisted"), gt(t.enrolments.waitlistPosition, shift)));
}

/** Gives free seats to the first on the waitlist, mailing each one who moves up. */
async function fillSeats(tx: Tx, cohort: Cohort, links: { publicUrl: string }) {
  const programme = await programmeOf(tx, cohort.programmeId);
  while ((await seatsTaken(tx, cohort.id)) < cohort.capacity) {
    const [next] = await tx
      .select({ id: t.enrolments.id, place: t.enrolments.waitlistPosition, email: t.users.email, name: t.users.displayName, locale: t.users.locale })
      .from(t.enrolments)
      .innerJoin(t.users, eq(t.users.id, t.enrolments.userId))
      .where(and(eq(t.enrolments.cohortId, cohort.id), eq(t.enrolments.status, "waitlisted")))
      .orderBy(asc(t.enrolments.waitlistPosition))
      .limit(1);
    if (!next) return;
    await tx.update(t.enrolments).set({ status: "enrolled", waitlistPosition: null, updatedAt: new Date() }).where(eq(t.enrolments.id, next.id));
    await closeGap(tx, cohort.id, next.place!);
    await enqueueEmail(tx, {
      to: next.email,
      locale: next.locale,
      template: "enrolment-moved-up",
      data: { name: next.name, programme: next.locale === "en" ? programme.titleEn : programme.titleZh, cohort: cohort.name, url: `${links.publicUrl}/programmes/${programme.key}` },
    });
  }
}

/** The talent withdraws; a freed seat goes down the waitlist at once. */
export async function withdraw(db: Database, viewer: Viewer, cohortId: string, links: { publicUrl: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const cohort = await lockCohort(tx, cohortId);
    const [mine] = await tx.select().from(t.enrolments).where(and(eq(t.enrolments.cohortId, cohortId), eq(t.enrolments.userId, viewer.id)));
    if (!mine || (mine.status !== "enrolled" && mine.status !== "waitlisted")) throw new EnrolmentRuleError("notActive");
    await tx.update(t.enrolments).set({ status: "withdrawn", waitlistPosition: null, updatedAt: new Date() }).where(eq(t.enrolments.id, mine.id));
    if (mine.status === "waitlisted") await closeGap(tx, cohortId, mine.waitlistPosition!);
    else await fillSeats(tx, cohort, links);
  });
}

/** A cohort with its programme, for its staff (or a 404/403 as a rule error). */
export async function getCohortForStaff(db: Database, viewer: Viewer, programmeKey: string, cohortId: string) {
  const [cohort] = await db.select().from(t.cohorts).where(eq(t.cohorts.id, cohortId));
  if (!cohort) throw new EnrolmentRuleError("notFound");
  const programme = await programmeOf(db, cohort.programmeId);
  if (programme.key !== programmeKey) throw new EnrolmentRuleError("notFound");
  requireStaff(viewer, programme);
  return { cohort, programme };
}

/** The roster (seated and waitlisted), attendance and certificates of one cohort. */
export async function cohortRoster(db: Database, cohortId: string) {
  const people = await db
    .select({ id: t.enrolments.id, status: t.enrolments.status, waitlistPosition: t.enrolments.waitlistPosition, completedAt: t.enrolments.completedAt, name: t.users.displayName, email: t.users.email, userId: t.users.id })
    .from(t.enrolments)
    .innerJoin(t.users, eq(t.users.id, t.enrolments.userId))
    .where(eq(t.enrolments.cohortId, cohortId))
    .orderBy(asc(t.enrolments.waitlistPosition), asc(t.users.displayName));
  const ids = people.map((p) => p.id);
  const [marks, certificates] = ids.length
    ? await Promise.all([
        db.select().from(t.attendance).where(inArray(t.attendance.enrolmentId, ids)).orderBy(asc(t.attendance.sessionOn)),
        db.select().from(t.certificates).where(inArray(t.certificates.enrolmentId, ids)),
      ])
    : [[], []];
  const sessions = [...new Set(marks.map((m) => m.sessionOn))].sort();
  return { people, marks, sessions, certificates };
}

async function lockEnrolmentForStaff(tx: Tx, viewer: Viewer, enrolmentId: string) {
  const [row] = await tx.select().from(t.enrolments).where(eq(t.enrolments.id, enrolmentId)).for("update");
  if (!row) throw new EnrolmentRuleError("notFound");
  const [cohort] = await tx.select().from(t.cohorts).where(eq(t.cohorts.id, row.cohortId));
  const programme = await programmeOf(tx, cohort!.programmeId);
  requireStaff(viewer, programme);
  return { enrolment: row, cohort: cohort!, programme };
}

/** Records one session's attendance: the listed seated enrolments present, the cohort's other seated ones absent. */
export async function recordAttendance(db: Database, viewer: Viewer, cohortId: string, sessionOn: string, presentIds: string[], ip: string): Promise<void> {
  await db.transaction(async (tx) => {
    const cohort = await lockCohort(tx, cohortId);
    requireStaff(viewer, await programmeOf(tx, cohort.programmeId));
    if (sessionOn < cohort.startsOn || sessionOn > cohort.endsOn) throw new EnrolmentRuleError("sessionOutsideCohort");
    const rows = await tx.select({ id: t.enrolments.id }).from(t.enrolments).where(and(eq(t.enrolments.cohortId, cohortId), inArray(t.enrolments.status, [...seated])));
    if (rows.length === 0) return;
    const present = new Set(presentIds);
    await tx
      .insert(t.attendance)
      .values(rows.map((r) => ({ enrolmentId: r.id, sessionOn, present: present.has(r.id), recordedBy: viewer.id })))
      .onConflictDoUpdate({ target: [t.attendance.enrolmentId, t.attendance.sessionOn], set: { present: sql`excluded.present`, recordedBy: viewer.id } });
    await recordAudit(tx, { actorUserId: viewer.id, action: "attendance-recorded", entity: "cohort", entityId: cohortId, ip });
  });
}

/** Staff mark an enrolled talent as having completed the cohort. */
export async function markCompleted(db: Database, viewer: Viewer, enrolmentId: string, ip: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { enrolment } = await lockEnrolmentForStaff(tx, viewer, enrolmentId);
    if (enrolment.status !== "enrolled") throw new EnrolmentRuleError("notEnrolled");
    await tx.update(t.enrolments).set({ status: "completed", completedAt: new Date(), updatedAt: new Date() }).where(eq(t.enrolments.id, enrolmentId));
    await recordAudit(tx, { actorUserId: viewer.id, action: "enrolment-completed", entity: "enrolment", entityId: enrolmentId, ip });
  });
}

const serialFor = (year: number) => `PHT-${year}-${randomBytes(4).toString("hex").toUpperCase()}`;

/** A certificate for a completed enrolment (the existing one when it was issued before). */
export async function issueCertificate(db: Database, viewer: Viewer, enrolmentId: string, ip: string) {
  return db.transaction(async (tx) => {
    const { enrolment } = await lockEnrolmentForStaff(tx, viewer, enrolmentId);
    if (enrolment.status !== "completed") throw new EnrolmentRuleError("notCompleted");
    const [existing] = await tx.select().from(t.certificates).where(eq(t.certificates.enrolmentId, enrolmentId));
    if (existing) return existing;
    const [certificate] = await tx
      .insert(t.certificates)
      .values({ enrolmentId, serial: serialFor(new Date().getUTCFullYear()), verificationCode: randomBytes(16).toString("base64url") })
      .returning();
    await recordAudit(tx, { actorUserId: viewer.id, action: "certificate-issued", entity: "certificate", entityId: certificate!.id, ip });
    return certificate!;
  });
}

/**
 * Staff or the office withdraw a certificate issued in error (or for a completion later found invalid).
 * The public verification page then says it is revoked, its PDF is no longer served, and the holder is
 * told by e-mail with the reason; the reason is kept in the audit log, not shown publicly.
 */
export async function revokeCertificate(db: Database, viewer: Viewer, enrolmentId: string, reason: string, ip: string, links: { publicUrl: string }) {
  return db.transaction(async (tx) => {
    const { enrolment, cohort, programme } = await lockEnrolmentForStaff(tx, viewer, enrolmentId);
    const [certificate] = await tx.select().from(t.certificates).where(eq(t.certificates.enrolmentId, enrolmentId)).for("update");
    if (!certificate) throw new EnrolmentRuleError("noCertificate");
    if (certificate.revokedAt) throw new EnrolmentRuleError("alreadyRevoked");
    const [revoked] = await tx.update(t.certificates).set({ revokedAt: new Date() }).where(eq(t.certificates.id, certificate.id)).returning();
    await recordAudit(tx, { actorUserId: viewer.id, action: "certificate-revoked", entity: "certificate", entityId: certificate.id, detail: { serial: certificate.serial, reason }, ip });
    const [holder] = await tx.select({ email: t.users.email, name: t.users.displayName, locale: t.users.locale }).from(t.users).where(eq(t.users.id, enrolment.userId));
    if (holder) {
      await enqueueEmail(tx, {
        to: holder.email,
        locale: holder.locale,
        template: "certificate-revoked",
        data: {
          name: holder.name,
          programme: holder.locale === "en" ? programme.titleEn : programme.titleZh,
          cohort: cohort.name,
          serial: certificate.serial,
          reason,
          url: `${links.publicUrl}/certificates/${certificate.verificationCode}`,
        },
      });
    }
    return revoked!;
  });
}

/** Everything a certificate says, by its public verification code. */
export async function certificateByCode(db: Database, code: string) {
  const [row] = await db
    .select({ certificate: t.certificates, enrolment: t.enrolments, cohort: t.cohorts, programme: t.programmes, holder: { displayName: t.users.displayName } })
    .from(t.certificates)
    .innerJoin(t.enrolments, eq(t.enrolments.id, t.certificates.enrolmentId))
    .innerJoin(t.cohorts, eq(t.cohorts.id, t.enrolments.cohortId))
    .innerJoin(t.programmes, eq(t.programmes.id, t.cohorts.programmeId))
    .innerJoin(t.users, eq(t.users.id, t.enrolments.userId))
    .where(eq(t.certificates.verificationCode, code));
  return row ?? null;
}

/** The certificate for its holder, the programme's staff and the office; null for everyone else. */
export async function certificateForViewer(db: Database, viewer: Viewer, code: string) {
  const found = await certificateByCode(db, code);
  if (!found) return null;
  if (found.enrolment.userId === viewer.id || manageRefusal(viewer, found.programme) === null) return found;
  return null;
}

/** The talent's enrolments in one programme's cohorts, by cohort. */
export async function myEnrolmentsIn(db: Database, userId: string, programmeId: string) {
  return db
    .select({ cohortId: t.enrolments.cohortId, status: t.enrolments.status, waitlistPosition: t.enrolments.waitlistPosition })
    .from(t.enrolments)
    .innerJoin(t.cohorts, eq(t.cohorts.id, t.enrolments.cohortId))
    .where(and(eq(t.enrolments.userId, userId), eq(t.cohorts.programmeId, programmeId)));
}

/** A programme's cohorts with their seats left and waitlist length. */
export async function cohortsOf(db: Database, programmeId: string) {
  const cohorts = await db.select().from(t.cohorts).where(eq(t.cohorts.programmeId, programmeId)).orderBy(desc(t.cohorts.startsOn), asc(t.cohorts.name));
  if (cohorts.length === 0) return [];
  const counts = await db
    .select({ cohortId: t.enrolments.cohortId, status: t.enrolments.status, n: count() })
    .from(t.enrolments)
    .where(inArray(t.enrolments.cohortId, cohorts.map((c) => c.id)))
    .groupBy(t.enrolments.cohortId, t.enrolments.status);
  return cohorts.map((c) => {
    const mine = counts.filter((x) => x.cohortId === c.id);
    const taken = mine.filter((x) => (seated as readonly string[]).includes(x.status)).reduce((sum, x) => sum + x.n, 0);
    const waitlisted = mine.find((x) => x.status === "waitlisted")?.n ?? 0;
    return { ...c, seatsLeft: Math.max(0, c.capacity - taken), waitlisted };
  });
}

/** The talent's enrolments and certificates across programmes, newest first. */
export async function listMyEnrolments(db: Database, userId: string) {
  return db
    .select({
      id: t.enrolments.id,
      status: t.enrolments.status,
      waitlistPosition: t.enrolments.waitlistPosition,
      cohortName: t.cohorts.name,
      startsOn: t.cohorts.startsOn,
      endsOn: t.cohorts.endsOn,
      programmeKey: t.programmes.key,
      titleZh: t.programmes.titleZh,
      titleEn: t.programmes.titleEn,
      certificateCode: t.certificates.verificationCode,
      serial: t.certificates.serial,
      certificateRevoked: sql<boolean>`${t.certificates.revokedAt} is not null`,
    })
    .from(t.enrolments)
    .innerJoin(t.cohorts, eq(t.cohorts.id, t.enrolments.cohortId))
    .innerJoin(t.programmes, eq(t.programmes.id, t.cohorts.programmeId))
    .leftJoin(t.certificates, eq(t.certificates.enrolmentId, t.enrolments.id))
    .where(eq(t.enrolments.userId, userId))
    .orderBy(desc(t.cohorts.startsOn));
}

