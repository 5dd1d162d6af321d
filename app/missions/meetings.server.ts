// Meetings of a mission: the office runs the scheduler (app/missions/scheduler.ts) over the mutual
// interests, best ranking score first, and the plan is written with the mission's row locked, so two
// runs at once queue and the second sees the first's meetings; the meetings table's unique slots are
// the last guard. Everyone in a new meeting gets a mail with the calendar file attached.
import { and, asc, eq, inArray, ne, or } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Viewer } from "../auth/session.server";
import { candidatesOfTalents, requirementOfPosition } from "../matching/inputs.server";
import { scoreMatch } from "../matching/score";
import { enqueueEmail } from "../mail/outbox.server";
import type { Locale } from "~/i18n/resources";
import { toIcs } from "./ics";
import { companiesOf, getMission, isMissionOffice, MissionRuleError, type Mission } from "./missions.server";
import { mutualPairs, overlapsAny, scheduleMeetings, type Candidate } from "./scheduler";
import { formatInZone, zonedToInstant } from "./time-zones";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Meeting = typeof t.meetings.$inferSelect;
const active = ["proposed", "confirmed", "held"] as const;

/** The mutual pairs of a mission with their ranking scores. */
export async function scoredCandidates(db: Pick<Database, "select">, missionId: string): Promise<Candidate[]> {
  const interests = await db
    .select({ positionId: t.eventInterests.positionId, talentId: t.eventInterests.talentUserId, side: t.eventInterests.side })
    .from(t.eventInterests)
    .where(eq(t.eventInterests.eventId, missionId));
  const pairs = mutualPairs(interests as Array<{ positionId: string; talentId: string; side: "company" | "talent" }>);
  if (pairs.length === 0) return [];
  const positionIds = [...new Set(pairs.map((p) => p.positionId))];
  const positions = await db.select({ id: t.positions.id, organisationId: t.positions.organisationId }).from(t.positions).where(inArray(t.positions.id, positionIds));
  const requirements = new Map(await Promise.all(positionIds.map(async (id) => [id, await requirementOfPosition(db as Database, id)] as const)));
  const talents = new Map((await candidatesOfTalents(db as Database, { ids: [...new Set(pairs.map((p) => p.talentId))] })).map((c) => [c.candidate.id, c.candidate]));
  const organisationOf = new Map(positions.map((p) => [p.id, p.organisationId]));
  return pairs.flatMap((pair) => {
    const requirement = requirements.get(pair.positionId);
    const talent = talents.get(pair.talentId);
    const organisationId = organisationOf.get(pair.positionId);
    if (!requirement || !talent || !organisationId) return [];
    return [{ ...pair, organisationId, score: scoreMatch(requirement, talent).total }];
  });
}

async function busyOf(tx: Pick<Database, "select">, missionId: string) {
  const rows = await tx
    .select({ organisationId: t.meetings.hostOrganisationId, talentId: t.meetings.guestUserId, startsAt: t.meetings.startsAt, endsAt: t.meetings.endsAt })
    .from(t.meetings)
    .where(and(eq(t.meetings.eventId, missionId), inArray(t.meetings.status, [...active])));
  return rows.map((r) => ({ organisationId: r.organisationId, talentId: r.talentId ?? "", startsAt: r.startsAt.getTime(), endsAt: r.endsAt.getTime() }));
}

/** Proposes and schedules every meeting the mutual interests allow; returns how many were added and left out. */
export async function scheduleMission(db: Database, viewer: Viewer, missionId: string, publicUrl: string, ip: string, now = new Date()) {
  if (!isMissionOffice(viewer)) throw new MissionRuleError("notFound");
  return db.transaction(async (tx) => {
    const [locked] = await tx.select().from(t.events).where(eq(t.events.id, missionId)).for("update");
    const mission = locked ? await getMission(tx, locked.id) : await getMission(tx, missionId);
    if (mission.endsAt <= now) throw new MissionRuleError("over");
    // Slots already begun are not offered: the window starts at the next slot boundary after now.
    const step = mission.meetingMinutes * 60_000;
    const startsAt = mission.startsAt > now ? mission.startsAt.getTime() : mission.startsAt.getTime() + Math.ceil((now.getTime() - mission.startsAt.getTime()) / step) * step;
    const plan = scheduleMeetings({
      startsAt, endsAt: mission.endsAt.getTime(), meetingMinutes: mission.meetingMinutes,
      candidates: await scoredCandidates(tx, mission.id), existing: await busyOf(tx, mission.id),
    });
    for (const planned of plan.meetings) {
      const [meeting] = await tx
        .insert(t.meetings)
        .values({ eventId: mission.id, hostOrganisationId: planned.organisationId, guestUserId: planned.talentId, positionId: planned.positionId, startsAt: new Date(planned.startsAt), endsAt: new Date(planned.endsAt), status: "confirmed" })
        .returning();
      await inviteToMeeting(tx, mission, meeting!, publicUrl, now);
    }
    await recordAudit(tx, { actorUserId: viewer.id, action: "mission.schedule", entity: "event", entityId: mission.id, detail: { added: plan.meetings.length, unscheduled: plan.unscheduled.length }, ip });
    return { added: plan.meetings.length, noSlot: plan.unscheduled.filter((u) => u.reason === "noSlot").length };
  });
}

/** The office adds one meeting by hand, at a wall-clock time in the venue's zone. */
export async function addMeeting(db: Database, viewer: Viewer, missionId: string, input: { positionId: string; talentUserId: string; startsLocal: string }, publicUrl: string, ip: string, now = new Date()) {
  if (!isMissionOffice(viewer)) throw new MissionRuleError("notFound");
  return db.transaction(async (tx) => {
    await tx.select({ id: t.events.id }).from(t.events).where(eq(t.events.id, missionId)).for("update");
    const mission = await getMission(tx, missionId);
    const startsAt = zonedToInstant(input.startsLocal, mission.timeZone);
    if (!startsAt) throw new MissionRuleError("noSuchTime", "startsLocal");
    if (startsAt <= now) throw new MissionRuleError("startInPast", "startsLocal");
    const endsAt = new Date(startsAt.getTime() + mission.meetingMinutes * 60_000);
    if (startsAt < mission.startsAt || endsAt > mission.endsAt) throw new MissionRuleError("outsideEvent", "startsLocal");
    const candidate = (await scoredCandidates(tx, mission.id)).find((c) => c.positionId === input.positionId && c.talentId === input.talentUserId);
    if (!candidate) throw new MissionRuleError("notMutual", "pair");
    const planned = { organisationId: candidate.organisationId, talentId: candidate.talentId, startsAt: startsAt.getTime(), endsAt: endsAt.getTime() };
    if (overlapsAny(planned, await busyOf(tx, mission.id))) throw new MissionRuleError("overlap", "startsLocal");
    const [meeting] = await tx
      .insert(t.meetings)
      .values({ eventId: mission.id, hostOrganisationId: candidate.organisationId, guestUserId: candidate.talentId, positionId: candidate.positionId, startsAt, endsAt, status: "confirmed" })
      .returning();
    await inviteToMeeting(tx, mission, meeting!, publicUrl, now);
    await recordAudit(tx, { actorUserId: viewer.id, action: "mission.meeting.add", entity: "meeting", entityId: meeting!.id, ip });
    return meeting!;
  });
}

/** Attendance and the follow-up note, by the office or the hosting company's people. */
export async function recordMeetingOutcome(db: Database, viewer: Viewer, missionId: string, input: { meetingId: string; status: "held" | "no_show" | "cancelled" | "confirmed"; followUp?: string }, ip: string) {
  return db.transaction(async (tx) => {
    const [meeting] = await tx.select().from(t.meetings).where(and(eq(t.meetings.id, input.meetingId), eq(t.meetings.eventId, missionId))).for("update");
    if (!meeting) throw new MissionRuleError("meetingNotFound", "meetingId");
    if (!isMissionOffice(viewer) && !companiesOf(viewer).some((c) => c.organisationId === meeting.hostOrganisationId)) throw new MissionRuleError("meetingNotFound", "meetingId");
    await tx.update(t.meetings).set({ status: input.status, followUp: input.followUp ?? null, updatedAt: new Date() }).where(eq(t.meetings.id, meeting.id));
    if (meeting.guestUserId && (input.status === "held" || input.status === "no_show")) {
      await tx
        .update(t.eventRegistrations)
        .set({ attended: input.status === "held" })
        .where(and(eq(t.eventRegistrations.eventId, missionId), eq(t.eventRegistrations.role, "talent"), eq(t.eventRegistrations.userId, meeting.guestUserId)));
    }
    await recordAudit(tx, { actorUserId: viewer.id, action: "mission.meeting.outcome", entity: "meeting", entityId: meeting.id, detail: { status: input.status }, ip });
  });
}

const meetingColumns = {
  id: t.meetings.id, startsAt: t.meetings.startsAt, endsAt: t.meetings.endsAt, status: t.meetings.status, followUp: t.meetings.followUp,
  hostOrganisationId: t.meetings.hostOrganisationId, guestUserId: t.meetings.guestUserId, positionId: t.meetings.positionId,
  positionTitle: t.positions.title, organisationZh: t.organisations.nameZh, organisationEn: t.organisations.nameEn, talentName: t.users.displayName,
};

/** The meetings a viewer may see: all for the office, their company's or their own for others. */
export async function meetingsFor(db: Database, viewer: Viewer, missionId: string) {
  const companies = companiesOf(viewer).map((c) => c.organisationId);
  const whose = isMissionOffice(viewer)
    ? undefined
    : or(eq(t.meetings.guestUserId, viewer.id), companies.length ? inArray(t.meetings.hostOrganisationId, companies) : undefined);
  return db
    .select(meetingColumns)
    .from(t.meetings)
    .innerJoin(t.organisations, eq(t.organisations.id, t.meetings.hostOrganisationId))
    .leftJoin(t.positions, eq(t.positions.id, t.meetings.positionId))
    .leftJoin(t.users, eq(t.users.id, t.meetings.guestUserId))
    .where(and(eq(t.meetings.eventId, missionId), ne(t.meetings.status, "cancelled"), whose))
    .orderBy(asc(t.meetings.startsAt), asc(t.organisations.nameEn), asc(t.meetings.id));
}

/** One meeting's calendar file, for the office, the host company's people or the guest. */
export async function meetingCalendar(db: Database, viewer: Viewer, missionId: string, meetingId: string, publicUrl: string, locale: Locale) {
  const mission = await getMission(db, missionId);
  const meeting = (await meetingsFor(db, viewer, mission.id)).find((m) => m.id === meetingId);
  if (!meeting) throw new MissionRuleError("meetingNotFound");
  return icsOf(mission, meeting, publicUrl, locale, meeting.startsAt);
}

type MeetingView = Awaited<ReturnType<typeof meetingsFor>>[number];

function icsOf(mission: Mission, meeting: MeetingView, publicUrl: string, locale: Locale, stamp: Date) {
  const en = locale === "en";
  const company = en ? meeting.organisationEn : meeting.organisationZh;
  return toIcs([{
    uid: `meeting-${meeting.id}@${new URL(publicUrl).hostname}`,
    startsAt: meeting.startsAt, endsAt: meeting.endsAt, stamp,
    summary: en ? `${company} × ${meeting.talentName ?? ""}: ${meeting.positionTitle ?? ""}` : `${company} × ${meeting.talentName ?? ""}：${meeting.positionTitle ?? ""}`,
    description: en ? mission.titleEn : mission.titleZh,
    location: mission.online ? (mission.venue ?? "Online") : [mission.venue, mission.city, mission.country].filter(Boolean).join(", "),
    url: `${publicUrl}/missions/${mission.id}`,
  }]);
}

async function inviteToMeeting(tx: Tx, mission: Mission, row: Meeting, publicUrl: string, now: Date) {
  const [meeting] = await tx
    .select(meetingColumns)
    .from(t.meetings)
    .innerJoin(t.organisations, eq(t.organisations.id, t.meetings.hostOrganisationId))
    .leftJoin(t.positions, eq(t.positions.id, t.meetings.positionId))
    .leftJoin(t.users, eq(t.users.id, t.meetings.guestUserId))
    .where(eq(t.meetings.id, row.id));
  const people = await tx
    .select({ email: t.users.email, name: t.users.displayName, locale: t.users.locale })
    .from(t.users)
    .where(or(eq(t.users.id, row.guestUserId ?? ""), inArray(t.users.id, tx.select({ id: t.memberships.userId }).from(t.memberships).where(eq(t.memberships.organisationId, row.hostOrganisationId)))));
  for (const person of people) {
    const locale: Locale = person.locale === "en" ? "en" : "zh-TW";
    const { id } = await enqueueEmail(tx, {
      to: person.email, locale, template: "mission-meeting",
      data: {
        name: person.name, mission: locale === "en" ? mission.titleEn : mission.titleZh, position: meeting!.positionTitle ?? "",
        organisation: locale === "en" ? meeting!.organisationEn : meeting!.organisationZh, talent: meeting!.talentName ?? "",
        when: formatInZone(row.startsAt, mission.timeZone, locale), url: `${publicUrl}/missions/${mission.id}`,
      },
    });
    await tx.insert(t.emailAttachments).values({ outboxId: id, filename: "meeting.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: icsOf(mission, meeting!, publicUrl, locale, now) });
  }
}

/** Ranking scores of positions × talents (for a company choosing whom to meet), keyed "position|talent". */
export async function scoresFor(db: Database, positionIds: readonly string[], talentIds: readonly string[]): Promise<Record<string, number>> {
  if (positionIds.length === 0 || talentIds.length === 0) return {};
  const requirements = await Promise.all(positionIds.map((id) => requirementOfPosition(db, id)));
  const talents = await candidatesOfTalents(db, { ids: [...talentIds] });
  const scores: Record<string, number> = {};
  requirements.forEach((requirement, i) => {
    if (!requirement) return;
    for (const { candidate } of talents) scores[`${positionIds[i]}|${candidate.id}`] = scoreMatch(requirement, candidate).total;
  });
  return scores;
}
