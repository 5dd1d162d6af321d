// Demo days (events of kind demo_day): the office creates one and registers selected teams, marking who
// was there; recruiters of approved companies register interest in teams and then book a meeting slot
// with a team they are interested in. Slots follow the event's meeting length from its start; the
// meetings table's unique slots keep a company and a team from being booked twice at one time.
import { and, asc, desc, eq, gt, inArray, ne, notExists } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Viewer } from "../auth/session.server";
import { formatDateTime } from "../i18n/format";
import { pick } from "../i18n/resources";
import { enqueueEmail } from "../mail/outbox.server";
import { listMembers, mayPublish } from "../organisations/organisations.server";
import { pgErrorIs, SparkRuleError } from "./rules";
import { isOffice, requireOffice, workingTeamShared, type Tx } from "./teams.server";

export interface DemoDayInput {
  titleZh: string;
  titleEn: string;
  /** Taipei local date and times (the portal's time zone, UTC+8 all year). */
  date: string;
  startTime: string;
  endTime: string;
  venue: string;
  meetingMinutes: number;
}

const taipei = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

export async function createDemoDay(db: Database, viewer: Viewer, input: DemoDayInput, ip: string) {
  requireOffice(viewer);
  const startsAt = taipei(input.date, input.startTime);
  const endsAt = taipei(input.date, input.endTime);
  if (!(endsAt > startsAt)) throw new SparkRuleError("periodInvalid");
  return db.transaction(async (tx) => {
    const [event] = await tx
      .insert(t.events)
      .values({ kind: "demo_day", titleZh: input.titleZh, titleEn: input.titleEn, startsAt, endsAt, timeZone: "Asia/Taipei", venue: input.venue, meetingMinutes: input.meetingMinutes })
      .returning();
    await recordAudit(tx, { actorUserId: viewer.id, action: "demo-day-created", entity: "event", entityId: event!.id, ip });
    return event!;
  });
}

export async function listDemoDays(db: Database) {
  return db.select().from(t.events).where(eq(t.events.kind, "demo_day")).orderBy(desc(t.events.startsAt)).limit(100);
}

async function demoDay(db: Pick<Database, "select">, eventId: string) {
  const [event] = await db.select().from(t.events).where(and(eq(t.events.id, eventId), eq(t.events.kind, "demo_day")));
  if (!event) throw new SparkRuleError("notDemoDay");
  return event;
}

export async function registerTeam(db: Database, viewer: Viewer, eventId: string, teamId: string, ip: string): Promise<void> {
  requireOffice(viewer);
  await demoDay(db, eventId);
  await db.transaction(async (tx) => {
    const team = await workingTeamShared(tx, teamId);
    if (team.status !== "selected") throw new SparkRuleError("notSelected");
    await tx.insert(t.eventRegistrations).values({ eventId, role: "team", sparkTeamId: teamId }).onConflictDoNothing();
    await recordAudit(tx, { actorUserId: viewer.id, action: "demo-day-team-registered", entity: "event", entityId: eventId, detail: { teamId }, ip });
  });
}

/** How many teams the office's "register a team" list offers at most (the newest intakes first). */
const REGISTRABLE_TEAMS_SHOWN = 500;

/** Selected teams not yet registered for this demo day, newest intake first, then by project title. */
export async function teamsToRegister(db: Database, eventId: string) {
  const registered = db
    .select({ one: t.eventRegistrations.sparkTeamId })
    .from(t.eventRegistrations)
    .where(and(eq(t.eventRegistrations.eventId, eventId), eq(t.eventRegistrations.sparkTeamId, t.sparkTeams.id)));
  return db
    .select({ id: t.sparkTeams.id, projectTitle: t.sparkTeams.projectTitle, year: t.sparkTeams.year })
    .from(t.sparkTeams)
    .where(and(eq(t.sparkTeams.status, "selected"), notExists(registered)))
    .orderBy(desc(t.sparkTeams.year), asc(t.sparkTeams.projectTitle), asc(t.sparkTeams.id))
    .limit(REGISTRABLE_TEAMS_SHOWN);
}

export async function markPresent(db: Database, viewer: Viewer, eventId: string, teamId: string, present: boolean, ip: string): Promise<void> {
  requireOffice(viewer);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(t.eventRegistrations)
      .set({ attended: present })
      .where(and(eq(t.eventRegistrations.eventId, eventId), eq(t.eventRegistrations.role, "team"), eq(t.eventRegistrations.sparkTeamId, teamId)))
      .returning({ id: t.eventRegistrations.id });
    if (updated.length === 0) throw new SparkRuleError("teamNotRegistered");
    await recordAudit(tx, { actorUserId: viewer.id, action: "demo-day-attendance-recorded", entity: "event", entityId: eventId, detail: { teamId, present }, ip });
  });
}

/** The approved company through which the viewer acts (the one given, else their first approved one). */
export function companyOf(viewer: Viewer, organisationId?: string) {
  const companies = viewer.memberships.filter((m) => m.kind === "company");
  const chosen = organisationId ? companies.find((m) => m.organisationId === organisationId) : companies.find((m) => mayPublish(m)) ?? companies[0];
  if (!chosen) throw new SparkRuleError("forbidden");
  if (!mayPublish(chosen)) throw new SparkRuleError("companyNotApproved");
  return chosen;
}

export async function registerInterest(db: Database, viewer: Viewer, eventId: string, teamId: string, ip: string): Promise<void> {
  const company = companyOf(viewer);
  await demoDay(db, eventId);
  const [registered] = await db.select({ id: t.eventRegistrations.id }).from(t.eventRegistrations).where(and(eq(t.eventRegistrations.eventId, eventId), eq(t.eventRegistrations.role, "team"), eq(t.eventRegistrations.sparkTeamId, teamId)));
  if (!registered) throw new SparkRuleError("teamNotRegistered");
  await db.transaction(async (tx) => {
    await workingTeamShared(tx, teamId);
    await tx.insert(t.eventRegistrations).values({ eventId, role: "company", organisationId: company.organisationId }).onConflictDoNothing();
    await tx.insert(t.sparkTeamInterests).values({ eventId, teamId, organisationId: company.organisationId, registeredBy: viewer.id }).onConflictDoNothing();
    await recordAudit(tx, { actorUserId: viewer.id, action: "demo-day-interest", entity: "event", entityId: eventId, detail: { teamId, organisationId: company.organisationId }, ip });
  });
}

/** The event's meeting slots, from its start, each `meetingMinutes` long, that end by its end. */
export function slotsOf(event: { startsAt: Date; endsAt: Date; meetingMinutes: number }): Date[] {
  const slots: Date[] = [];
  const step = event.meetingMinutes * 60_000;
  for (let at = event.startsAt.getTime(); at + step <= event.endsAt.getTime() && slots.length < 200; at += step) slots.push(new Date(at));
  return slots;
}

export async function scheduleMeeting(db: Database, viewer: Viewer, eventId: string, teamId: string, startsAtIso: string, ip: string) {
  const company = companyOf(viewer);
  const event = await demoDay(db, eventId);
  const startsAt = new Date(startsAtIso);
  if (!slotsOf(event).some((s) => s.getTime() === startsAt.getTime())) throw new SparkRuleError("slotOutside");
  const [interest] = await db.select({ id: t.sparkTeamInterests.id }).from(t.sparkTeamInterests).where(and(eq(t.sparkTeamInterests.eventId, eventId), eq(t.sparkTeamInterests.teamId, teamId), eq(t.sparkTeamInterests.organisationId, company.organisationId)));
  if (!interest) throw new SparkRuleError("noInterest");
  try {
    return await db.transaction(async (tx) => {
      await workingTeamShared(tx, teamId);
      const [meeting] = await tx
        .insert(t.meetings)
        .values({ eventId, startsAt, endsAt: new Date(startsAt.getTime() + event.meetingMinutes * 60_000), hostOrganisationId: company.organisationId, guestSparkTeamId: teamId, status: "confirmed" })
        .returning();
      await recordAudit(tx, { actorUserId: viewer.id, action: "demo-day-meeting", entity: "event", entityId: eventId, detail: { meetingId: meeting!.id, teamId }, ip });
      return meeting!;
    });
  } catch (error) {
    if (pgErrorIs(error, "23505", "meetings_host_slot") || pgErrorIs(error, "23505", "meetings_team_slot")) throw new SparkRuleError("slotTaken");
    throw error;
  }
}

/**
 * A demo day as the viewer may see it: the office everything, a company its interests and meetings.
 * Withdrawn teams leave the list of teams (nobody meets them any more); the office sees them apart, with the reason.
 */
export async function demoDayView(db: Database, viewer: Viewer, eventId: string) {
  const event = await demoDay(db, eventId);
  const office = isOffice(viewer);
  let companyId: string | null = null;
  if (!office) companyId = companyOf(viewer).organisationId;
  const registered = await db
    .select({ id: t.sparkTeams.id, projectTitle: t.sparkTeams.projectTitle, clinicalNeed: t.sparkTeams.clinicalNeed, technology: t.sparkTeams.technology, stage: t.sparkTeams.stage, status: t.sparkTeams.status, withdrawalReason: t.sparkTeams.withdrawalReason, attended: t.eventRegistrations.attended })
    .from(t.eventRegistrations)
    .innerJoin(t.sparkTeams, eq(t.sparkTeams.id, t.eventRegistrations.sparkTeamId))
    .where(and(eq(t.eventRegistrations.eventId, eventId), eq(t.eventRegistrations.role, "team")))
    .orderBy(asc(t.sparkTeams.projectTitle))
    .limit(200);
  const teams = registered.filter((x) => x.status !== "withdrawn").map(({ status: _status, withdrawalReason: _reason, ...team }) => team);
  const withdrawn = office ? registered.filter((x) => x.status === "withdrawn").map((x) => ({ id: x.id, projectTitle: x.projectTitle, reason: x.withdrawalReason })) : [];
  const interests = await db
    .select({ teamId: t.sparkTeamInterests.teamId, organisationId: t.sparkTeamInterests.organisationId, companyZh: t.organisations.nameZh, companyEn: t.organisations.nameEn })
    .from(t.sparkTeamInterests)
    .innerJoin(t.organisations, eq(t.organisations.id, t.sparkTeamInterests.organisationId))
    .where(and(eq(t.sparkTeamInterests.eventId, eventId), companyId ? eq(t.sparkTeamInterests.organisationId, companyId) : undefined))
    .limit(1000);
  const meetings = await db
    .select({ id: t.meetings.id, startsAt: t.meetings.startsAt, endsAt: t.meetings.endsAt, teamId: t.meetings.guestSparkTeamId, companyZh: t.organisations.nameZh, companyEn: t.organisations.nameEn, status: t.meetings.status })
    .from(t.meetings)
    .innerJoin(t.organisations, eq(t.organisations.id, t.meetings.hostOrganisationId))
    .where(and(eq(t.meetings.eventId, eventId), ne(t.meetings.status, "cancelled"), companyId ? eq(t.meetings.hostOrganisationId, companyId) : undefined))
    .orderBy(asc(t.meetings.startsAt))
    .limit(1000);
  return { event, office, teams, withdrawn, interests, meetings: meetings.filter((m) => m.teamId !== null), slots: slotsOf(event) };
}

/** A team's meetings at demo days, for the team's page. */
export async function teamMeetings(db: Database, teamId: string) {
  return db
    .select({ id: t.meetings.id, startsAt: t.meetings.startsAt, eventZh: t.events.titleZh, eventEn: t.events.titleEn, companyZh: t.organisations.nameZh, companyEn: t.organisations.nameEn })
    .from(t.meetings)
    .innerJoin(t.events, eq(t.events.id, t.meetings.eventId))
    .innerJoin(t.organisations, eq(t.organisations.id, t.meetings.hostOrganisationId))
    .where(and(eq(t.meetings.guestSparkTeamId, teamId), ne(t.meetings.status, "cancelled")))
    .orderBy(asc(t.meetings.startsAt))
    .limit(200);
}

/**
 * A withdrawn team's demo-day meetings still to come are called off, inside the withdrawal's
 * transaction: each host company's slot is free again (a cancelled meeting holds none), and the
 * company's people are told in their language. Meetings already held or missed stay as they were.
 */
export async function cancelUpcomingMeetings(tx: Tx, team: { id: string; projectTitle: string }, links: { publicUrl: string }, now: Date): Promise<number> {
  const cancelled = await tx
    .update(t.meetings)
    .set({ status: "cancelled", updatedAt: now })
    .where(and(eq(t.meetings.guestSparkTeamId, team.id), inArray(t.meetings.status, ["proposed", "confirmed"]), gt(t.meetings.startsAt, now)))
    .returning({ eventId: t.meetings.eventId, hostOrganisationId: t.meetings.hostOrganisationId, startsAt: t.meetings.startsAt });
  for (const meeting of cancelled) {
    const [event] = await tx.select({ titleZh: t.events.titleZh, titleEn: t.events.titleEn }).from(t.events).where(eq(t.events.id, meeting.eventId));
    for (const to of await listMembers(tx, meeting.hostOrganisationId)) {
      const locale = to.locale === "en" ? "en" : "zh-TW";
      await enqueueEmail(tx, {
        to: to.email,
        locale,
        template: "demo-day-meeting-cancelled",
        data: { name: to.displayName, event: pick(locale, event!.titleZh, event!.titleEn), project: team.projectTitle, when: formatDateTime(meeting.startsAt, locale), url: `${links.publicUrl}/spark/demo-days/${meeting.eventId}` },
      });
    }
  }
  return cancelled.length;
}
