// Survey links against real Postgres: mailed once per checkpoint however many senders run, in the
// completer's language, single use (two submissions at once store one answer), refused once expired,
// and reminded at +7 and +14 days with a new link that replaces the old one, exactly once each.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { answerSurvey, sendFirstSurveys, sendOutcomeSurveys, sendSurveyReminders, viewSurvey } from "../../app/outcomes/surveys.server";
import { recordOutcome } from "../../app/outcomes/outcomes.server";
import { links, mailTo, tokenIn, useDatabase } from "../auth/support";
import { completer, IP, outcomeWorld, shortageCode } from "./world";

const db = useDatabase();
const DAY = 24 * 60 * 60 * 1000;
const answer = { status: "industry" as const, employerName: "Survey Biotech", salaryBand: "40k_60k" as const };
const linkOf = (body: string) => tokenIn(body, "/outcome-survey/");

describe("first links", () => {
  it("mails each due checkpoint once, even from senders running at the same time", async () => {
    const world = await outcomeWorld(db());
    const person = await completer(db(), world);
    await db().update(t.users).set({ locale: "zh-TW" }).where(eq(t.users.id, person.user.id));
    const now = new Date();
    const results = await Promise.all([sendFirstSurveys(db(), links, now), sendFirstSurveys(db(), links, now), sendFirstSurveys(db(), links, now)]);
    const mail = await mailTo(db(), person.user.email);
    expect(mail).toHaveLength(1);
    expect(results.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect(mail[0]!.subject).toContain("就業情形調查");
    const tokens = await db().select().from(t.outcomeSurveyTokens).where(eq(t.outcomeSurveyTokens.enrolmentId, person.enrolmentId));
    expect(tokens.map((row) => row.checkpoint)).toEqual(["completion"]);
    // Only the hash is stored.
    expect(tokens[0]!.tokenHash).not.toBe(linkOf(mail[0]!.textBody));
    expect((await sendOutcomeSurveys(db(), links, now)).sent).toBe(0);
    expect(await mailTo(db(), person.user.email)).toHaveLength(1);
  });

  it("mails nobody whose checkpoint already has an outcome, nor a checkpoint long past", async () => {
    const world = await outcomeWorld(db());
    const recorded = await completer(db(), world);
    await recordOutcome(db(), world.staff, recorded.ref, "completion", answer, IP);
    const old = await completer(db(), world, 14);
    await sendFirstSurveys(db(), links, new Date());
    expect(await mailTo(db(), recorded.user.email)).toHaveLength(0);
    // 14 months ago: completion and +6 months are long past; +12 months fell about two months ago, also past the 30 days.
    expect(await mailTo(db(), old.user.email)).toHaveLength(0);
  });
});

describe("answering", () => {
  it("stores one self-report from two submissions at once; the link is then used up", async () => {
    const world = await outcomeWorld(db());
    const person = await completer(db(), world);
    await sendFirstSurveys(db(), links, new Date());
    const token = linkOf((await mailTo(db(), person.user.email))[0]!.textBody);
    expect((await viewSurvey(db(), token)).ok).toBe(true);
    const code = await shortageCode(db());
    const results = await Promise.all([answerSurvey(db(), token, { ...answer, occupationCode: code }, IP), answerSurvey(db(), token, { ...answer, status: "academia" }, IP)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, reason: "used" });
    const stored = await db().select().from(t.employmentOutcomes).where(eq(t.employmentOutcomes.enrolmentId, person.enrolmentId));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ source: "self_report", checkpoint: "completion", recordedBy: person.user.id });
    expect(await viewSurvey(db(), token)).toEqual({ ok: false, reason: "used" });
    expect(await answerSurvey(db(), token, answer, IP)).toEqual({ ok: false, reason: "used" });
  });

  it("refuses an expired link and an unknown one, and keeps the link when the answer is refused", async () => {
    const world = await outcomeWorld(db());
    const person = await completer(db(), world);
    await sendFirstSurveys(db(), links, new Date());
    const token = linkOf((await mailTo(db(), person.user.email))[0]!.textBody);
    expect(await answerSurvey(db(), token, { ...answer, occupationCode: "999999" }, IP)).toEqual({ ok: false, reason: "unknownOccupation" });
    expect((await viewSurvey(db(), token)).ok).toBe(true);
    const later = new Date(Date.now() + 31 * DAY);
    expect(await viewSurvey(db(), token, later)).toEqual({ ok: false, reason: "expired" });
    expect(await answerSurvey(db(), token, answer, IP, later)).toEqual({ ok: false, reason: "expired" });
    expect(await viewSurvey(db(), "A".repeat(43))).toEqual({ ok: false, reason: "invalid" });
    expect(await viewSurvey(db(), "x")).toEqual({ ok: false, reason: "invalid" });
  });

  it("does not let a self-report replace an outcome the office verified", async () => {
    const world = await outcomeWorld(db());
    const person = await completer(db(), world);
    await sendFirstSurveys(db(), links, new Date());
    const token = linkOf((await mailTo(db(), person.user.email))[0]!.textBody);
    const id = await recordOutcome(db(), world.staff, person.ref, "completion", answer, IP);
    await db().update(t.employmentOutcomes).set({ verification: "verified" }).where(eq(t.employmentOutcomes.id, id));
    expect(await answerSurvey(db(), token, { status: "seeking", salaryBand: "undisclosed" }, IP)).toEqual({ ok: false, reason: "alreadyVerified" });
    const [kept] = await db().select().from(t.employmentOutcomes).where(eq(t.employmentOutcomes.id, id));
    expect(kept).toMatchObject({ status: "industry", verification: "verified" });
  });
});

describe("reminders", () => {
  it("go out at +7 and +14 days, once each however often or concurrently the job runs, with a new link", async () => {
    const world = await outcomeWorld(db());
    const person = await completer(db(), world);
    const sentAt = new Date();
    await sendFirstSurveys(db(), links, sentAt);
    const first = linkOf((await mailTo(db(), person.user.email))[0]!.textBody);
    expect(await sendSurveyReminders(db(), links, new Date(sentAt.getTime() + 6 * DAY))).toBe(0);
    const day7 = new Date(sentAt.getTime() + 7 * DAY + 1000);
    await Promise.all([sendSurveyReminders(db(), links, day7), sendSurveyReminders(db(), links, day7)]);
    await sendSurveyReminders(db(), links, day7);
    let mail = await mailTo(db(), person.user.email);
    expect(mail).toHaveLength(2);
    const second = linkOf(mail[1]!.textBody);
    expect(second).not.toBe(first);
    expect(await viewSurvey(db(), first, day7)).toEqual({ ok: false, reason: "invalid" });
    expect((await viewSurvey(db(), second, day7)).ok).toBe(true);
    const day14 = new Date(sentAt.getTime() + 14 * DAY + 1000);
    await sendSurveyReminders(db(), links, day14);
    await sendSurveyReminders(db(), links, day14);
    mail = await mailTo(db(), person.user.email);
    expect(mail).toHaveLength(3);
    const [row] = await db().select().from(t.outcomeSurveyTokens).where(eq(t.outcomeSurveyTokens.enrolmentId, person.enrolmentId));
    expect(row!.remindersSent).toEqual(["day14", "day7"]);
    expect(await sendSurveyReminders(db(), links, new Date(sentAt.getTime() + 20 * DAY))).toBe(0);
  });

  it("are not sent once the link is answered or the unit recorded the outcome", async () => {
    const world = await outcomeWorld(db());
    const answered = await completer(db(), world);
    const entered = await completer(db(), world);
    const sentAt = new Date();
    await sendFirstSurveys(db(), links, sentAt);
    await answerSurvey(db(), linkOf((await mailTo(db(), answered.user.email))[0]!.textBody), answer, IP, sentAt);
    await recordOutcome(db(), world.staff, entered.ref, "completion", answer, IP);
    await sendSurveyReminders(db(), links, new Date(sentAt.getTime() + 8 * DAY));
    expect(await mailTo(db(), answered.user.email)).toHaveLength(1);
    expect(await mailTo(db(), entered.user.email)).toHaveLength(1);
  });
});
