// Withdrawing a SPARK team through the built app: the lead's form on the team page (confirmation box,
// optional reason) and the office's on the intake page (required reason); refusals come back on the form
// in the viewer's language, other roles are refused, and a withdrawn team shows who, when and why, and
// disappears from the mentor's form and the demo day's teams. Needs `npx remix build`.
import { describe, expect, it } from "vitest";
import type { Viewer } from "../../app/auth/session.server";
import { createDemoDay, registerInterest, registerTeam } from "../../app/spark/demo-days.server";
import { assignMentor, decideTeam } from "../../app/spark/office.server";
import { mentorTeams } from "../../app/spark/milestones.server";
import { useDatabase } from "../auth/support";
import { shownText, useBuiltApp } from "../support/built-app";
import { appliedTeam, approvedCompany, IP, links, person, sparkWorld, teamRow } from "./world";

const db = useDatabase();
const send = useBuiltApp(() => ({ db: db() }), { ip: IP });
const post = (viewer: Viewer, url: string, form: Record<string, string>, locale: "en" | "zh-TW" = "en") => send(viewer, url, { form, locale });

describe("the lead withdraws on the team page", () => {
  it("asks for the confirmation, refuses others, and shows the withdrawal in the member's language", async () => {
    const { office, intake } = await sparkWorld(db());
    const { lead, team, people } = await appliedTeam(db(), intake.id);
    const page = `/spark/teams/${team.id}`;

    expect(await shownText(await send(lead, page))).toContain("Withdraw this team…");
    expect(await shownText(await send(people[0]!, page))).not.toContain("Withdraw this team…");
    expect(await shownText(await send(office, page))).not.toContain("Withdraw this team…");

    const unconfirmed = await post(lead, page, { intent: "withdraw", reason: "No longer feasible" });
    expect(unconfirmed.status).toBe(400);
    const unconfirmedPage = await shownText(unconfirmed);
    expect(unconfirmedPage).toContain("Tick the box to confirm that a withdrawal cannot be undone.");
    expect(unconfirmedPage).toContain("No longer feasible");

    const byMember = await post(people[0]!, page, { intent: "withdraw", confirm: "yes" }, "zh-TW");
    expect(byMember.status).toBe(403);
    expect(await shownText(byMember)).toContain("只有團隊負責人可以進行這項操作。");
    const stranger = await person(db(), "stranger");
    expect((await post(stranger, page, { intent: "withdraw", confirm: "yes" })).status).toBe(404);
    expect((await teamRow(db(), team.id)).status).toBe("applied");

    const done = await post(lead, page, { intent: "withdraw", confirm: "yes", reason: "我們找到授權廠商" }, "zh-TW");
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe(`${page}?done=withdrawn`);
    const shown = await shownText(await send(people[0]!, `${page}?done=withdrawn`, { locale: "zh-TW" }));
    expect(shown).toContain("團隊已撤回，已通知每位成員。");
    expect(shown).toContain("團隊負責人已於");
    expect(shown).toContain("撤回原因：我們找到授權廠商");
    expect(shown).toContain("這個團隊已撤回，不再受理里程碑、輔導會議、配合款與成果發表會媒合。");
    expect(await shownText(await send(lead, page))).not.toContain("Withdraw this team…");

    const again = await post(lead, page, { intent: "withdraw", confirm: "yes" });
    expect(again.status).toBe(409);
    expect(await shownText(again)).toContain("This team is already withdrawn.");
  });

  it("refuses a milestone for a withdrawn team with the reason", async () => {
    const { office, intake } = await sparkWorld(db());
    const { lead, team } = await appliedTeam(db(), intake.id);
    await decideTeam(db(), office, team.id, "selected", links, IP);
    const page = `/spark/teams/${team.id}`;
    expect(await shownText(await send(lead, page))).toContain("New milestone");
    expect((await post(lead, page, { intent: "withdraw", confirm: "yes" })).status).toBe(302);
    const shown = await shownText(await send(lead, page));
    expect(shown).toContain("The team&#x27;s lead withdrew this team on");
    expect(shown).toContain("No reason was given.");
    const refused = await post(lead, page, { intent: "milestone", title: "Late", deliverable: "d", dueOn: "2027-06-30" });
    expect(refused.status).toBe(409);
    expect(await shownText(refused)).toContain("This team is withdrawn; this is no longer accepted.");
  });
});

describe("the office withdraws on the intake page", () => {
  it("requires a reason, refuses other roles and other intakes, and keeps the team listed with its reason", async () => {
    const { office, intake } = await sparkWorld(db(), { teamTarget: 3 });
    const other = await sparkWorld(db());
    const { lead, team } = await appliedTeam(db(), intake.id);
    const elsewhere = await appliedTeam(db(), other.intake.id);
    await decideTeam(db(), office, team.id, "selected", links, IP);
    const page = `/office/spark/${intake.id}`;
    const before = await shownText(await send(office, page));
    expect(before).toContain(`Withdraw &quot;${team.projectTitle}&quot;…`);
    expect(before).toContain("1 of 3 teams selected");

    const short = await post(office, page, { intent: "withdraw", teamId: team.id, reason: "no" });
    expect(short.status).toBe(400);
    expect(await shownText(short)).toContain("Give a reason for withdrawing (5 to 500 characters).");
    const tooLong = await post(office, page, { intent: "withdraw", teamId: team.id, reason: "x".repeat(501) }, "zh-TW");
    expect(tooLong.status).toBe(400);
    expect(await shownText(tooLong)).toContain("撤回原因最多 500 字。");
    const wrongIntake = await post(office, page, { intent: "withdraw", teamId: elsewhere.team.id, reason: "Wrong intake" });
    expect(wrongIntake.status).toBe(409);
    expect(await shownText(wrongIntake)).toContain("This team does not belong to this intake.");

    const mentor = await person(db(), "mentor", ["mentor"]);
    for (const someone of [lead, mentor]) expect((await post(someone, page, { intent: "withdraw", teamId: team.id, reason: "Not mine to do" })).status).toBe(403);
    expect((await teamRow(db(), team.id)).status).toBe("selected");

    const done = await post(office, page, { intent: "withdraw", teamId: team.id, reason: "Did not sign the agreement" });
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe(`${page}?done=withdrawn`);
    const after = await shownText(await send(office, `${page}?done=withdrawn`, { locale: "zh-TW" }));
    expect(after).toContain("團隊已撤回，已通知每位成員。");
    expect(after).toContain("已選 0 隊／目標 3 隊");
    expect(after).toContain(team.projectTitle);
    expect(after).toContain("專案辦公室已於");
    expect(after).toContain("撤回原因：Did not sign the agreement");
    expect(after).not.toContain(`撤回「${team.projectTitle}」…`);

    const again = await post(office, page, { intent: "withdraw", teamId: team.id, reason: "Did not sign the agreement" });
    expect(again.status).toBe(409);
    expect(await shownText(again)).toContain("This team is already withdrawn.");
    // A reason too short for a form the page no longer shows: the field's error is said at the top.
    const shortAgain = await post(office, page, { intent: "withdraw", teamId: team.id, reason: "no" });
    expect(shortAgain.status).toBe(400);
    expect(await shownText(shortAgain)).toContain("Give a reason for withdrawing (5 to 500 characters).");
  });
});

describe("where a withdrawn team no longer takes work", () => {
  it("the mentor's page says so instead of the form; the demo day lists it only to the office, apart", async () => {
    const { office, intake } = await sparkWorld(db());
    const { team } = await appliedTeam(db(), intake.id);
    await decideTeam(db(), office, team.id, "selected", links, IP);
    const mentor = await person(db(), "mentor", ["mentor"]);
    await assignMentor(db(), office, team.id, mentor.id, "active", IP);
    const [assignment] = await mentorTeams(db(), mentor);
    const event = await createDemoDay(db(), office, { titleZh: "發表會", titleEn: "Demo day", date: "2027-11-20", startTime: "13:00", endTime: "14:00", venue: "Taipei", meetingMinutes: 20 }, IP);
    await registerTeam(db(), office, event.id, team.id, IP);
    const company = await approvedCompany(db());
    await registerInterest(db(), company.recruiter, event.id, team.id, IP);
    expect(await shownText(await send(company.recruiter, `/spark/demo-days/${event.id}`))).toContain(team.projectTitle);

    expect((await post(office, `/office/spark/${intake.id}`, { intent: "withdraw", teamId: team.id, reason: "Team dissolved" })).status).toBe(302);

    const mentorPage = await shownText(await send(mentor, "/mentor"));
    expect(mentorPage).toContain("This team is withdrawn: meetings can no longer be logged.");
    expect(mentorPage).not.toContain(`Log a meeting with &quot;${team.projectTitle}&quot;`);
    const refused = await post(mentor, "/mentor", { intent: "meeting", assignmentId: assignment!.assignment.id, metOn: "2027-02-01", minutes: "30", notes: "n" });
    expect(refused.status).toBe(409);
    expect(await shownText(refused)).toContain("This team is withdrawn; this is no longer accepted.");

    const companyPage = await shownText(await send(company.recruiter, `/spark/demo-days/${event.id}`));
    expect(companyPage).not.toContain(team.projectTitle);
    const interest = await post(company.recruiter, `/spark/demo-days/${event.id}`, { intent: "interest", teamId: team.id });
    expect(interest.status).toBe(409);
    expect(await shownText(interest)).toContain("This team is withdrawn; this is no longer accepted.");
    const officePage = await shownText(await send(office, `/spark/demo-days/${event.id}`));
    expect(officePage).toContain("Withdrawn teams (no longer listed among the teams)");
    expect(officePage).toContain(`${team.projectTitle} · Reason: Team dissolved`);
  });
});
