// PhD programme rounds. The programme office creates one round a year for a programme of type
// phd_placement, with its calendar (calendar.ts), monthly stipend, the number of preferences a trainee
// may list, the total quota, and the review criteria it publishes to units. A round is edited while it
// is a draft and then opened; from then on its calendar and criteria are fixed, and every write of the
// programme (quota applications here, trainee applications, rankings and the match later) locks the
// round row with lockRound and checks its deadline with assertBefore.
import { and, asc, count, desc, eq, ne } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session.server";
import { assertBefore, calendarOrderProblems, deadlineColumns, deadlineKeys, type CalendarColumn, type DeadlineKey } from "./calendar";
import { isUuid } from "../ids";

export type Round = typeof t.placementRounds.$inferSelect;
export type ReviewCriterion = typeof t.reviewCriteria.$inferSelect;
export type RoundStatus = Round["status"];
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** The database or a transaction of it. */
export type Reader = Pick<Database, "select">;

export class RoundRuleError extends Error {
  constructor(
    readonly code: "notFound" | "notOffice" | "notPhdProgramme" | "notDraft" | "yearTaken" | "calendarOrder" | "trainingBeforePublication" | "noCriteria" | "duplicateCriterion",
    /** For calendarOrder: the date that comes too early. */
    readonly deadline?: DeadlineKey,
  ) {
    super(deadline ? `${code}: ${deadline}` : code);
    this.name = "RoundRuleError";
  }
}

export interface CriterionInput {
  key: string;
  labelZh: string;
  labelEn: string;
  weight: number;
  maxScore: number;
}

export type RoundInput = {
  programmeId: string;
  year: number;
  titleZh: string;
  titleEn: string;
  monthlyStipendNtd: number;
  maxPreferences: number;
  totalQuota: number;
  /** yyyy-mm-dd, a Taiwan calendar date. */
  trainingStartsOn: string;
  criteria: CriterionInput[];
} & Record<CalendarColumn, Date>;

function requireOffice(viewer: Viewer) {
  if (!can(viewer.roles, "manage:placement-round:any")) throw new RoundRuleError("notOffice");
}

const taipeiDate = (date: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Taipei" }).format(date);

function checkInput(input: RoundInput) {
  const [problem] = calendarOrderProblems(input);
  if (problem) throw new RoundRuleError("calendarOrder", problem.key);
  // Trainees start after the admitted list is published (they are checked in from then on).
  if (input.trainingStartsOn < taipeiDate(input.publishAt)) throw new RoundRuleError("trainingBeforePublication");
  if (input.criteria.length === 0) throw new RoundRuleError("noCriteria");
  if (new Set(input.criteria.map((c) => c.key)).size !== input.criteria.length) throw new RoundRuleError("duplicateCriterion");
}

function columns(input: RoundInput) {
  return {
    programmeId: input.programmeId,
    year: input.year,
    titleZh: input.titleZh,
    titleEn: input.titleEn,
    monthlyStipendNtd: input.monthlyStipendNtd,
    maxPreferences: input.maxPreferences,
    totalQuota: input.totalQuota,
    trainingStartsOn: input.trainingStartsOn,
    ...(Object.fromEntries(deadlineKeys.map((key) => [deadlineColumns[key], input[deadlineColumns[key]]])) as Record<CalendarColumn, Date>),
  };
}

async function requirePhdProgramme(tx: Reader, programmeId: string) {
  const [programme] = await tx.select({ type: t.programmes.type }).from(t.programmes).where(eq(t.programmes.id, programmeId));
  if (programme?.type !== "phd_placement") throw new RoundRuleError("notPhdProgramme");
}

/** Maps the database's refusals (a second round for the year, the calendar check) to rule errors. */
function translateViolation(error: unknown): never {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint_name?: string; constraint?: string };
    const constraint = pg.constraint_name ?? pg.constraint;
    if (pg.code === "23505" && constraint === "placement_rounds_year") throw new RoundRuleError("yearTaken");
    if (pg.code === "23514" && constraint === "placement_rounds_calendar") throw new RoundRuleError("calendarOrder");
  }
  throw error;
}

async function writeCriteria(tx: Tx, roundId: string, criteria: CriterionInput[]) {
  await tx.delete(t.reviewCriteria).where(eq(t.reviewCriteria.roundId, roundId));
  await tx.insert(t.reviewCriteria).values(criteria.map((c) => ({ roundId, ...c })));
}

/** A new draft round of a phd_placement programme. */
export async function createRound(db: Database, viewer: Viewer, input: RoundInput, ip: string): Promise<Round> {
  requireOffice(viewer);
  checkInput(input);
  try {
    return await db.transaction(async (tx) => {
      await requirePhdProgramme(tx, input.programmeId);
      const [round] = await tx.insert(t.placementRounds).values(columns(input)).returning();
      await writeCriteria(tx, round!.id, input.criteria);
      await recordAudit(tx, { actorUserId: viewer.id, action: "round-created", entity: "placement-round", entityId: round!.id, detail: { year: input.year }, ip });
      return round!;
    });
  } catch (error) {
    return translateViolation(error);
  }
}

/**
 * The round row, locked for the rest of the transaction. "update" for writes that change the round or
 * must see every other write of it (allocations, publication); "share" for writes of one unit's or one
 * trainee's records that must not interleave with those: FOR KEY SHARE, which blocks "update" but not
 * other writers or their foreign-key checks. A transaction that will insert a quota application must
 * take "update" from the start: migration 0001's allocated_quota_within_total trigger locks the round
 * FOR UPDATE on every insert, and upgrading a shared lock that others hold too deadlocks.
 */
export async function lockRound(tx: Tx, roundId: string, mode: "update" | "share"): Promise<Round> {
  if (!isUuid(roundId)) throw new RoundRuleError("notFound");
  const [round] = await tx.select().from(t.placementRounds).where(eq(t.placementRounds.id, roundId)).for(mode === "update" ? "update" : "key share");
  if (!round) throw new RoundRuleError("notFound");
  return round;
}

/** Saves an edit of a draft round: everything, criteria included, is replaced. */
export async function updateRound(db: Database, viewer: Viewer, roundId: string, input: RoundInput, ip: string): Promise<Round> {
  requireOffice(viewer);
  checkInput(input);
  try {
    return await db.transaction(async (tx) => {
      const current = await lockRound(tx, roundId, "update");
      if (current.status !== "draft") throw new RoundRuleError("notDraft");
      await requirePhdProgramme(tx, input.programmeId);
      const [round] = await tx.update(t.placementRounds).set({ ...columns(input), updatedAt: new Date() }).where(eq(t.placementRounds.id, roundId)).returning();
      await writeCriteria(tx, roundId, input.criteria);
      await recordAudit(tx, { actorUserId: viewer.id, action: "round-edited", entity: "placement-round", entityId: roundId, ip });
      return round!;
    });
  } catch (error) {
    return translateViolation(error);
  }
}

/** Draft → open: units may apply from now until the unit-application deadline, which must still be ahead. */
export async function openRound(db: Database, viewer: Viewer, roundId: string, ip: string, now: Date = new Date()): Promise<Round> {
  requireOffice(viewer);
  return db.transaction(async (tx) => {
    const current = await lockRound(tx, roundId, "update");
    if (current.status !== "draft") throw new RoundRuleError("notDraft");
    assertBefore(current, "unitApplications", now);
    const [criteria] = await tx.select({ n: count() }).from(t.reviewCriteria).where(eq(t.reviewCriteria.roundId, roundId));
    if (!criteria?.n) throw new RoundRuleError("noCriteria");
    const [round] = await tx.update(t.placementRounds).set({ status: "open", updatedAt: new Date() }).where(eq(t.placementRounds.id, roundId)).returning();
    await recordAudit(tx, { actorUserId: viewer.id, action: "round-opened", entity: "placement-round", entityId: roundId, ip });
    return round!;
  });
}

export interface RoundView {
  round: Round;
  programme: { id: string; key: string; titleZh: string; titleEn: string };
  /** The published review criteria, heaviest first. */
  criteria: ReviewCriterion[];
}

/** A round with its programme and criteria, or null. Drafts included: callers decide who sees them. */
export async function getRound(db: Reader, roundId: string): Promise<RoundView | null> {
  if (!isUuid(roundId)) return null;
  const [row] = await db
    .select({ round: t.placementRounds, programme: { id: t.programmes.id, key: t.programmes.key, titleZh: t.programmes.titleZh, titleEn: t.programmes.titleEn } })
    .from(t.placementRounds)
    .innerJoin(t.programmes, eq(t.programmes.id, t.placementRounds.programmeId))
    .where(eq(t.placementRounds.id, roundId));
  if (!row) return null;
  return { ...row, criteria: await criteriaOf(db, roundId) };
}

/** The round's criteria, heaviest first (review_criteria keeps no entry order), then by key. */
export async function criteriaOf(db: Reader, roundId: string): Promise<ReviewCriterion[]> {
  return db.select().from(t.reviewCriteria).where(eq(t.reviewCriteria.roundId, roundId)).orderBy(desc(t.reviewCriteria.weight), asc(t.reviewCriteria.key));
}

/** The PhD programme's round of a year that has been opened (not a draft), or null. */
export async function getOpenedRoundByYear(db: Reader, year: number): Promise<RoundView | null> {
  const [row] = await db
    .select({ id: t.placementRounds.id })
    .from(t.placementRounds)
    .innerJoin(t.programmes, eq(t.programmes.id, t.placementRounds.programmeId))
    .where(and(eq(t.programmes.type, "phd_placement"), eq(t.placementRounds.year, year), ne(t.placementRounds.status, "draft")))
    .orderBy(asc(t.programmes.key))
    .limit(1);
  return row ? getRound(db, row.id) : null;
}

/** Every round, newest year first, a page at a time. */
export async function listRounds(db: Reader, { limit, offset }: { limit: number; offset: number }) {
  const [rows, [total]] = await Promise.all([
    db.select().from(t.placementRounds).orderBy(desc(t.placementRounds.year), asc(t.placementRounds.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(t.placementRounds),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Rounds units and trainees may see (every one but drafts), newest year first. */
export async function listOpenedRounds(db: Reader): Promise<Round[]> {
  return db.select().from(t.placementRounds).where(ne(t.placementRounds.status, "draft")).orderBy(desc(t.placementRounds.year), asc(t.placementRounds.id));
}

/** Programmes a round can belong to (type phd_placement). */
export async function phdProgrammes(db: Reader) {
  return db
    .select({ id: t.programmes.id, key: t.programmes.key, titleZh: t.programmes.titleZh, titleEn: t.programmes.titleEn })
    .from(t.programmes)
    .where(eq(t.programmes.type, "phd_placement"))
    .orderBy(asc(t.programmes.key));
}
