// Missions against Postgres: registration rules, interest on both sides, the scheduler's plan written
// without double-booking (also when the office runs it twice at once), refusals with their fields,
// invitations with the calendar file attached, attendance and follow-ups.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { markInterest, MissionRuleError, registerPosition, registerTalent, createMission } from "../../app/missions/missions.server";
import { addMeeting, meetingCalendar, meetingsFor, recordMeetingOutcome, scheduleMission } from "../../app/missions/meetings.server";
import { overlapsAny } from "../../app/missions/scheduler";
import { instantToZoned } from "../../app/missions/time-zones";
import { useDatabase } from "../auth/support";
import { companyWithPositions, IP, mission, missionInput, officer, talent } from "./world";

const db = useDatabase();
const URL_ = "http://portal.test";

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(MissionRuleError);
  return error as MissionRuleError;
}

describe("creating missions", () => {
  it("stores the times typed in the venue's zone as instants", async () => {
    const office = await officer(db());
    const input = missionInput();
    const created = await createMission(db(), office, input, IP);
    expect(instantToZoned(created.startsAt, "Europe/Berlin")).toBe(input.startsLocal);
    expect(created.timeZone).toBe("Europe/Berlin");
  });

  it("refuses a start in the past, an end before the start, an unknown zone and a window shorter than one meeting, each on its field", async () => {
    const office = await officer(db());
    expect(await refusal(createMission(db(), office, missionInput({}, -3), IP))).toMatchObject({ code: "startInPast", field: "startsLocal" });
    const input = missionInput();
    expect(await refusal(createMission(db(), office, { ...input, endsLocal: input.startsLocal }, IP))).toMatchObject({ code: "endBeforeStart", field: "endsLocal" });
    expect(await refusal(createMission(db(), office, { ...input, timeZone: "Mars/Olympus" }, IP))).toMatchObject({ code: "unknownTimeZone", field: "timeZone" });
    expect(await refusal(createMission(db(), office, { ...missionInput({}, 48, 1), meetingMinutes: 90 }, IP))).toMatchObject({ code: "tooShort", field: "meetingMinutes" });
  });
});

describe("registration and interest", () => {
  it("takes only an approved company's published positions, and only registered entries can be marked", async () => {
    const office = await officer(db());
    const m = await mission(db(), office);
    const draft = await companyWithPositions(db(), 1, "draft");
    expect((await refusal(registerPosition(db(), draft.viewer, m.id, draft.positions[0]!.id))).code).toBe("companyNotApproved");
    const co = await companyWithPositions(db());
    const other = await companyWithPositions(db());
    expect((await refusal(registerPosition(db(), other.viewer, m.id, co.positions[0]!.id))).code).toBe("notCompanyMember");
    await registerPosition(db(), co.viewer, m.id, co.positions[0]!.id);
    await registerPosition(db(), co.viewer, m.id, co.positions[0]!.id);
    const x = await talent(db());
    expect((await refusal(markInterest(db(), x.viewer, m.id, "talent", { positionId: co.positions[0]!.id, talentUserId: x.user.id }, true))).code).toBe("notRegistered");
    expect((await refusal(markInterest(db(), co.viewer, m.id, "company", { positionId: co.positions[0]!.id, talentUserId: x.user.id }, true))).code).toBe("talentNotRegistered");
    expect((await refusal(registerTalent(db(), co.viewer, m.id))).code).toBe("notTalent");
    await registerTalent(db(), x.viewer, m.id);
    await markInterest(db(), x.viewer, m.id, "talent", { positionId: co.positions[0]!.id, talentUserId: x.user.id }, true);
    expect((await refusal(markInterest(db(), other.viewer, m.id, "company", { positionId: co.positions[0]!.id, talentUserId: x.user.id }, true))).code).toBe("notCompanyMember");
    const y = await talent(db());
    expect((await refusal(markInterest(db(), y.viewer, m.id, "talent", { positionId: co.positions[0]!.id, talentUserId: x.user.id }, true))).code).toBe("notTalent");
    const registrations = await db().select().from(t.eventRegistrations).where(eq(t.eventRegistrations.eventId, m.id));
    expect(registrations).toHaveLength(2);
  });

  it("refuses registration once the mission is over", async () => {
    const office = await officer(db());
    const m = await mission(db(), office, {}, 1, 1);
    const x = await talent(db());
    expect((await refusal(registerTalent(db(), x.viewer, m.id, new Date(Date.now() + 5 * 3_600_000)))).code).toBe("over");
  });
});

async function mutual(m: { id: string }, co: Awaited<ReturnType<typeof companyWithPositions>>, positionIndex: number, who: Awaited<ReturnType<typeof talent>>) {
  const target = { positionId: co.positions[positionIndex]!.id, talentUserId: who.user.id };
  await markInterest(db(), who.viewer, m.id, "talent", target, true);
  await markInterest(db(), co.viewer, m.id, "company", target, true);
}

describe("scheduling", () => {
  it("proposes meetings only for mutual interest, never double-books, and mails everyone a calendar file", async () => {
    const office = await officer(db());
    const m = await mission(db(), office, {}, 48, 1);
    const a = await companyWithPositions(db(), 2);
    const b = await companyWithPositions(db(), 1);
    const [x, y, z] = [await talent(db()), await talent(db()), await talent(db())];
    for (const p of [...a.positions, ...b.positions]) await registerPosition(db(), p.organisationId === a.organisation.id ? a.viewer : b.viewer, m.id, p.id);
    for (const who of [x, y, z]) await registerTalent(db(), who.viewer, m.id);
    await mutual(m, a, 0, x);
    await mutual(m, a, 1, x); // the same company twice: one meeting
    await mutual(m, b, 0, x);
    await mutual(m, a, 0, y);
    // z only one-sided
    await markInterest(db(), z.viewer, m.id, "talent", { positionId: b.positions[0]!.id, talentUserId: z.user.id }, true);

    const result = await scheduleMission(db(), office, m.id, URL_, IP);
    expect(result).toEqual({ added: 3, noSlot: 0 });
    const rows = await db().select().from(t.meetings).where(eq(t.meetings.eventId, m.id));
    expect(rows).toHaveLength(3);
    expect(rows.some((r) => r.guestUserId === z.user.id)).toBe(false);
    const busy = rows.map((r) => ({ organisationId: r.hostOrganisationId, talentId: r.guestUserId!, startsAt: r.startsAt.getTime(), endsAt: r.endsAt.getTime() }));
    busy.forEach((meeting, i) => expect(overlapsAny(meeting, busy.filter((_, j) => j !== i))).toBe(false));
    for (const r of rows) {
      expect(r.startsAt >= m.startsAt && r.endsAt <= m.endsAt).toBe(true);
      expect(r.endsAt.getTime() - r.startsAt.getTime()).toBe(20 * 60_000);
    }

    const mail = await db().select().from(t.emailOutbox).where(eq(t.emailOutbox.toAddress, x.user.email));
    expect(mail).toHaveLength(2);
    const [attachment] = await db().select().from(t.emailAttachments).where(eq(t.emailAttachments.outboxId, mail[0]!.id));
    expect(attachment!.filename).toBe("meeting.ics");
    expect(attachment!.content).toContain("BEGIN:VEVENT\r\n");
    expect(attachment!.content).toMatch(/DTSTART:\d{8}T\d{6}Z\r\n/);

    // Running it again adds nothing; the talent sees their two meetings, company b only its own.
    expect(await scheduleMission(db(), office, m.id, URL_, IP)).toEqual({ added: 0, noSlot: 0 });
    expect(await meetingsFor(db(), x.viewer, m.id)).toHaveLength(2);
    expect((await meetingsFor(db(), b.viewer, m.id)).map((r) => r.guestUserId)).toEqual([x.user.id]);
    expect(await meetingsFor(db(), z.viewer, m.id)).toHaveLength(0);
    const mine = (await meetingsFor(db(), b.viewer, m.id))[0]!;
    expect((await refusal(meetingCalendar(db(), y.viewer, m.id, mine.id, URL_, "en"))).code).toBe("meetingNotFound");
    expect(await meetingCalendar(db(), x.viewer, m.id, mine.id, URL_, "en")).toContain(`UID:meeting-${mine.id}@portal.test`);
  });

  it("two runs at once write one plan", async () => {
    const office = await officer(db());
    const m = await mission(db(), office, {}, 48, 1);
    const a = await companyWithPositions(db(), 1);
    const who = await Promise.all([talent(db()), talent(db()), talent(db())]);
    await registerPosition(db(), a.viewer, m.id, a.positions[0]!.id);
    for (const w of who) {
      await registerTalent(db(), w.viewer, m.id);
      await mutual(m, a, 0, w);
    }
    const runs = await Promise.all([scheduleMission(db(), office, m.id, URL_, IP), scheduleMission(db(), office, m.id, URL_, IP)]);
    expect(runs.map((r) => r.added).sort()).toEqual([0, 3]);
    expect(await db().select().from(t.meetings).where(eq(t.meetings.eventId, m.id))).toHaveLength(3);
  });

  it("refuses a meeting added by hand that overlaps, lies in the past or outside the event, or lacks mutual interest", async () => {
    const office = await officer(db());
    const m = await mission(db(), office, {}, 48, 2);
    const a = await companyWithPositions(db(), 1);
    const b = await companyWithPositions(db(), 1);
    const x = await talent(db());
    const y = await talent(db());
    await registerPosition(db(), a.viewer, m.id, a.positions[0]!.id);
    await registerPosition(db(), b.viewer, m.id, b.positions[0]!.id);
    await registerTalent(db(), x.viewer, m.id);
    await registerTalent(db(), y.viewer, m.id);
    await mutual(m, a, 0, x);
    await mutual(m, b, 0, x);
    const at = (minutes: number) => instantToZoned(m.startsAt.getTime() + minutes * 60_000, m.timeZone);
    await addMeeting(db(), office, m.id, { positionId: a.positions[0]!.id, talentUserId: x.user.id, startsLocal: at(30) }, URL_, IP);
    expect(await refusal(addMeeting(db(), office, m.id, { positionId: b.positions[0]!.id, talentUserId: x.user.id, startsLocal: at(40) }, URL_, IP))).toMatchObject({ code: "overlap", field: "startsLocal" });
    expect((await refusal(addMeeting(db(), office, m.id, { positionId: b.positions[0]!.id, talentUserId: x.user.id, startsLocal: at(-30) }, URL_, IP))).code).toBe("outsideEvent");
    expect((await refusal(addMeeting(db(), office, m.id, { positionId: b.positions[0]!.id, talentUserId: x.user.id, startsLocal: at(110) }, URL_, IP))).code).toBe("outsideEvent");
    expect((await refusal(addMeeting(db(), office, m.id, { positionId: b.positions[0]!.id, talentUserId: x.user.id, startsLocal: instantToZoned(Date.now() - 3_600_000, m.timeZone) }, URL_, IP))).code).toBe("startInPast");
    expect((await refusal(addMeeting(db(), office, m.id, { positionId: b.positions[0]!.id, talentUserId: y.user.id, startsLocal: at(60) }, URL_, IP))).code).toBe("notMutual");
    await addMeeting(db(), office, m.id, { positionId: b.positions[0]!.id, talentUserId: x.user.id, startsLocal: at(50) }, URL_, IP);
  });

  it("frees a cancelled meeting's time: the office books the same company and talent again at that time, and scheduling fills it", async () => {
    const office = await officer(db());
    const m = await mission(db(), office, {}, 48, 1);
    const a = await companyWithPositions(db(), 1);
    const x = await talent(db());
    await registerPosition(db(), a.viewer, m.id, a.positions[0]!.id);
    await registerTalent(db(), x.viewer, m.id);
    await mutual(m, a, 0, x);
    const at = (minutes: number) => instantToZoned(m.startsAt.getTime() + minutes * 60_000, m.timeZone);
    const first = await addMeeting(db(), office, m.id, { positionId: a.positions[0]!.id, talentUserId: x.user.id, startsLocal: at(30) }, URL_, IP);
    await recordMeetingOutcome(db(), office, m.id, { meetingId: first.id, status: "cancelled" }, IP);
    const again = await addMeeting(db(), office, m.id, { positionId: a.positions[0]!.id, talentUserId: x.user.id, startsLocal: at(30) }, URL_, IP);
    expect(again.startsAt).toEqual(first.startsAt);
    // Two live meetings in one slot are still refused, by the rule and by the database.
    expect((await refusal(addMeeting(db(), office, m.id, { positionId: a.positions[0]!.id, talentUserId: x.user.id, startsLocal: at(30) }, URL_, IP))).code).toBe("overlap");
    await expect(db().insert(t.meetings).values({ eventId: m.id, hostOrganisationId: a.organisation.id, guestUserId: x.user.id, startsAt: again.startsAt, endsAt: again.endsAt, status: "proposed" })).rejects.toThrow();
    // The scheduler places a meeting at the start once the earlier one there is cancelled.
    await recordMeetingOutcome(db(), office, m.id, { meetingId: again.id, status: "cancelled" }, IP);
    expect((await scheduleMission(db(), office, m.id, URL_, IP)).added).toBe(1);
    expect((await meetingsFor(db(), office, m.id)).map((meeting) => meeting.status)).toEqual(["confirmed"]);
  });

  it("records attendance and follow-ups by the host company or the office, not by others", async () => {
    const office = await officer(db());
    const m = await mission(db(), office, {}, 48, 1);
    const a = await companyWithPositions(db(), 1);
    const other = await companyWithPositions(db(), 1);
    const x = await talent(db());
    await registerPosition(db(), a.viewer, m.id, a.positions[0]!.id);
    await registerTalent(db(), x.viewer, m.id);
    await mutual(m, a, 0, x);
    await scheduleMission(db(), office, m.id, URL_, IP);
    const [meeting] = await meetingsFor(db(), a.viewer, m.id);
    expect((await refusal(recordMeetingOutcome(db(), other.viewer, m.id, { meetingId: meeting!.id, status: "held" }, IP))).code).toBe("meetingNotFound");
    expect((await refusal(recordMeetingOutcome(db(), x.viewer, m.id, { meetingId: meeting!.id, status: "held" }, IP))).code).toBe("meetingNotFound");
    await recordMeetingOutcome(db(), a.viewer, m.id, { meetingId: meeting!.id, status: "held", followUp: "Second interview on 3 April" }, IP);
    const [row] = await db().select().from(t.meetings).where(eq(t.meetings.id, meeting!.id));
    expect(row).toMatchObject({ status: "held", followUp: "Second interview on 3 April" });
    const [registration] = await db().select().from(t.eventRegistrations).where(and(eq(t.eventRegistrations.eventId, m.id), eq(t.eventRegistrations.userId, x.user.id)));
    expect(registration!.attended).toBe(true);
  });
});
