// Seats after publication. An admitted trainee declines before their check-in deadline, or the office
// marks a missed check-in after it: the trainee leaves the round and their seat goes down the unit's
// waitlist (offerFreedSeat): the first who still wants it takes it, the seat they leave goes the same
// way, and so on. Every move is recorded (seat_releases, seat_moves), placements follow in the same
// transaction, and each trainee who moves is mailed. A seat filled in the post-match round is simply
// given back: nobody on a waitlist wanted it, or the unit would not have had it empty.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session.server";
import { formatDateTime } from "../i18n/format";
import { pick, type Locale } from "../i18n/resources";
import { enqueueEmail } from "../mail/outbox.server";
import { DeadlinePassedError } from "./calendar";
import { offerFreedSeat, type SeatMove } from "./match";
import { MatchRuleError } from "./match-rules";
import { publishedRunOf, readStoredRun, unitNames, type Links } from "./match-runs.server";
import { lockRound, type Reader, type Round, type Tx } from "./rounds.server";
import { currentMarket, type CurrentMarket } from "./seat-state";
import { lastDayOfYear } from "./training-period";
import { isUuid } from "../ids";

export type Placement = typeof t.placements.$inferSelect;

/** A seat offered after publication is checked in within a week, or by the round's deadline if later. */
export const LATE_CHECK_IN_DAYS = 7;
export const lateCheckInBy = (round: Pick<Round, "checkInCloseAt">, now: Date) =>
  new Date(Math.max(round.checkInCloseAt.getTime(), now.getTime() + LATE_CHECK_IN_DAYS * 86_400_000));

/** The round's match as it stands (seat-state.ts), or null before publication. */
export async function currentMatching(db: Reader, roundId: string): Promise<(CurrentMarket & { runId: string }) | null> {
  const run = await publishedRunOf(db, roundId);
  if (!run) return null;
  const { input } = readStoredRun(run);
  const placements = await db
    .select({ applicant: t.placements.traineeApplicationId, unit: t.placements.quotaApplicationId, status: t.placements.status, source: t.placements.source })
    .from(t.placements)
    .where(eq(t.placements.roundId, roundId));
  return { ...currentMarket(input, placements), runId: run.id };
}

async function lockPlacement(tx: Tx, placementId: string, mode: "update" | "share") {
  if (!isUuid(placementId)) throw new MatchRuleError("notFound");
  const [found] = await tx.select({ roundId: t.placements.roundId }).from(t.placements).where(eq(t.placements.id, placementId));
  if (!found) throw new MatchRuleError("notFound");
  const round = await lockRound(tx, found.roundId, mode);
  const [placement] = await tx.select().from(t.placements).where(eq(t.placements.id, placementId)).for("update");
  return { round, placement: placement! };
}

export async function ownerOf(db: Reader, traineeApplicationId: string) {
  const [owner] = await db
    .select({ userId: t.users.id, email: t.users.email, locale: t.users.locale, name: t.users.displayName })
    .from(t.traineeApplications)
    .innerJoin(t.users, eq(t.users.id, t.traineeApplications.userId))
    .where(eq(t.traineeApplications.id, traineeApplicationId));
  return owner ?? null;
}

export interface ReleaseOutcome {
  releaseId: string;
  moves: SeatMove[];
  /** The unit left with an empty seat at the end of the chain, if any. */
  emptied: string | null;
}

/** The trainee gives up their admitted seat, before their check-in deadline. */
export async function declineSeat(db: Database, trainee: Viewer, placementId: string, links: Links, ip: string, now: Date = new Date()) {
  return db.transaction(async (tx) => {
    const { round, placement } = await lockPlacement(tx, placementId, "update");
    const owner = await ownerOf(tx, placement.traineeApplicationId);
    if (owner?.userId !== trainee.id) throw new MatchRuleError("notYours");
    if (placement.status !== "admitted") throw new MatchRuleError("notAdmitted");
    // After it, the office settles the seat as a missed check-in.
    if (now >= placement.checkInBy) throw new DeadlinePassedError("checkIn", placement.checkInBy);
    return releaseSeat(tx, round, placement, "declined", trainee, links, ip, now);
  });
}

/** The office marks that an admitted trainee did not check in by their deadline. */
export async function markMissedCheckIn(db: Database, officer: Viewer, placementId: string, links: Links, ip: string, now: Date = new Date()) {
  if (!can(officer.roles, "manage:placement-round:any")) throw new MatchRuleError("notOffice");
  return db.transaction(async (tx) => {
    const { round, placement } = await lockPlacement(tx, placementId, "update");
    if (placement.status !== "admitted") throw new MatchRuleError("notAdmitted");
    if (now < placement.checkInBy) throw new MatchRuleError("checkInStillOpen", { deadline: "checkIn", at: placement.checkInBy });
    return releaseSeat(tx, round, placement, "missed_check_in", officer, links, ip, now);
  });
}

async function releaseSeat(tx: Tx, round: Round, placement: Placement, cause: "declined" | "missed_check_in", actor: Viewer, links: Links, ip: string, now: Date): Promise<ReleaseOutcome> {
  const before = await currentMatching(tx, round.id);
  if (!before) throw new MatchRuleError("notPublished");
  await tx
    .update(t.placements)
    .set({ status: cause === "declined" ? "declined" : "withdrawn", endedAt: now, updatedAt: now })
    .where(eq(t.placements.id, placement.id));

  let moves: SeatMove[] = [];
  let emptied: string | null = placement.quotaApplicationId;
  if (placement.source !== "post_match") {
    const outcome = offerFreedSeat(before.input, before.assignments, placement.traineeApplicationId);
    moves = outcome.moves;
    emptied = outcome.emptied;
  }
  const checkInBy = lateCheckInBy(round, now);
  for (const move of moves) {
    if (move.from === null) {
      await tx.insert(t.placements).values({
        roundId: round.id,
        traineeApplicationId: move.applicant,
        quotaApplicationId: move.to,
        status: "admitted",
        source: "waitlist",
        checkInBy,
        startsOn: round.trainingStartsOn,
        endsOn: lastDayOfYear(round.trainingStartsOn),
      });
      // Placed now: their open post-match offers are void.
      await tx
        .update(t.postMatchOffers)
        .set({ status: "withdrawn", answeredAt: now })
        .where(and(eq(t.postMatchOffers.traineeApplicationId, move.applicant), eq(t.postMatchOffers.status, "offered")));
    } else {
      await tx
        .update(t.placements)
        .set({ quotaApplicationId: move.to, source: "waitlist", status: "admitted", checkedInAt: null, checkInBy, updatedAt: now })
        .where(and(eq(t.placements.traineeApplicationId, move.applicant), eq(t.placements.roundId, round.id)));
    }
  }
  const [release] = await tx
    .insert(t.seatReleases)
    .values({ roundId: round.id, placementId: placement.id, cause, quotaApplicationId: placement.quotaApplicationId, emptiedQuotaApplicationId: emptied, actorUserId: actor.id, createdAt: now })
    .returning({ id: t.seatReleases.id });
  if (moves.length > 0) {
    await tx.insert(t.seatMoves).values(
      moves.map((m, i) => ({ releaseId: release!.id, step: i + 1, traineeApplicationId: m.applicant, fromQuotaApplicationId: m.from, toQuotaApplicationId: m.to })),
    );
  }
  await recordAudit(tx, {
    actorUserId: actor.id,
    action: cause === "declined" ? "seat-declined" : "check-in-missed",
    entity: "placement",
    entityId: placement.id,
    detail: { roundId: round.id, moves, emptied },
    ip,
  });
  await mailMoves(tx, round, moves, checkInBy, links);
  return { releaseId: release!.id, moves, emptied };
}

async function mailMoves(tx: Tx, round: Round, moves: SeatMove[], checkInBy: Date, links: Links) {
  if (moves.length === 0) return;
  const units = await unitNames(tx, round.id);
  for (const move of moves) {
    const owner = await ownerOf(tx, move.applicant);
    if (!owner) continue;
    const locale: Locale = owner.locale === "en" ? "en" : "zh-TW";
    const unit = units.get(move.to)!;
    await enqueueEmail(tx, {
      to: owner.email,
      locale,
      template: "seat-offered",
      data: {
        name: owner.name,
        round: pick(locale, round.titleZh, round.titleEn),
        unit: pick(locale, unit.nameZh, unit.nameEn),
        checkInBy: formatDateTime(checkInBy, locale),
        url: `${links.publicUrl}/phd/result`,
      },
    });
  }
}

/** Every seat released in the round with the moves that followed, oldest first. */
export async function listReleases(db: Reader, roundId: string) {
  const releases = await db
    .select({ release: t.seatReleases, applicant: t.placements.traineeApplicationId })
    .from(t.seatReleases)
    .innerJoin(t.placements, eq(t.placements.id, t.seatReleases.placementId))
    .where(eq(t.seatReleases.roundId, roundId))
    .orderBy(asc(t.seatReleases.createdAt), asc(t.seatReleases.id));
  const moves = releases.length
    ? await db.select().from(t.seatMoves).where(inArray(t.seatMoves.releaseId, releases.map((r) => r.release.id))).orderBy(asc(t.seatMoves.releaseId), asc(t.seatMoves.step))
    : [];
  return releases.map(({ release, applicant }) => ({ ...release, applicant, moves: moves.filter((m) => m.releaseId === release.id) }));
}
