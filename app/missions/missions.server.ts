// Recruitment missions and matchmaking fairs: the office creates them (times typed in the venue's
// zone), approved companies register published positions, talents register, and each side marks
// interest in the other's entries. Meetings are in meetings.server.ts.
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session.server";
import type { MissionFormValue } from "./mission-schema";
import { isTimeZone, zonedToInstant } from "./time-zones";
import { isUuid } from "../ids";

export const missionKinds = ["recruitment_mission", "matchmaking_fair"] as const;
export type MissionKind = (typeof missionKinds)[number];
export type Mission = typeof t.events.$inferSelect;

export class MissionRuleError extends Error {
  constructor(
    readonly code:
      | "notFound"
      | "startInPast"
      | "endBeforeStart"
      | "unknownTimeZone"
      | "noSuchTime"
      | "tooShort"
      | "over"
      | "notTalent"
      | "notCompanyMember"
      | "companyNotApproved"
      | "positionNotPublished"
      | "positionNotRegistered"
      | "talentNotRegistered"
      | "notRegistered"
      | "meetingNotFound"
      | "overlap"
      | "outsideEvent"
      | "notMutual",
    readonly field?: string,
  ) {
    super(code);
  }
}

export const isMissionOffice = (viewer: Viewer) => can(viewer.roles, "manage:mission:any");

/** The viewer's approved companies, for which they may register positions. */
export function companiesOf(viewer: Viewer) {
  if (!can(viewer.roles, "update:mission:organisation")) return [];
  return viewer.memberships.filter((m) => m.kind === "company" && m.approval === "approved");
}

export async function createMission(db: Database, viewer: Viewer, input: MissionFormValue, ip: string, now = new Date()): Promise<Mission> {
  if (!isTimeZone(input.timeZone)) throw new MissionRuleError("unknownTimeZone", "timeZone");
  const startsAt = zonedToInstant(input.startsLocal, input.timeZone);
  if (!startsAt) throw new MissionRuleError("noSuchTime", "startsLocal");
  const endsAt = zonedToInstant(input.endsLocal, input.timeZone);
  if (!endsAt) throw new MissionRuleError("noSuchTime", "endsLocal");
  if (startsAt <= now) throw new MissionRuleError("startInPast", "startsLocal");
  if (endsAt <= startsAt) throw new MissionRuleError("endBeforeStart", "endsLocal");
  if (endsAt.getTime() - startsAt.getTime() < input.meetingMinutes * 60_000) throw new MissionRuleError("tooShort", "meetingMinutes");
  return db.transaction(async (tx) => {
    const [mission] = await tx
      .insert(t.events)
      .values({
        kind: input.kind, titleZh: input.titleZh, titleEn: input.titleEn, descriptionZh: input.descriptionZh ?? "", descriptionEn: input.descriptionEn ?? "",
        startsAt, endsAt, timeZone: input.timeZone, online: input.online, venue: input.online ? (input.venue ?? null) : input.venue!,
        city: input.city ?? null, country: input.country ?? null, meetingMinutes: input.meetingMinutes,
      })
      .returning();
    await recordAudit(tx, { actorUserId: viewer.id, action: "mission.create", entity: "event", entityId: mission!.id, ip });
    return mission!;
  });
}

export async function getMission(db: Pick<Database, "select">, id: string): Promise<Mission> {
  if (!isUuid(id)) throw new MissionRuleError("notFound");
  const [mission] = await db.select().from(t.events).where(and(eq(t.events.id, id), inArray(t.events.kind, [...missionKinds])));
  if (!mission) throw new MissionRuleError("notFound");
  return mission;
}

/** Missions still to end (soonest first), or the past ones (latest first). */
export async function listMissions(db: Database, { past = false, now = new Date(), limit = 20, offset = 0 } = {}) {
  return db
    .select()
    .from(t.events)
    .where(and(inArray(t.events.kind, [...missionKinds]), past ? lt(t.events.endsAt, now) : gte(t.events.endsAt, now)))
    .orderBy(past ? desc(t.events.startsAt) : asc(t.events.startsAt), asc(t.events.id))
    .limit(limit)
    .offset(offset);
}

function requireOpen(mission: Mission, now: Date) {
  if (mission.endsAt <= now) throw new MissionRuleError("over");
}

export async function registerTalent(db: Database, viewer: Viewer, missionId: string, now = new Date()) {
  if (!viewer.roles.includes("talent")) throw new MissionRuleError("notTalent");
  const mission = await getMission(db, missionId);
  requireOpen(mission, now);
  await db.insert(t.eventRegistrations).values({ eventId: mission.id, role: "talent", userId: viewer.id }).onConflictDoNothing();
}

export async function registerPosition(db: Database, viewer: Viewer, missionId: string, positionId: string, now = new Date()) {
  const mission = await getMission(db, missionId);
  requireOpen(mission, now);
  const [position] = await db.select().from(t.positions).where(eq(t.positions.id, positionId));
  const membership = position && viewer.memberships.find((m) => m.organisationId === position.organisationId);
  if (!position || !membership || !can(viewer.roles, "update:mission:organisation")) throw new MissionRuleError("notCompanyMember", "positionId");
  if (membership.approval !== "approved") throw new MissionRuleError("companyNotApproved", "positionId");
  if (position.status !== "published") throw new MissionRuleError("positionNotPublished", "positionId");
  await db
    .insert(t.eventRegistrations)
    .values({ eventId: mission.id, role: "company", organisationId: position.organisationId, positionId: position.id, userId: null })
    .onConflictDoNothing();
}

export interface InterestTarget {
  positionId: string;
  talentUserId: string;
}

async function registered(db: Pick<Database, "select">, missionId: string, target: InterestTarget) {
  const rows = await db
    .select({ role: t.eventRegistrations.role, positionId: t.eventRegistrations.positionId, userId: t.eventRegistrations.userId, organisationId: t.eventRegistrations.organisationId })
    .from(t.eventRegistrations)
    .where(and(eq(t.eventRegistrations.eventId, missionId), sql`(${t.eventRegistrations.positionId} = ${target.positionId} or ${t.eventRegistrations.userId} = ${target.talentUserId})`));
  const position = rows.find((r) => r.role === "company" && r.positionId === target.positionId);
  const talent = rows.find((r) => r.role === "talent" && r.userId === target.talentUserId);
  return { position, talent };
}

/** One side marks (or, with `interested` false, withdraws) interest in the other side's entry. */
export async function markInterest(db: Database, viewer: Viewer, missionId: string, side: "company" | "talent", target: InterestTarget, interested: boolean, now = new Date()) {
  const mission = await getMission(db, missionId);
  requireOpen(mission, now);
  const { position, talent } = await registered(db, mission.id, target);
  if (side === "talent") {
    if (target.talentUserId !== viewer.id || !viewer.roles.includes("talent")) throw new MissionRuleError("notTalent");
    if (!talent) throw new MissionRuleError("notRegistered");
    if (!position) throw new MissionRuleError("positionNotRegistered");
  } else {
    if (!position || !companiesOf(viewer).some((c) => c.organisationId === position.organisationId)) throw new MissionRuleError("notCompanyMember");
    if (!talent) throw new MissionRuleError("talentNotRegistered");
  }
  const where = and(
    eq(t.eventInterests.eventId, mission.id), eq(t.eventInterests.positionId, target.positionId),
    eq(t.eventInterests.talentUserId, target.talentUserId), eq(t.eventInterests.side, side),
  );
  if (interested) {
    await db.insert(t.eventInterests).values({ eventId: mission.id, positionId: target.positionId, talentUserId: target.talentUserId, side, markedBy: viewer.id }).onConflictDoNothing();
  } else {
    await db.delete(t.eventInterests).where(where);
  }
}

/** Registered positions (with their company) and talents (with a few public facts) of a mission. */
export async function participantsOf(db: Database, missionId: string) {
  const [positions, talents, interests] = await Promise.all([
    db
      .select({ positionId: t.positions.id, title: t.positions.title, city: t.positions.city, organisationId: t.organisations.id, nameZh: t.organisations.nameZh, nameEn: t.organisations.nameEn })
      .from(t.eventRegistrations)
      .innerJoin(t.positions, eq(t.positions.id, t.eventRegistrations.positionId))
      .innerJoin(t.organisations, eq(t.organisations.id, t.positions.organisationId))
      .where(and(eq(t.eventRegistrations.eventId, missionId), eq(t.eventRegistrations.role, "company")))
      .orderBy(asc(t.organisations.nameEn), asc(t.positions.title), asc(t.positions.id)),
    db
      .select({ userId: t.users.id, displayName: t.users.displayName, countryOfResidence: t.talentProfiles.countryOfResidence, attended: t.eventRegistrations.attended })
      .from(t.eventRegistrations)
      .innerJoin(t.users, eq(t.users.id, t.eventRegistrations.userId))
      .leftJoin(t.talentProfiles, eq(t.talentProfiles.userId, t.users.id))
      .where(and(eq(t.eventRegistrations.eventId, missionId), eq(t.eventRegistrations.role, "talent"), isNotNull(t.eventRegistrations.userId)))
      .orderBy(asc(t.users.displayName), asc(t.users.id)),
    db.select({ positionId: t.eventInterests.positionId, talentId: t.eventInterests.talentUserId, side: t.eventInterests.side }).from(t.eventInterests).where(eq(t.eventInterests.eventId, missionId)),
  ]);
  return { positions, talents, interests: interests as Array<{ positionId: string; talentId: string; side: "company" | "talent" }> };
}

/** The viewer's approved companies' published positions not yet registered for the mission. */
export async function registrablePositions(db: Database, viewer: Viewer, missionId: string) {
  const ids = companiesOf(viewer).map((c) => c.organisationId);
  if (ids.length === 0) return [];
  return db
    .select({ id: t.positions.id, title: t.positions.title })
    .from(t.positions)
    .where(and(
      inArray(t.positions.organisationId, ids), eq(t.positions.status, "published"),
      sql`not exists (select 1 from ${t.eventRegistrations} r where r.event_id = ${missionId} and r.position_id = ${t.positions.id})`,
    ))
    .orderBy(asc(t.positions.title), asc(t.positions.id))
    .limit(200);
}
