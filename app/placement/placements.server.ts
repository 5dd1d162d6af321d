// A trainee's placement after the match (section 五 of 002): check-in by the trainee before their
// deadline, the training period (at most 1 year; the database checks it too), internships with partner
// companies or medical centres (the programme asks for at least 6 months), hours of the office's 24-hour
// common course, the monthly stipend for each month of the period, and completion, which the unit or
// the office records once the trainee has checked in.
import { and, asc, count, eq, inArray, sql, sum } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Viewer } from "../auth/session.server";
import { DeadlinePassedError } from "./calendar";
import { PlacementRuleError } from "./match-rules";
import { type Reader, type Tx } from "./rounds.server";
import { COMMON_COURSE_HOURS, internshipMonths, internshipTooShort, isCalendarDate, periodProblem, stipendSchedule } from "./training-period";
import { isOffice, isUnitStaff } from "./unit-access";
import { isUuid } from "../ids";

export type Placement = typeof t.placements.$inferSelect;
export type Internship = typeof t.internships.$inferSelect;

interface Locked {
  placement: Placement;
  unitOrganisationId: string;
  traineeUserId: string;
  monthlyStipendNtd: number;
}

async function lockPlacement(tx: Tx, placementId: string): Promise<Locked> {
  if (!isUuid(placementId)) throw new PlacementRuleError("notFound");
  const [row] = await tx
    .select({ placement: t.placements, unitOrganisationId: t.unitQuotaApplications.unitOrganisationId, traineeUserId: t.traineeApplications.userId, monthlyStipendNtd: t.placementRounds.monthlyStipendNtd })
    .from(t.placements)
    .innerJoin(t.unitQuotaApplications, eq(t.unitQuotaApplications.id, t.placements.quotaApplicationId))
    .innerJoin(t.traineeApplications, eq(t.traineeApplications.id, t.placements.traineeApplicationId))
    .innerJoin(t.placementRounds, eq(t.placementRounds.id, t.placements.roundId))
    .where(eq(t.placements.id, placementId))
    .for("update", { of: t.placements });
  if (!row) throw new PlacementRuleError("notFound");
  return row;
}

/** The unit's staff, or the office when `office` allows it; anyone else is refused. */
function requireUnitOrOffice(viewer: Viewer, locked: Locked, office: boolean) {
  if (isUnitStaff(viewer, locked.unitOrganisationId)) return;
  if (office && isOffice(viewer)) return;
  throw new PlacementRuleError("notMember");
}

const ended = (p: Placement) => p.status === "declined" || p.status === "withdrawn" || p.status === "terminated";

/** The trainee checks in at their unit, before their check-in deadline. */
export async function checkIn(db: Database, trainee: Viewer, placementId: string, ip: string, now: Date = new Date()): Promise<Placement> {
  return db.transaction(async (tx) => {
    const locked = await lockPlacement(tx, placementId);
    if (locked.traineeUserId !== trainee.id) throw new PlacementRuleError("notYours");
    if (locked.placement.status !== "admitted") throw new PlacementRuleError("notAdmitted");
    if (now >= locked.placement.checkInBy) throw new DeadlinePassedError("checkIn", locked.placement.checkInBy);
    const [saved] = await tx.update(t.placements).set({ status: "checked_in", checkedInAt: now, updatedAt: now }).where(eq(t.placements.id, placementId)).returning();
    await recordAudit(tx, { actorUserId: trainee.id, action: "checked-in", entity: "placement", entityId: placementId, ip });
    return saved!;
  });
}

/** The unit (or the office) sets the training period: at most one year. */
export async function setTrainingPeriod(db: Database, actor: Viewer, placementId: string, period: { startsOn: string; endsOn: string }, ip: string): Promise<Placement> {
  if (!isCalendarDate(period.startsOn) || !isCalendarDate(period.endsOn)) throw new PlacementRuleError("invalidDate");
  const problem = periodProblem(period.startsOn, period.endsOn);
  if (problem) throw new PlacementRuleError(problem);
  return db.transaction(async (tx) => {
    const locked = await lockPlacement(tx, placementId);
    requireUnitOrOffice(actor, locked, true);
    if (ended(locked.placement)) throw new PlacementRuleError("placementEnded");
    const [outside] = await tx
      .select({ n: count() })
      .from(t.internships)
      .where(and(eq(t.internships.placementId, placementId), sql`(${t.internships.startsOn} < ${period.startsOn} or ${t.internships.endsOn} > ${period.endsOn})`));
    if (outside?.n) throw new PlacementRuleError("internshipOutsidePeriod");
    const [saved] = await tx.update(t.placements).set({ startsOn: period.startsOn, endsOn: period.endsOn, updatedAt: new Date() }).where(eq(t.placements.id, placementId)).returning();
    await recordAudit(tx, { actorUserId: actor.id, action: "training-period-set", entity: "placement", entityId: placementId, detail: period, ip });
    return saved!;
  });
}

export interface InternshipInput {
  partnerName: string;
  isMedicalCentre: boolean;
  startsOn: string;
  endsOn: string;
}

/** The unit (or the office) records an internship within the training period. */
export async function addInternship(db: Database, actor: Viewer, placementId: string, input: InternshipInput, ip: string): Promise<Internship> {
  if (!isCalendarDate(input.startsOn) || !isCalendarDate(input.endsOn)) throw new PlacementRuleError("invalidDate");
  if (input.endsOn <= input.startsOn) throw new PlacementRuleError("internshipDates");
  return db.transaction(async (tx) => {
    const locked = await lockPlacement(tx, placementId);
    requireUnitOrOffice(actor, locked, true);
    if (ended(locked.placement)) throw new PlacementRuleError("placementEnded");
    const { startsOn, endsOn } = locked.placement;
    if ((startsOn && input.startsOn < startsOn) || (endsOn && input.endsOn > endsOn)) throw new PlacementRuleError("internshipOutsidePeriod");
    const [saved] = await tx
      .insert(t.internships)
      .values({ placementId, partnerName: input.partnerName, isMedicalCentre: input.isMedicalCentre, startsOn: input.startsOn, endsOn: input.endsOn, recordedBy: actor.id })
      .returning();
    await recordAudit(tx, { actorUserId: actor.id, action: "internship-recorded", entity: "placement", entityId: placementId, detail: { ...input }, ip });
    return saved!;
  });
}

/** The office logs hours of its common course (0.5 to 8 a day). */
export async function logCourseHours(db: Database, officer: Viewer, placementId: string, input: { attendedOn: string; hours: number; topic: string }, ip: string) {
  if (!isOffice(officer)) throw new PlacementRuleError("notOffice");
  if (!isCalendarDate(input.attendedOn)) throw new PlacementRuleError("invalidDate");
  if (!(input.hours > 0 && input.hours <= 8 && Number.isInteger(input.hours * 2))) throw new PlacementRuleError("invalidHours");
  return db.transaction(async (tx) => {
    const locked = await lockPlacement(tx, placementId);
    if (ended(locked.placement)) throw new PlacementRuleError("placementEnded");
    const [saved] = await tx.insert(t.commonCourseHours).values({ placementId, ...input, recordedBy: officer.id }).returning();
    await recordAudit(tx, { actorUserId: officer.id, action: "course-hours-logged", entity: "placement", entityId: placementId, detail: input, ip });
    return saved!;
  });
}

/** The unit or the office records completion (結訓); only a trainee who checked in completes. */
export async function completePlacement(db: Database, actor: Viewer, placementId: string, ip: string, now: Date = new Date()): Promise<Placement> {
  return db.transaction(async (tx) => {
    const locked = await lockPlacement(tx, placementId);
    requireUnitOrOffice(actor, locked, true);
    if (locked.placement.status !== "checked_in") throw new PlacementRuleError("notCheckedIn");
    const [saved] = await tx.update(t.placements).set({ status: "completed", completedAt: now, updatedAt: now }).where(eq(t.placements.id, placementId)).returning();
    await recordAudit(tx, { actorUserId: actor.id, action: "placement-completed", entity: "placement", entityId: placementId, ip });
    return saved!;
  });
}

export interface PlacementProgress {
  internships: Internship[];
  internshipMonths: number;
  internshipTooShort: boolean;
  courseHours: number;
  courseSessions: (typeof t.commonCourseHours.$inferSelect)[];
}

/** Internships, months of internship and common-course hours of each placement. */
export async function progressOf(db: Reader, placementIds: string[]): Promise<Map<string, PlacementProgress>> {
  const progress = new Map<string, PlacementProgress>();
  if (placementIds.length === 0) return progress;
  const [internships, sessions] = await Promise.all([
    db.select().from(t.internships).where(inArray(t.internships.placementId, placementIds)).orderBy(asc(t.internships.startsOn), asc(t.internships.id)),
    db.select().from(t.commonCourseHours).where(inArray(t.commonCourseHours.placementId, placementIds)).orderBy(asc(t.commonCourseHours.attendedOn), asc(t.commonCourseHours.id)),
  ]);
  for (const id of placementIds) {
    const own = internships.filter((i) => i.placementId === id);
    const months = internshipMonths(own);
    const courseSessions = sessions.filter((s) => s.placementId === id);
    progress.set(id, {
      internships: own,
      internshipMonths: months,
      internshipTooShort: internshipTooShort(months),
      courseHours: courseSessions.reduce((n, s) => n + s.hours, 0),
      courseSessions,
    });
  }
  return progress;
}

/** The stipend table of a placement's period, or null while it has none. */
export function stipendOf(placement: Pick<Placement, "startsOn" | "endsOn">, monthlyNtd: number) {
  return placement.startsOn && placement.endsOn ? stipendSchedule(placement.startsOn, placement.endsOn, monthlyNtd) : null;
}

const placementRow = {
  placement: t.placements,
  name: t.users.displayName,
  unitOrganisationId: t.organisations.id,
  unitZh: t.organisations.nameZh,
  unitEn: t.organisations.nameEn,
};

/** Placements of a round (of one unit, when given), trainees by name, a page at a time, with their progress. */
export async function listPlacements(db: Reader, roundId: string, { unitOrganisationId, limit, offset }: { unitOrganisationId?: string; limit: number; offset: number }) {
  const where = and(eq(t.placements.roundId, roundId), unitOrganisationId ? eq(t.unitQuotaApplications.unitOrganisationId, unitOrganisationId) : undefined);
  const base = () =>
    db
      .select(placementRow)
      .from(t.placements)
      .innerJoin(t.traineeApplications, eq(t.traineeApplications.id, t.placements.traineeApplicationId))
      .innerJoin(t.users, eq(t.users.id, t.traineeApplications.userId))
      .innerJoin(t.unitQuotaApplications, eq(t.unitQuotaApplications.id, t.placements.quotaApplicationId))
      .innerJoin(t.organisations, eq(t.organisations.id, t.unitQuotaApplications.unitOrganisationId));
  const [rows, [total]] = await Promise.all([
    base().where(where).orderBy(sql`${t.placements.status} in ('declined', 'withdrawn')`, asc(t.organisations.nameZh), asc(t.users.displayName), asc(t.placements.id)).limit(limit).offset(offset),
    db
      .select({ n: count() })
      .from(t.placements)
      .innerJoin(t.unitQuotaApplications, eq(t.unitQuotaApplications.id, t.placements.quotaApplicationId))
      .where(where),
  ]);
  const progress = await progressOf(db, rows.map((r) => r.placement.id));
  return { rows: rows.map((r) => ({ ...r, progress: progress.get(r.placement.id)! })), total: total?.n ?? 0 };
}

/** The office's overview of a round: placements by status, internships under 6 months, course hours. */
export async function placementTotals(db: Reader, roundId: string) {
  const [byStatus, hours, all] = await Promise.all([
    db.select({ status: t.placements.status, n: count() }).from(t.placements).where(eq(t.placements.roundId, roundId)).groupBy(t.placements.status),
    db
      .select({ placementId: t.commonCourseHours.placementId, hours: sum(t.commonCourseHours.hours).mapWith(Number) })
      .from(t.commonCourseHours)
      .innerJoin(t.placements, eq(t.placements.id, t.commonCourseHours.placementId))
      .where(eq(t.placements.roundId, roundId))
      .groupBy(t.commonCourseHours.placementId),
    db
      .select({ id: t.placements.id, status: t.placements.status })
      .from(t.placements)
      .where(and(eq(t.placements.roundId, roundId), inArray(t.placements.status, ["checked_in", "completed"]))),
  ]);
  const training = all.map((p) => p.id);
  const progress = await progressOf(db, training);
  const courseHours = new Map(hours.map((h) => [h.placementId, h.hours]));
  return {
    byStatus: Object.fromEntries(byStatus.map((s) => [s.status, s.n])) as Partial<Record<Placement["status"], number>>,
    inTraining: training.length,
    internshipsUnderSixMonths: training.filter((id) => progress.get(id)!.internshipTooShort).length,
    courseComplete: training.filter((id) => (courseHours.get(id) ?? 0) >= COMMON_COURSE_HOURS).length,
  };
}

/** The placement of a trainee application, or null. */
export async function placementOfApplication(db: Reader, traineeApplicationId: string): Promise<Placement | null> {
  const [placement] = await db.select().from(t.placements).where(eq(t.placements.traineeApplicationId, traineeApplicationId));
  return placement ?? null;
}
