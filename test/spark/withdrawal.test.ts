// Withdrawing a SPARK team on the real database: who may withdraw from which status (each refusal), what
// it does (invitations revoked, the intake's count, milestones, mentor meetings, the fund, demo days, mail
// to every member in their language, the audit), and withdrawals racing selections and each other.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { createDemoDay, demoDayView, registerInterest, registerTeam, scheduleMeeting } from "../../app/spark/demo-days.server";
import { addMilestone, logMeeting, mentorTeams, updateMilestone } from "../../app/spark/milestones.server";
import { assignMentor, decideTeam, recordSpend, setBudget } from "../../app/spark/office.server";
import { inviteMember, listIntakes, membersOf, respondToInvitation } from "../../app/spark/teams.server";
import { pgErrorIs } from "../../app/spark/rules";
import { withdrawTeamAsLead, withdrawTeamForOffice } from "../../app/spark/withdrawal.server";
import { mailTo, useDatabase } from "../auth/support";
import { appliedTeam, approvedCompany, formingTeam, IP, links, person, refusal, sparkWorld, teamRow } from "./world";

const db = useDatabase();
const REASON = "The physician left the hospital";

async function auditOf(teamId: string) {
  return db().select().from(t.auditLog).where(and(eq(t.auditLog.entityId, teamId), eq(t.auditLog.action, "spark-team-withdrawn")));
}

async function selectedCount(programmeId: string) {
  const rows = await listIntakes(db());
  return rows.find((r) => r.intake.programmeId === programmeId)!.selected;
}

describe("who may withdraw a team, and from which status", () => {
  it("the lead withdraws a forming team: open invitations are revoked, the reason is optional, and it is final", async () => {
    const { office, intake } = await sparkWorld(db());
    const { lead, team, people } = await formingTeam(db(), intake.id, ["physician"]);
    const invitee = await person(db(), "invitee");
    await inviteMember(db(), lead, team.id, { email: invitee.email, role: "engineer" }, links, IP);
    const stranger = await person(db(), "stranger");

    expect(await refusal(withdrawTeamAsLead(db(), stranger, team.id, null, links, IP))).toBe("notFound");
    expect(await refusal(withdrawTeamAsLead(db(), people[0]!, team.id, null, links, IP))).toBe("notLead");
    expect(await refusal(withdrawTeamAsLead(db(), office, team.id, null, links, IP))).toBe("notLead");
    expect(await refusal(withdrawTeamAsLead(db(), lead, team.id, "x".repeat(501), links, IP))).toBe("withdrawalReason");
    expect(await refusal(withdrawTeamForOffice(db(), office, intake.id, team.id, REASON, links, IP))).toBe("notAppliedOrSelected");

    await withdrawTeamAsLead(db(), lead, team.id, "   ", links, IP);
    const row = await teamRow(db(), team.id);
    expect(row).toMatchObject({ status: "withdrawn", withdrawnBy: lead.id, withdrawalReason: null });
    expect(row.withdrawnAt).toBeInstanceOf(Date);
    expect((await membersOf(db(), team.id)).find((m) => m.email === invitee.email)!.state).toBe("revoked");
    expect(await refusal(respondToInvitation(db(), invitee, team.id, true, IP))).toBe("notInvited");
    expect(await refusal(withdrawTeamAsLead(db(), lead, team.id, null, links, IP))).toBe("alreadyWithdrawn");
    expect(await refusal(inviteMember(db(), lead, team.id, { email: "late@example.test", role: "other" }, links, IP))).toBe("notForming");

    const [audit] = await auditOf(team.id);
    expect(audit).toMatchObject({ actorUserId: lead.id, entity: "spark_team", ip: IP });
    expect(JSON.parse(audit!.detail!)).toEqual({ by: "lead", from: "forming", reason: null, invitationsRevoked: 1, meetingsCancelled: 0 });
  });

  it("the office withdraws only an applied or selected team of the intake on its page, with a reason of 5–500 characters", async () => {
    const { office, intake } = await sparkWorld(db());
    const other = await sparkWorld(db());
    const { lead, team } = await appliedTeam(db(), intake.id);
    expect(await refusal(withdrawTeamForOffice(db(), lead, intake.id, team.id, REASON, links, IP))).toBe("forbidden");
    expect(await refusal(withdrawTeamForOffice(db(), office, intake.id, team.id, " abc ", links, IP))).toBe("withdrawalReason");
    expect(await refusal(withdrawTeamForOffice(db(), office, intake.id, team.id, "x".repeat(501), links, IP))).toBe("withdrawalReason");
    expect(await refusal(withdrawTeamForOffice(db(), office, other.intake.id, team.id, REASON, links, IP))).toBe("otherIntake");
    expect(await refusal(withdrawTeamForOffice(db(), office, intake.id, "00000000-0000-4000-8000-000000000000", REASON, links, IP))).toBe("notFound");

    await withdrawTeamForOffice(db(), office, intake.id, team.id, `  ${REASON}  `, links, IP);
    expect(await teamRow(db(), team.id)).toMatchObject({ status: "withdrawn", withdrawnBy: office.id, withdrawalReason: REASON });
    expect(await refusal(withdrawTeamForOffice(db(), office, intake.id, team.id, REASON, links, IP))).toBe("alreadyWithdrawn");
    expect(await refusal(withdrawTeamAsLead(db(), lead, team.id, null, links, IP))).toBe("alreadyWithdrawn");
    expect(await refusal(decideTeam(db(), office, team.id, "selected", links, IP))).toBe("notApplied");
    expect(JSON.parse((await auditOf(team.id))[0]!.detail!)).toMatchObject({ by: "office", from: "applied", reason: REASON });

    const turnedDown = await appliedTeam(db(), intake.id);
    await decideTeam(db(), office, turnedDown.team.id, "not_selected", links, IP);
    expect(await refusal(withdrawTeamAsLead(db(), turnedDown.lead, turnedDown.team.id, null, links, IP))).toBe("notWithdrawable");
    expect(await refusal(withdrawTeamForOffice(db(), office, intake.id, turnedDown.team.id, REASON, links, IP))).toBe("notAppliedOrSelected");
  });

  it("the database refuses a withdrawn team without its time, and a time on a team not withdrawn", async () => {
    const { intake } = await sparkWorld(db());
    const { team } = await formingTeam(db(), intake.id);
    const violation = (update: Promise<unknown>) => update.then(() => "accepted", (error: unknown) => (pgErrorIs(error, "23514", "spark_teams_withdrawn") ? "refused" : error));
    expect(await violation(db().update(t.sparkTeams).set({ status: "withdrawn" }).where(eq(t.sparkTeams.id, team.id)))).toBe("refused");
    expect(await violation(db().update(t.sparkTeams).set({ withdrawnAt: new Date() }).where(eq(t.sparkTeams.id, team.id)))).toBe("refused");
  });
});

describe("what a withdrawal does", () => {
  it("a selected team stops counting against the target, so another can be selected in its place", async () => {
    const { office, intake, programme } = await sparkWorld(db(), { teamTarget: 1 });
    const a = await appliedTeam(db(), intake.id);
    const b = await appliedTeam(db(), intake.id);
    await decideTeam(db(), office, a.team.id, "selected", links, IP);
    expect(await refusal(decideTeam(db(), office, b.team.id, "selected", links, IP))).toBe("targetReached");
    expect(await selectedCount(programme.id)).toBe(1);
    await withdrawTeamAsLead(db(), a.lead, a.team.id, "We found a licensee", links, IP);
    expect(await selectedCount(programme.id)).toBe(0);
    await decideTeam(db(), office, b.team.id, "selected", links, IP);
    expect(await selectedCount(programme.id)).toBe(1);
  });

  it("milestones, the fund, mentors and their meetings are refused once a selected team is withdrawn", async () => {
    const { office, intake } = await sparkWorld(db());
    const { lead, team, people } = await appliedTeam(db(), intake.id);
    const mentor = await person(db(), "mentor", ["mentor"]);
    const second = await person(db(), "second-mentor", ["mentor"]);
    await decideTeam(db(), office, team.id, "selected", links, IP);
    await assignMentor(db(), office, team.id, mentor.id, "active", IP);
    await setBudget(db(), office, team.id, 100_000, IP);
    const milestone = await addMilestone(db(), lead, team.id, { title: "Prototype", deliverable: "A sensor", dueOn: "2027-06-30" }, IP);
    const [assignment] = await mentorTeams(db(), mentor);

    await withdrawTeamForOffice(db(), office, intake.id, team.id, REASON, links, IP);
    expect(await refusal(addMilestone(db(), people[0]!, team.id, { title: "Next", deliverable: "d", dueOn: "2027-07-30" }, IP))).toBe("teamWithdrawn");
    expect(await refusal(updateMilestone(db(), lead, milestone.id, { status: "done" }, IP))).toBe("teamWithdrawn");
    expect(await refusal(updateMilestone(db(), office, milestone.id, { status: "missed" }, IP))).toBe("teamWithdrawn");
    expect(await refusal(recordSpend(db(), lead, team.id, { amountNtd: 1_000, spentOn: "2027-03-01", description: "Assay" }, IP))).toBe("teamWithdrawn");
    expect(await refusal(setBudget(db(), office, team.id, 200_000, IP))).toBe("teamWithdrawn");
    expect(await refusal(assignMentor(db(), office, team.id, second.id, "passive", IP))).toBe("teamWithdrawn");
    expect(await refusal(logMeeting(db(), mentor, assignment!.assignment.id, { metOn: "2027-02-01", minutes: 60, notes: "n" }, IP))).toBe("teamWithdrawn");
    expect(await db().select().from(t.mentorMeetings).where(eq(t.mentorMeetings.assignmentId, assignment!.assignment.id))).toHaveLength(0);
    const [still] = await db().select().from(t.sparkMilestones).where(eq(t.sparkMilestones.id, milestone.id));
    expect(still!.status).toBe("planned");
  });

  it("demo days: interest and meetings are refused, companies no longer see the team, the office sees it apart with the reason", async () => {
    const { office, intake } = await sparkWorld(db());
    const a = await appliedTeam(db(), intake.id);
    const b = await appliedTeam(db(), intake.id);
    for (const x of [a, b]) await decideTeam(db(), office, x.team.id, "selected", links, IP);
    const event = await createDemoDay(db(), office, { titleZh: "發表會", titleEn: "Demo day", date: "2027-11-20", startTime: "13:00", endTime: "14:00", venue: "Taipei", meetingMinutes: 20 }, IP);
    await registerTeam(db(), office, event.id, a.team.id, IP);
    const first = await approvedCompany(db());
    const second = await approvedCompany(db());
    await registerInterest(db(), first.recruiter, event.id, a.team.id, IP);

    await withdrawTeamAsLead(db(), a.lead, a.team.id, REASON, links, IP);
    expect(await refusal(registerInterest(db(), second.recruiter, event.id, a.team.id, IP))).toBe("teamWithdrawn");
    expect(await refusal(scheduleMeeting(db(), first.recruiter, event.id, a.team.id, "2027-11-20T05:00:00.000Z", IP))).toBe("teamWithdrawn");
    expect(await db().select().from(t.sparkTeamInterests).where(eq(t.sparkTeamInterests.teamId, a.team.id))).toHaveLength(1);

    await registerTeam(db(), office, event.id, b.team.id, IP);
    const company = await demoDayView(db(), first.recruiter, event.id);
    expect(company.teams.map((x) => x.id)).toEqual([b.team.id]);
    expect(company.withdrawn).toEqual([]);
    const theOffice = await demoDayView(db(), office, event.id);
    expect(theOffice.teams.map((x) => x.id)).toEqual([b.team.id]);
    expect(theOffice.withdrawn).toEqual([{ id: a.team.id, projectTitle: a.team.projectTitle, reason: REASON }]);

    const c = await appliedTeam(db(), intake.id);
    await decideTeam(db(), office, c.team.id, "selected", links, IP);
    await withdrawTeamForOffice(db(), office, intake.id, c.team.id, REASON, links, IP);
    expect(await refusal(registerTeam(db(), office, event.id, c.team.id, IP))).toBe("teamWithdrawn");
  });

  it("demo days: the team's meetings still to come are cancelled, their companies told, and the slots free for other teams", async () => {
    const { office, intake } = await sparkWorld(db());
    const a = await appliedTeam(db(), intake.id);
    const b = await appliedTeam(db(), intake.id);
    for (const x of [a, b]) await decideTeam(db(), office, x.team.id, "selected", links, IP);
    const event = await createDemoDay(db(), office, { titleZh: "發表會", titleEn: "Demo day", date: "2027-11-20", startTime: "13:00", endTime: "14:00", venue: "Taipei", meetingMinutes: 20 }, IP);
    for (const x of [a, b]) await registerTeam(db(), office, event.id, x.team.id, IP);
    const host = await approvedCompany(db());
    const other = await approvedCompany(db());
    for (const company of [host, other]) await registerInterest(db(), company.recruiter, event.id, a.team.id, IP);
    await registerInterest(db(), host.recruiter, event.id, b.team.id, IP);
    const slot = "2027-11-20T05:00:00.000Z";
    const booked = await scheduleMeeting(db(), host.recruiter, event.id, a.team.id, slot, IP);
    const later = await scheduleMeeting(db(), other.recruiter, event.id, a.team.id, "2027-11-20T05:20:00.000Z", IP);
    // Before the withdrawal the host's slot is taken.
    expect(await refusal(scheduleMeeting(db(), host.recruiter, event.id, b.team.id, slot, IP))).toBe("slotTaken");
    // A meeting already held stays as it was.
    const [held] = await db().insert(t.meetings).values({ eventId: event.id, hostOrganisationId: other.company.id, guestSparkTeamId: a.team.id, startsAt: new Date("2026-01-05T05:00:00.000Z"), endsAt: new Date("2026-01-05T05:20:00.000Z"), status: "held" }).returning();

    await withdrawTeamForOffice(db(), office, intake.id, a.team.id, REASON, links, IP);
    const statuses = Object.fromEntries((await db().select().from(t.meetings).where(eq(t.meetings.guestSparkTeamId, a.team.id))).map((m) => [m.id, m.status]));
    expect(statuses).toEqual({ [booked.id]: "cancelled", [later.id]: "cancelled", [held!.id]: "held" });
    const [audit] = await auditOf(a.team.id);
    expect(JSON.parse(audit!.detail!)).toMatchObject({ by: "office", meetingsCancelled: 2 });

    // The host is told, and its slot takes another team; no view lists the cancelled meetings (the office's keeps the held one).
    const hostEmail = (await db().select({ email: t.users.email }).from(t.users).where(eq(t.users.id, host.recruiter.id)))[0]!.email;
    const told = (await mailTo(db(), hostEmail)).filter((m) => /會談取消|meeting with .* cancelled/.test(m.subject));
    expect(told).toHaveLength(1);
    expect(told[0]!.textBody).toContain(a.team.projectTitle);
    const replacement = await scheduleMeeting(db(), host.recruiter, event.id, b.team.id, slot, IP);
    expect(replacement.startsAt.toISOString()).toBe(slot);
    expect((await demoDayView(db(), host.recruiter, event.id)).meetings.map((m) => m.id)).toEqual([replacement.id]);
    expect((await demoDayView(db(), office, event.id)).meetings.map((m) => m.id)).toEqual([held!.id, replacement.id]);
  });

  it("mails every accepted member in their own language, with who withdrew the team and why", async () => {
    const { office, intake } = await sparkWorld(db());
    const { lead, team, people } = await appliedTeam(db(), intake.id);
    await db().update(t.users).set({ locale: "zh-TW" }).where(eq(t.users.id, people[0]!.id));
    await withdrawTeamForOffice(db(), office, intake.id, team.id, REASON, links, IP);

    const [toLead] = (await mailTo(db(), lead.email)).filter((m) => m.subject.includes("withdrawn"));
    expect(toLead!.subject).toContain(`"${team.projectTitle}" is withdrawn`);
    expect(toLead!.textBody).toContain("The programme office withdrew your team");
    expect(toLead!.textBody).toContain(`Reason: ${REASON}`);
    expect(toLead!.textBody).toContain(`${links.publicUrl}/spark/teams/${team.id}`);
    const [toPhysician] = (await mailTo(db(), people[0]!.email)).filter((m) => m.subject.includes("已撤回"));
    expect(toPhysician!.textBody).toContain("專案辦公室已將您的團隊");
    expect(toPhysician!.textBody).toContain(`撤回原因：${REASON}`);

    const byLead = await formingTeam(db(), intake.id, ["physician"]);
    await withdrawTeamAsLead(db(), byLead.lead, byLead.team.id, null, links, IP);
    const [own] = (await mailTo(db(), byLead.people[0]!.email)).filter((m) => m.subject.includes("withdrawn"));
    expect(own!.textBody).toContain("The team's lead withdrew your team");
    expect(own!.textBody).not.toContain("Reason:");
  });
});

describe("withdrawals racing selections and each other", () => {
  it("a withdrawal and a selection of the same team at once end withdrawn, whichever came first", async () => {
    const { office, intake, programme } = await sparkWorld(db(), { teamTarget: 10 });
    const teams = [];
    for (let i = 0; i < 4; i++) teams.push(await appliedTeam(db(), intake.id));
    const races = await Promise.all(teams.map((x) => Promise.all([
      refusal(decideTeam(db(), office, x.team.id, "selected", links, IP)),
      refusal(withdrawTeamAsLead(db(), x.lead, x.team.id, "Racing", links, IP)),
    ])));
    for (const [i, [selection, withdrawal]] of races.entries()) {
      expect(withdrawal).toBe("accepted");
      expect(["accepted", "notApplied"]).toContain(selection);
      const detail = JSON.parse((await auditOf(teams[i]!.team.id))[0]!.detail!);
      expect(detail.from).toBe(selection === "accepted" ? "selected" : "applied");
      expect(await teamRow(db(), teams[i]!.team.id)).toMatchObject({ status: "withdrawn", withdrawalReason: "Racing" });
    }
    expect(await selectedCount(programme.id)).toBe(0);
  });

  it("withdrawing the selected team while another is selected into a full intake never passes the target", async () => {
    const { office, intake, programme } = await sparkWorld(db(), { teamTarget: 1 });
    const a = await appliedTeam(db(), intake.id);
    const b = await appliedTeam(db(), intake.id);
    await decideTeam(db(), office, a.team.id, "selected", links, IP);
    const [withdrawal, selection] = await Promise.all([
      refusal(withdrawTeamForOffice(db(), office, intake.id, a.team.id, REASON, links, IP)),
      refusal(decideTeam(db(), office, b.team.id, "selected", links, IP)),
    ]);
    expect(withdrawal).toBe("accepted");
    expect(["accepted", "targetReached"]).toContain(selection);
    expect(await selectedCount(programme.id)).toBe(selection === "accepted" ? 1 : 0);
  });

  it("the lead and the office withdrawing at once: one wins, the other is told it is already withdrawn, the team is mailed once", async () => {
    const { office, intake } = await sparkWorld(db());
    const { lead, team, people } = await appliedTeam(db(), intake.id);
    await decideTeam(db(), office, team.id, "selected", links, IP);
    const results = await Promise.all([
      refusal(withdrawTeamAsLead(db(), lead, team.id, null, links, IP)),
      refusal(withdrawTeamForOffice(db(), office, intake.id, team.id, REASON, links, IP)),
      refusal(withdrawTeamAsLead(db(), lead, team.id, "again", links, IP)),
    ]);
    expect(results.filter((r) => r === "accepted")).toHaveLength(1);
    expect(results.filter((r) => r === "alreadyWithdrawn")).toHaveLength(2);
    expect(await auditOf(team.id)).toHaveLength(1);
    expect((await mailTo(db(), people[0]!.email)).filter((m) => m.subject.includes("withdrawn"))).toHaveLength(1);
  });
});
