// The SPARK programme's rules on the real database: composition (a sixth member, a team without a
// researcher or physician, only the invited address accepts), selection against the intake's target
// (also when the office selects many at once), milestones within the programme period with PDF
// evidence, mentors and their meetings, the matching fund (also under parallel spending), and demo days.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { createDemoDay, markPresent, registerInterest, registerTeam, scheduleMeeting, slotsOf, teamsToRegister } from "../../app/spark/demo-days.server";
import { addMilestone, evidenceFile, logMeeting, mentorTeams, updateMilestone } from "../../app/spark/milestones.server";
import { assignMentor, decideTeam, fundOf, recordSpend, setBudget } from "../../app/spark/office.server";
import { applyTeam, inviteMember, membersOf, openIntake, respondToInvitation, submitTeam } from "../../app/spark/teams.server";
import { mailTo, useDatabase } from "../auth/support";
import { pngBytes, tinyPdf } from "../support/tiny-pdf";
import { appliedTeam, approvedCompany, formingTeam, IP, links, person, refusal, sparkWorld, teamRow } from "./world";

const db = useDatabase();

describe("team composition", () => {
  it("refuses a sixth member: the invitation, and five parallel invitations to a team of four let exactly one in", async () => {
    const { intake } = await sparkWorld(db());
    const { lead, team } = await formingTeam(db(), intake.id, ["physician", "engineer", "business", "other"]);
    expect(await refusal(inviteMember(db(), lead, team.id, { email: "sixth@example.test", role: "other" }, links, IP))).toBe("teamFull");

    const second = await formingTeam(db(), intake.id, ["physician", "engineer", "business"]);
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => refusal(inviteMember(db(), second.lead, second.team.id, { email: `p${i}-${second.team.id}@example.test`, role: "other" }, links, IP))));
    expect(results.filter((r) => r === "accepted")).toHaveLength(1);
    expect(results.filter((r) => r === "teamFull")).toHaveLength(4);
    expect((await membersOf(db(), second.team.id)).filter((m) => m.state !== "declined")).toHaveLength(5);
  });

  it("mails the invitee in their language, and only the invited address may accept", async () => {
    const { intake } = await sparkWorld(db());
    const { lead, team } = await formingTeam(db(), intake.id, []);
    const invitee = await person(db(), "physician");
    const stranger = await person(db(), "stranger");
    await inviteMember(db(), lead, team.id, { email: invitee.email.toUpperCase(), role: "physician" }, links, IP);
    const [mail] = await mailTo(db(), invitee.email);
    expect(mail!.subject).toContain("invites you");
    expect(mail!.textBody).toContain(`/spark/teams/${team.id}`);
    expect(await refusal(respondToInvitation(db(), stranger, team.id, true, IP))).toBe("notInvited");
    expect(await refusal(inviteMember(db(), lead, team.id, { email: invitee.email, role: "physician" }, links, IP))).toBe("alreadyInvited");
    expect(await refusal(inviteMember(db(), invitee, team.id, { email: "x@example.test", role: "other" }, links, IP))).toBe("notLead");
    await respondToInvitation(db(), invitee, team.id, true, IP);
    const accepted = (await membersOf(db(), team.id)).find((m) => m.email === invitee.email);
    expect(accepted).toMatchObject({ state: "accepted", userId: invitee.id });
  });

  it("refuses to submit without an accepted physician or researcher, and counts only accepted members", async () => {
    const { intake } = await sparkWorld(db());
    const noPhysician = await formingTeam(db(), intake.id, ["engineer"]);
    expect(await refusal(submitTeam(db(), noPhysician.lead, noPhysician.team.id, IP))).toBe("needsPhysician");
    const pending = await formingTeam(db(), intake.id, []);
    await inviteMember(db(), pending.lead, pending.team.id, { email: "pending-doc@example.test", role: "physician" }, links, IP);
    expect(await refusal(submitTeam(db(), pending.lead, pending.team.id, IP))).toBe("needsPhysician");

    const lead = await person(db(), "physician-lead");
    const team = await applyTeam(db(), lead, { intakeId: intake.id, projectTitle: "Doctors only", clinicalNeed: "n", technology: "x", stage: "discovery", leadRole: "physician" }, IP);
    expect(await refusal(submitTeam(db(), lead, team.id, IP))).toBe("needsResearcher");

    const ok = await formingTeam(db(), intake.id, ["physician"]);
    await submitTeam(db(), ok.lead, ok.team.id, IP);
    expect((await teamRow(db(), ok.team.id)).status).toBe("applied");
    expect(await refusal(inviteMember(db(), ok.lead, ok.team.id, { email: "late@example.test", role: "other" }, links, IP))).toBe("notForming");
  });

  it("refuses applications to an unpublished programme, and a second intake for the same year", async () => {
    const { office, programme, intake } = await sparkWorld(db());
    expect(await refusal(openIntake(db(), office, { programmeKey: programme.key, year: 2027, teamTarget: 3, startsOn: "2027-01-01", endsOn: "2027-06-30" }, IP))).toBe("intakeExists");
    await db().update(t.programmes).set({ status: "draft" }).where(eq(t.programmes.id, programme.id));
    const lead = await person(db(), "lead");
    expect(await refusal(applyTeam(db(), lead, { intakeId: intake.id, projectTitle: "p", clinicalNeed: "n", technology: "x", stage: "discovery", leadRole: "researcher" }, IP))).toBe("notPublished");
    expect(await refusal(openIntake(db(), lead, { programmeKey: programme.key, year: 2028, teamTarget: 3, startsOn: "2028-01-01", endsOn: "2028-06-30" }, IP))).toBe("forbidden");
  });
});

describe("selection against the yearly target", () => {
  it("selects up to the target, refuses beyond it, and mails the team", async () => {
    const { office, intake } = await sparkWorld(db(), { teamTarget: 1 });
    const a = await appliedTeam(db(), intake.id);
    const b = await appliedTeam(db(), intake.id);
    await decideTeam(db(), office, a.team.id, "selected", links, IP);
    expect(await refusal(decideTeam(db(), office, b.team.id, "selected", links, IP))).toBe("targetReached");
    await decideTeam(db(), office, b.team.id, "not_selected", links, IP);
    expect((await teamRow(db(), b.team.id)).status).toBe("not_selected");
    const mails = await mailTo(db(), a.people[0]!.email);
    expect(mails.some((m) => m.subject.includes("is selected"))).toBe(true);
    expect((await mailTo(db(), b.lead.email)).some((m) => m.subject.includes("was not selected"))).toBe(true);
    expect(await refusal(decideTeam(db(), a.lead, a.team.id, "selected", links, IP))).toBe("forbidden");
  });

  it("six parallel selections into a target of 3 select exactly 3", async () => {
    const { office, intake, programme } = await sparkWorld(db(), { teamTarget: 3 });
    const teams = [];
    for (let i = 0; i < 6; i++) teams.push(await appliedTeam(db(), intake.id));
    const results = await Promise.all(teams.map((x) => refusal(decideTeam(db(), office, x.team.id, "selected", links, IP))));
    expect(results.filter((r) => r === "accepted")).toHaveLength(3);
    expect(results.filter((r) => r === "targetReached")).toHaveLength(3);
    const selected = await db().select().from(t.sparkTeams).where(and(eq(t.sparkTeams.programmeId, programme.id), eq(t.sparkTeams.status, "selected")));
    expect(selected).toHaveLength(3);
  });
});

describe("a selected team's work", () => {
  it("milestones fall within the programme period; evidence must be a PDF by its bytes", async () => {
    const { office, intake } = await sparkWorld(db());
    const { lead, team, people } = await appliedTeam(db(), intake.id);
    expect(await refusal(addMilestone(db(), lead, team.id, { title: "Early", deliverable: "d", dueOn: "2027-01-15" }, IP))).toBe("notSelected");
    await decideTeam(db(), office, team.id, "selected", links, IP);
    expect(await refusal(addMilestone(db(), lead, team.id, { title: "Too late", deliverable: "d", dueOn: "2028-01-01" }, IP))).toBe("dueOutsidePeriod");
    expect(await refusal(addMilestone(db(), lead, team.id, { title: "Too early", deliverable: "d", dueOn: "2026-12-31" }, IP))).toBe("dueOutsidePeriod");
    const milestone = await addMilestone(db(), people[0]!, team.id, { title: "Prototype", deliverable: "A working sensor", dueOn: "2027-12-31" }, IP);
    expect(await refusal(updateMilestone(db(), lead, milestone.id, { status: "done", evidence: { fileName: "x.pdf", bytes: pngBytes() } }, IP))).toBe("evidenceNotPdf");
    expect(await refusal(updateMilestone(db(), lead, milestone.id, { status: "done", evidence: { fileName: "x.pdf", bytes: new Uint8Array(5 * 1024 * 1024 + 1) } }, IP))).toBe("evidenceTooLarge");
    const stranger = await person(db(), "stranger");
    expect(await refusal(updateMilestone(db(), stranger, milestone.id, { status: "done" }, IP))).toBe("notFound");
    await updateMilestone(db(), lead, milestone.id, { status: "done", evidence: { fileName: "report.pdf", bytes: tinyPdf("Report") } }, IP);
    const file = await evidenceFile(db(), office, team.id, milestone.id);
    expect(file.fileName).toBe("report.pdf");
    expect(await refusal(evidenceFile(db(), stranger, team.id, milestone.id))).toBe("notFound");
  });

  it("the office assigns panel mentors with a mode; a mentor logs meetings only with their own teams", async () => {
    const { office, intake } = await sparkWorld(db());
    const { team, lead } = await appliedTeam(db(), intake.id);
    const mentor = await person(db(), "mentor", ["mentor"]);
    const other = await person(db(), "other-mentor", ["mentor"]);
    expect(await refusal(assignMentor(db(), office, team.id, mentor.id, "active", IP))).toBe("notSelected");
    await decideTeam(db(), office, team.id, "selected", links, IP);
    expect(await refusal(assignMentor(db(), office, team.id, lead.id, "active", IP))).toBe("notMentorUser");
    await assignMentor(db(), office, team.id, mentor.id, "intensive", IP);
    expect(await refusal(assignMentor(db(), office, team.id, mentor.id, "passive", IP))).toBe("alreadyAssigned");
    const [assignment] = await mentorTeams(db(), mentor);
    expect(assignment).toMatchObject({ assignment: { mode: "intensive" }, team: { id: team.id } });
    expect(await refusal(logMeeting(db(), other, assignment!.assignment.id, { metOn: "2027-02-01", minutes: 60, notes: "n" }, IP))).toBe("notAssigned");
    await logMeeting(db(), mentor, assignment!.assignment.id, { metOn: "2027-02-01", minutes: 60, notes: "Reviewed the prototype plan" }, IP);
    expect(await db().select().from(t.mentorMeetings).where(eq(t.mentorMeetings.assignmentId, assignment!.assignment.id))).toHaveLength(1);
  });

  it("spending never passes the budget, also when ten entries arrive at once", async () => {
    const { office, intake } = await sparkWorld(db());
    const { team, lead } = await appliedTeam(db(), intake.id);
    await decideTeam(db(), office, team.id, "selected", links, IP);
    await setBudget(db(), office, team.id, 100_000, IP);
    expect(await refusal(recordSpend(db(), lead, team.id, { amountNtd: 100_001, spentOn: "2027-03-01", description: "Too much" }, IP))).toBe("overBudget");
    const results = await Promise.all(Array.from({ length: 10 }, () => refusal(recordSpend(db(), lead, team.id, { amountNtd: 30_000, spentOn: "2027-03-01", description: "Assay" }, IP))));
    expect(results.filter((r) => r === "accepted")).toHaveLength(3);
    expect(results.filter((r) => r === "overBudget")).toHaveLength(7);
    const fund = await fundOf(db(), await teamRow(db(), team.id));
    expect(fund).toMatchObject({ budget: 100_000, spent: 90_000, remaining: 10_000 });
    expect(await refusal(setBudget(db(), office, team.id, 80_000, IP))).toBe("budgetBelowSpent");
    const stranger = await person(db(), "stranger");
    expect(await refusal(recordSpend(db(), stranger, team.id, { amountNtd: 1, spentOn: "2027-03-01", description: "x" }, IP))).toBe("notFound");
  });
});

describe("demo days", () => {
  it("approved companies register interest in registered teams and book slots without double-booking", async () => {
    const { office, intake } = await sparkWorld(db());
    const a = await appliedTeam(db(), intake.id);
    const forming = await formingTeam(db(), intake.id);
    await decideTeam(db(), office, a.team.id, "selected", links, IP);
    const event = await createDemoDay(db(), office, { titleZh: "成果發表會", titleEn: "Demo day", date: "2027-11-20", startTime: "13:00", endTime: "14:00", venue: "Taipei", meetingMinutes: 20 }, IP);
    expect(slotsOf(event).map((s) => s.toISOString())).toEqual(["2027-11-20T05:00:00.000Z", "2027-11-20T05:20:00.000Z", "2027-11-20T05:40:00.000Z"]);
    expect(await refusal(registerTeam(db(), office, event.id, forming.team.id, IP))).toBe("notSelected");
    // The office's list offers selected teams not yet registered (other tests' teams may be in it too).
    const offered = async () => (await teamsToRegister(db(), event.id)).map((x) => x.id);
    expect(await offered()).toContain(a.team.id);
    expect(await offered()).not.toContain(forming.team.id);
    const first = await approvedCompany(db());
    const second = await approvedCompany(db());
    const pending = await approvedCompany(db(), "pending");
    expect(await refusal(registerInterest(db(), first.recruiter, event.id, a.team.id, IP))).toBe("teamNotRegistered");
    await registerTeam(db(), office, event.id, a.team.id, IP);
    expect(await offered()).not.toContain(a.team.id);
    expect(await refusal(registerInterest(db(), pending.recruiter, event.id, a.team.id, IP))).toBe("companyNotApproved");
    expect(await refusal(scheduleMeeting(db(), first.recruiter, event.id, a.team.id, "2027-11-20T05:00:00.000Z", IP))).toBe("noInterest");
    await registerInterest(db(), first.recruiter, event.id, a.team.id, IP);
    await registerInterest(db(), second.recruiter, event.id, a.team.id, IP);
    expect(await refusal(scheduleMeeting(db(), first.recruiter, event.id, a.team.id, "2027-11-20T05:10:00.000Z", IP))).toBe("slotOutside");
    const both = await Promise.all([first, second].map((c) => refusal(scheduleMeeting(db(), c.recruiter, event.id, a.team.id, "2027-11-20T05:00:00.000Z", IP))));
    expect(both.sort()).toEqual(["accepted", "slotTaken"]);
    const loser = both[0] === "accepted" ? second : first;
    await scheduleMeeting(db(), loser.recruiter, event.id, a.team.id, "2027-11-20T05:20:00.000Z", IP);
    expect(await db().select().from(t.meetings).where(eq(t.meetings.guestSparkTeamId, a.team.id))).toHaveLength(2);

    // Attendance is the office's record, kept in the audit log like its other writes.
    expect(await refusal(markPresent(db(), office, event.id, forming.team.id, true, IP))).toBe("teamNotRegistered");
    await markPresent(db(), office, event.id, a.team.id, true, IP);
    const [registration] = await db().select().from(t.eventRegistrations).where(and(eq(t.eventRegistrations.eventId, event.id), eq(t.eventRegistrations.sparkTeamId, a.team.id)));
    expect(registration?.attended).toBe(true);
    const audits = await db().select().from(t.auditLog).where(and(eq(t.auditLog.entityId, event.id), eq(t.auditLog.action, "demo-day-attendance-recorded")));
    expect(audits.map((row) => [row.actorUserId, JSON.parse(String(row.detail)) as unknown])).toEqual([[office.id, { teamId: a.team.id, present: true }]]);
  });
});
