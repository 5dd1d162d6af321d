// The post-match round: seats still empty after the match and its waitlists can be filled by the unit
// offering one to an applicant of the round who holds no seat; the talent accepts or declines. A unit
// never has more trainees plus open offers than its quota: each offer locks the unit's quota row
// (so two colleagues offering at once are counted one after the other), and a trigger checks it again.
import { and, asc, count, eq, inArray, notExists, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Viewer } from "../auth/session.server";
import { formatDateTime } from "../i18n/format";
import { pick, type Locale } from "../i18n/resources";
import { enqueueEmail } from "../mail/outbox.server";
import { MatchRuleError } from "./match-rules";
import { publishedRunOf, type Links } from "./match-runs.server";
import { unitMembers } from "./quota-applications.server";
import { lockRound, type Reader, type Tx } from "./rounds.server";
import { lateCheckInBy, ownerOf } from "./seats.server";
import { lastDayOfYear } from "./training-period";
import { isUnitStaff } from "./unit-access";
import { isUuid } from "../ids";

export type PostMatchOffer = typeof t.postMatchOffers.$inferSelect;

const seatHolding = ["admitted", "checked_in", "completed"] as const;

/** Seats of a unit (quota application) taken by trainees, and held by open offers. */
export async function seatsTaken(db: Reader, quotaApplicationId: string) {
  const [[placed], [offered]] = await Promise.all([
    db.select({ n: count() }).from(t.placements).where(and(eq(t.placements.quotaApplicationId, quotaApplicationId), inArray(t.placements.status, [...seatHolding]))),
    db.select({ n: count() }).from(t.postMatchOffers).where(and(eq(t.postMatchOffers.quotaApplicationId, quotaApplicationId), eq(t.postMatchOffers.status, "offered"))),
  ]);
  return { placed: placed?.n ?? 0, offered: offered?.n ?? 0 };
}

const hasNoPlacement = sql`not exists (select 1 from ${t.placements} where ${t.placements.traineeApplicationId} = ${t.traineeApplications.id})`;

/** The unit (one of the viewer's) offers one of its empty seats to an applicant of the round who holds none. */
export async function offerSeat(db: Database, staff: Viewer, quotaApplicationId: string, traineeApplicationId: string, links: Links, ip: string, now: Date = new Date()): Promise<PostMatchOffer> {
  if (!isUuid(quotaApplicationId) || !isUuid(traineeApplicationId)) throw new MatchRuleError("notFound");
  return db.transaction(async (tx) => {
    const [found] = await tx.select().from(t.unitQuotaApplications).where(eq(t.unitQuotaApplications.id, quotaApplicationId));
    if (!found) throw new MatchRuleError("notFound");
    if (!isUnitStaff(staff, found.unitOrganisationId)) throw new MatchRuleError("notMember");
    const round = await lockRound(tx, found.roundId, "share");
    // Offers of one unit queue here, one after the other.
    const [unit] = await tx.select().from(t.unitQuotaApplications).where(eq(t.unitQuotaApplications.id, quotaApplicationId)).for("update");
    if (!(await publishedRunOf(tx, round.id))) throw new MatchRuleError("notPublished");
    if (unit!.status !== "allocated") throw new MatchRuleError("unitNotAllocated");
    const [applicant] = await tx
      .select({ id: t.traineeApplications.id, placed: sql<boolean>`not ${hasNoPlacement}` })
      .from(t.traineeApplications)
      .where(and(eq(t.traineeApplications.id, traineeApplicationId), eq(t.traineeApplications.roundId, round.id), eq(t.traineeApplications.status, "submitted")));
    if (!applicant) throw new MatchRuleError("notApplicant");
    if (applicant.placed) throw new MatchRuleError("alreadyPlaced");
    const [earlier] = await tx.select({ id: t.postMatchOffers.id }).from(t.postMatchOffers).where(and(eq(t.postMatchOffers.quotaApplicationId, unit!.id), eq(t.postMatchOffers.traineeApplicationId, traineeApplicationId)));
    if (earlier) throw new MatchRuleError("alreadyOffered");
    const { placed, offered } = await seatsTaken(tx, unit!.id);
    if (placed + offered >= (unit!.allocatedQuota ?? 0)) throw new MatchRuleError("noSeatsLeft");
    const [offer] = await tx.insert(t.postMatchOffers).values({ roundId: round.id, quotaApplicationId: unit!.id, traineeApplicationId, offeredBy: staff.id, offeredAt: now }).returning();
    await recordAudit(tx, { actorUserId: staff.id, action: "post-match-offer", entity: "post-match-offer", entityId: offer!.id, detail: { quotaApplicationId, traineeApplicationId }, ip });
    const owner = await ownerOf(tx, traineeApplicationId);
    const [organisation] = await tx.select().from(t.organisations).where(eq(t.organisations.id, unit!.unitOrganisationId));
    if (owner) {
      const locale: Locale = owner.locale === "en" ? "en" : "zh-TW";
      await enqueueEmail(tx, {
        to: owner.email,
        locale,
        template: "post-match-offer",
        data: { name: owner.name, round: pick(locale, round.titleZh, round.titleEn), unit: pick(locale, organisation!.nameZh, organisation!.nameEn), url: `${links.publicUrl}/phd/result` },
      });
    }
    return offer!;
  });
}

async function lockOffer(tx: Tx, offerId: string, mode: "update" | "share") {
  if (!isUuid(offerId)) throw new MatchRuleError("notFound");
  const [found] = await tx.select({ roundId: t.postMatchOffers.roundId }).from(t.postMatchOffers).where(eq(t.postMatchOffers.id, offerId));
  if (!found) throw new MatchRuleError("notFound");
  const round = await lockRound(tx, found.roundId, mode);
  const [offer] = await tx.select().from(t.postMatchOffers).where(eq(t.postMatchOffers.id, offerId)).for("update");
  return { round, offer: offer! };
}

/** The talent accepts (a placement at the unit, to check in within a week) or declines an open offer. */
export async function answerOffer(db: Database, talent: Viewer, offerId: string, accept: boolean, links: Links, ip: string, now: Date = new Date()): Promise<PostMatchOffer> {
  return db.transaction(async (tx) => {
    const { round, offer } = await lockOffer(tx, offerId, "update");
    const owner = await ownerOf(tx, offer.traineeApplicationId);
    if (owner?.userId !== talent.id) throw new MatchRuleError("notYours");
    if (offer.status !== "offered") throw new MatchRuleError("offerClosed");
    const [existing] = await tx.select({ id: t.placements.id }).from(t.placements).where(eq(t.placements.traineeApplicationId, offer.traineeApplicationId));
    if (accept && existing) throw new MatchRuleError("alreadyPlaced");
    const [answered] = await tx.update(t.postMatchOffers).set({ status: accept ? "accepted" : "declined", answeredAt: now }).where(eq(t.postMatchOffers.id, offer.id)).returning();
    if (accept) {
      await tx
        .update(t.postMatchOffers)
        .set({ status: "withdrawn", answeredAt: now })
        .where(and(eq(t.postMatchOffers.traineeApplicationId, offer.traineeApplicationId), eq(t.postMatchOffers.status, "offered")));
      await tx.insert(t.placements).values({
        roundId: round.id,
        traineeApplicationId: offer.traineeApplicationId,
        quotaApplicationId: offer.quotaApplicationId,
        status: "admitted",
        source: "post_match",
        checkInBy: lateCheckInBy(round, now),
        startsOn: round.trainingStartsOn,
        endsOn: lastDayOfYear(round.trainingStartsOn),
      });
    }
    await recordAudit(tx, { actorUserId: talent.id, action: accept ? "post-match-accepted" : "post-match-declined", entity: "post-match-offer", entityId: offer.id, ip });
    const [unit] = await tx
      .select({ organisationId: t.organisations.id, nameZh: t.organisations.nameZh, nameEn: t.organisations.nameEn })
      .from(t.unitQuotaApplications)
      .innerJoin(t.organisations, eq(t.organisations.id, t.unitQuotaApplications.unitOrganisationId))
      .where(eq(t.unitQuotaApplications.id, offer.quotaApplicationId));
    for (const member of await unitMembers(tx, unit!.organisationId)) {
      const locale: Locale = member.locale === "en" ? "en" : "zh-TW";
      await enqueueEmail(tx, {
        to: member.email,
        locale,
        template: "post-match-answer",
        data: {
          talent: owner.name,
          unit: pick(locale, unit!.nameZh, unit!.nameEn),
          round: pick(locale, round.titleZh, round.titleEn),
          accepted: accept,
          checkInBy: formatDateTime(lateCheckInBy(round, now), locale),
          url: `${links.publicUrl}/unit/rounds/${round.id}/match?unit=${unit!.organisationId}`,
        },
      });
    }
    return answered!;
  });
}

/** The unit takes back an offer not yet answered, freeing the seat it held. */
export async function withdrawOffer(db: Database, staff: Viewer, offerId: string, ip: string, now: Date = new Date()): Promise<PostMatchOffer> {
  return db.transaction(async (tx) => {
    const { offer } = await lockOffer(tx, offerId, "share");
    const [unit] = await tx.select({ organisationId: t.unitQuotaApplications.unitOrganisationId }).from(t.unitQuotaApplications).where(eq(t.unitQuotaApplications.id, offer.quotaApplicationId));
    if (!isUnitStaff(staff, unit!.organisationId)) throw new MatchRuleError("notMember");
    if (offer.status !== "offered") throw new MatchRuleError("offerClosed");
    const [withdrawn] = await tx.update(t.postMatchOffers).set({ status: "withdrawn", answeredAt: now }).where(eq(t.postMatchOffers.id, offer.id)).returning();
    await recordAudit(tx, { actorUserId: staff.id, action: "post-match-withdrawn", entity: "post-match-offer", entityId: offer.id, ip });
    return withdrawn!;
  });
}

/**
 * Applicants of the round who hold no seat and have no offer from this unit yet (those it may offer a
 * seat to), by name, a page at a time.
 */
export async function unplacedCandidates(db: Reader, roundId: string, quotaApplicationId: string, { limit, offset }: { limit: number; offset: number }) {
  const where = and(
    eq(t.traineeApplications.roundId, roundId),
    eq(t.traineeApplications.status, "submitted"),
    hasNoPlacement,
    notExists(
      db
        .select({ one: sql`1` })
        .from(t.postMatchOffers)
        .where(and(eq(t.postMatchOffers.traineeApplicationId, t.traineeApplications.id), eq(t.postMatchOffers.quotaApplicationId, quotaApplicationId))),
    ),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: t.traineeApplications.id, name: t.users.displayName, innovationScore: t.traineeApplications.innovationScore })
      .from(t.traineeApplications)
      .innerJoin(t.users, eq(t.users.id, t.traineeApplications.userId))
      .where(where)
      .orderBy(asc(t.users.displayName), asc(t.traineeApplications.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(t.traineeApplications).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** A unit's post-match offers, open ones first. */
export async function offersOfUnit(db: Reader, quotaApplicationId: string) {
  return db
    .select({ id: t.postMatchOffers.id, status: t.postMatchOffers.status, offeredAt: t.postMatchOffers.offeredAt, answeredAt: t.postMatchOffers.answeredAt, name: t.users.displayName })
    .from(t.postMatchOffers)
    .innerJoin(t.traineeApplications, eq(t.traineeApplications.id, t.postMatchOffers.traineeApplicationId))
    .innerJoin(t.users, eq(t.users.id, t.traineeApplications.userId))
    .where(eq(t.postMatchOffers.quotaApplicationId, quotaApplicationId))
    .orderBy(sql`${t.postMatchOffers.status} <> 'offered'`, asc(t.postMatchOffers.offeredAt));
}

/** Offers made to a trainee application, open ones first, with the unit's names. */
export async function offersToApplicant(db: Reader, traineeApplicationId: string) {
  return db
    .select({ id: t.postMatchOffers.id, status: t.postMatchOffers.status, offeredAt: t.postMatchOffers.offeredAt, nameZh: t.organisations.nameZh, nameEn: t.organisations.nameEn })
    .from(t.postMatchOffers)
    .innerJoin(t.unitQuotaApplications, eq(t.unitQuotaApplications.id, t.postMatchOffers.quotaApplicationId))
    .innerJoin(t.organisations, eq(t.organisations.id, t.unitQuotaApplications.unitOrganisationId))
    .where(eq(t.postMatchOffers.traineeApplicationId, traineeApplicationId))
    .orderBy(sql`${t.postMatchOffers.status} <> 'offered'`, asc(t.postMatchOffers.offeredAt));
}
