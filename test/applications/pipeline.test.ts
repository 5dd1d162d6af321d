// The hiring pipeline on the real database: applying (once, even when two submissions race), inviting
// and answering, stage moves with their events, mails and audit, withdrawals, hires that record an
// employment outcome and never go beyond the headcount when recruiters click at the same time,
// scorecards, and the median time to hire.
import { randomUUID } from "node:crypto";
import { and, count, eq, gt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import {
  answerInvitation, applyToPosition, getApplicationFor, inviteTalent, moveApplication, PipelineRuleError, saveScorecard, withdrawApplication,
} from "../../app/applications/pipeline.server";
import { medianDaysToHire } from "../../app/applications/lists.server";
import { allStages, companyMoves } from "../../app/applications/stages";
import { closePosition } from "../../app/positions/positions.server";
import { todayInTaipei } from "../../app/positions/dates";
import { auditOf, links, mailTo, useDatabase } from "../auth/support";
import { IP, makeCompany, makePosition, makeTalent, moveThrough, positionRow, stageOf } from "./world";

const db = useDatabase();

/** The refusal code a promise rejects with. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PipelineRuleError) return error.code;
    throw error;
  }
  throw new Error("expected a PipelineRuleError, but it succeeded");
}

/** The Postgres error code behind a failed query (drizzle wraps it). */
async function sqlState(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? (error as { code?: string }).code;
  }
  throw new Error("expected the database to refuse, but it accepted");
}

describe("applying", () => {
  it("a talent applies to an open position; the company's people are mailed", async () => {
    const { recruiters } = await makeCompany(db(), 2);
    const position = await makePosition(db(), recruiters[0]!);
    const talent = await makeTalent(db());
    const application = await applyToPosition(db(), talent.viewer, position.id, "  I would like to join.  ", links);
    expect(application).toMatchObject({ positionId: position.id, talentUserId: talent.id, origin: "applied", stage: "applied", coverNote: "I would like to join." });
    const events = await db().select().from(t.applicationStageEvents).where(eq(t.applicationStageEvents.applicationId, application.id));
    expect(events).toMatchObject([{ fromStage: null, toStage: "applied", actorUserId: talent.id }]);
    for (const recruiter of recruiters) {
      const mail = await mailTo(db(), recruiter.email);
      expect(mail.at(-1)?.textBody).toContain(`/positions/${position.id}/applicants`);
    }
  });

  it("a second application to the same position is refused, and the database refuses a direct second row", async () => {
    const { recruiters } = await makeCompany(db());
    const position = await makePosition(db(), recruiters[0]!);
    const talent = await makeTalent(db());
    await applyToPosition(db(), talent.viewer, position.id, "", links);
    expect(await refusal(applyToPosition(db(), talent.viewer, position.id, "again", links))).toBe("alreadyApplied");
    const direct = db().insert(t.applications).values({ positionId: position.id, talentUserId: talent.id, origin: "applied", stage: "applied" });
    expect(await sqlState(direct)).toBe("23505");
    const [rows] = await db().select({ n: count() }).from(t.applications).where(and(eq(t.applications.positionId, position.id), eq(t.applications.talentUserId, talent.id)));
    expect(rows!.n).toBe(1);
  });

  it("one of the company's own people cannot apply to its position, even holding the talent role", async () => {
    const { recruiters } = await makeCompany(db());
    const position = await makePosition(db(), recruiters[0]!);
    const insider = { ...recruiters[0]!, roles: [...recruiters[0]!.roles, "talent" as const] };
    expect(await refusal(applyToPosition(db(), insider, position.id, "", links))).toBe("ownCompany");
  });

  it("two simultaneous applications by the same talent give one application and one alreadyApplied", async () => {
    const { recruiters } = await makeCompany(db());
    const position = await makePosition(db(), recruiters[0]!);
    const talent = await makeTalent(db());
    const results = await Promise.allSettled([
      applyToPosition(db(), talent.viewer, position.id, "first", links),
      applyToPosition(db(), talent.viewer, position.id, "second", links),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBeInstanceOf(PipelineRuleError);
    expect((rejected[0]!.reason as PipelineRuleError).code).toBe("alreadyApplied");
    const [rows] = await db().select({ n: count() }).from(t.applications).where(eq(t.applications.positionId, position.id));
    expect(rows!.n).toBe(1);
  });

  it("is refused for a draft, a closed position, a passed deadline and a company no longer approved", async () => {
    const { recruiters } = await makeCompany(db());
    const recruiter = recruiters[0]!;
    const talent = await makeTalent(db());
    const draft = await makePosition(db(), recruiter, { draft: true });
    expect(await refusal(applyToPosition(db(), talent.viewer, draft.id, "", links))).toBe("notOpen");

    const closed = await makePosition(db(), recruiter);
    await closePosition(db(), recruiter, closed.id, IP);
    expect(await refusal(applyToPosition(db(), talent.viewer, closed.id, "", links))).toBe("notOpen");

    // A deadline cannot be set in the past, so one that has passed is made by moving it back.
    const late = await makePosition(db(), recruiter, { deadline: "2099-12-31" });
    const yesterday = todayInTaipei(new Date(Date.now() - 86_400_000));
    await db().update(t.positions).set({ applicationDeadline: yesterday }).where(eq(t.positions.id, late.id));
    expect(await refusal(applyToPosition(db(), talent.viewer, late.id, "", links))).toBe("notOpen");
    // The deadline is a Taiwan date and open until its end.
    await db().update(t.positions).set({ applicationDeadline: todayInTaipei() }).where(eq(t.positions.id, late.id));
    await applyToPosition(db(), talent.viewer, late.id, "", links);

    const other = await makeCompany(db());
    const suspended = await makePosition(db(), other.recruiters[0]!);
    await db().update(t.organisations).set({ approval: "rejected" }).where(eq(t.organisations.id, other.organisation.id));
    expect(await refusal(applyToPosition(db(), talent.viewer, suspended.id, "", links))).toBe("notOpen");
  });

  it("only talents apply", async () => {
    const { recruiters } = await makeCompany(db());
    const position = await makePosition(db(), recruiters[0]!);
    expect(await refusal(applyToPosition(db(), recruiters[0]!, position.id, "", links))).toBe("notTalent");
  });
});

describe("invitations", () => {
  it("only a talent whose profile is open to approved companies can be invited", async () => {
    const { recruiters } = await makeCompany(db());
    const position = await makePosition(db(), recruiters[0]!);
    const hidden = await makeTalent(db(), { discoverable: false });
    const noProfile = await makeTalent(db());
    expect(await refusal(inviteTalent(db(), recruiters[0]!, position.id, hidden.id, "", links))).toBe("notDiscoverable");
    expect(await refusal(inviteTalent(db(), recruiters[0]!, position.id, noProfile.id, "", links))).toBe("notDiscoverable");
    const other = await makeCompany(db());
    const open = await makeTalent(db(), { discoverable: true });
    expect(await refusal(inviteTalent(db(), other.recruiters[0]!, position.id, open.id, "", links))).toBe("notMember");
  });

  it("the invited talent accepts: the invitation becomes an application at applied", async () => {
    const { recruiters } = await makeCompany(db());
    const position = await makePosition(db(), recruiters[0]!);
    const talent = await makeTalent(db(), { discoverable: true, locale: "zh-TW" });
    const invitation = await inviteTalent(db(), recruiters[0]!, position.id, talent.id, "您的背景很適合", links);
    expect(invitation).toMatchObject({ origin: "invited", stage: "invited" });
    expect((await mailTo(db(), talent.email)).at(-1)?.textBody).toContain(`/applications/${invitation.id}`);
    // Applying on one's own while invited is refused: the invitation is to be answered.
    expect(await refusal(applyToPosition(db(), talent.viewer, position.id, "", links))).toBe("alreadyInvited");
    // Nobody but the talent answers it.
    expect(await refusal(answerInvitation(db(), recruiters[0]!, invitation.id, true, links))).toBe("notFound");
    await answerInvitation(db(), talent.viewer, invitation.id, true, links);
    expect(await stageOf(db(), invitation.id)).toBe("applied");
    expect(await refusal(answerInvitation(db(), talent.viewer, invitation.id, false, links))).toBe("notInvited");
    const events = await db().select().from(t.applicationStageEvents).where(eq(t.applicationStageEvents.applicationId, invitation.id));
    expect(events.map((e) => [e.fromStage, e.toStage, e.actorUserId])).toEqual([[null, "invited", recruiters[0]!.id], ["invited", "applied", talent.id]]);
  });

  it("the invited talent declines: withdrawn", async () => {
    const { recruiters } = await makeCompany(db());
    const position = await makePosition(db(), recruiters[0]!);
    const talent = await makeTalent(db(), { discoverable: true });
    const invitation = await inviteTalent(db(), recruiters[0]!, position.id, talent.id, "", links);
    await answerInvitation(db(), talent.viewer, invitation.id, false, links);
    expect(await stageOf(db(), invitation.id)).toBe("withdrawn");
    expect((await mailTo(db(), recruiters[0]!.email)).at(-1)?.subject).toContain(position.title);
  });

  it("an invitation is for one talent once: a second one to the same position is refused", async () => {
    const { recruiters } = await makeCompany(db(), 2);
    const position = await makePosition(db(), recruiters[0]!);
    const talent = await makeTalent(db(), { discoverable: true });
    await inviteTalent(db(), recruiters[0]!, position.id, talent.id, "", links);
    expect(await refusal(inviteTalent(db(), recruiters[1]!, position.id, talent.id, "", links))).toBe("alreadyApplied");
  });
});

describe("stage moves", () => {
  it("companyMoves: forward to any later stage or reject; a hire only from an offer; nothing from the ends", () => {
    expect(companyMoves("applied")).toEqual(["screening", "interview", "offer", "rejected"]);
    expect(companyMoves("interview")).toEqual(["offer", "rejected"]);
    expect(companyMoves("offer")).toEqual(["hired", "rejected"]);
    for (const stage of ["invited", "hired", "rejected", "withdrawn"] as const) expect(companyMoves(stage)).toEqual([]);
  });

  it("each move writes an event with its actor and note, an audit row, and a mail to the talent in their language", async () => {
    const { recruiters } = await makeCompany(db(), 2);
    const position = await makePosition(db(), recruiters[0]!);
    const talent = await makeTalent(db(), { locale: "zh-TW" });
    const english = await makeTalent(db(), { locale: "en" });
    const application = await applyToPosition(db(), talent.viewer, position.id, "", links);
    const other = await applyToPosition(db(), english.viewer, position.id, "", links);

    await moveApplication(db(), recruiters[0]!, application.id, { from: "applied", to: "screening", note: "  履歷完整  " }, links, IP);
    await moveApplication(db(), recruiters[1]!, application.id, { from: "screening", to: "interview" }, links, IP);
    await moveApplication(db(), recruiters[1]!, other.id, { from: "applied", to: "rejected" }, links, IP);

    const events = await db().select().from(t.applicationStageEvents).where(eq(t.applicationStageEvents.applicationId, application.id));
    const sorted = events.sort((a, b) => a.at.getTime() - b.at.getTime());
    expect(sorted.map((e) => [e.fromStage, e.toStage, e.actorUserId, e.note])).toEqual([
      [null, "applied", talent.id, null],
      ["applied", "screening", recruiters[0]!.id, "履歷完整"],
      ["screening", "interview", recruiters[1]!.id, null],
    ]);
    expect((await auditOf(db(), application.id, "application-moved")).map((a) => JSON.parse(a.detail!) as unknown)).toEqual([{ from: "applied", to: "screening" }, { from: "screening", to: "interview" }]);

    const chinese = await mailTo(db(), talent.email);
    expect(chinese.map((m) => m.subject)).toEqual([`應徵進度更新：${position.title}`, `應徵進度更新：${position.title}`]);
    expect(chinese[1]!.textBody).toContain("「面試」");
    expect(chinese[1]!.textBody).toContain(`http://portal.test/applications/${application.id}`);
    const inEnglish = await mailTo(db(), english.email);
    expect(inEnglish.map((m) => m.subject)).toEqual([`Application update: ${position.title}`]);
    expect(inEnglish[0]!.textBody).toContain("will not go further");
  });

  it("refuses moves companyMoves does not offer, by anyone outside the company, and from a stage no longer current", async () => {
    const { recruiters } = await makeCompany(db(), 2);
    const position = await makePosition(db(), recruiters[0]!);
    const talent = await makeTalent(db());
    const application = await applyToPosition(db(), talent.viewer, position.id, "", links);
    const move = (to: (typeof allStages)[number], from: (typeof allStages)[number] = "applied") => moveApplication(db(), recruiters[0]!, application.id, { from, to }, links, IP);

    for (const to of ["applied", "invited", "hired", "withdrawn"] as const) expect(await refusal(move(to)), to).toBe("moveNotAllowed");
    const other = await makeCompany(db());
    expect(await refusal(moveApplication(db(), other.recruiters[0]!, application.id, { from: "applied", to: "screening" }, links, IP))).toBe("notMember");
    expect(await refusal(moveApplication(db(), talent.viewer, application.id, { from: "applied", to: "screening" }, links, IP))).toBe("notMember");
    expect(await refusal(moveApplication(db(), recruiters[0]!, randomUUID(), { from: "applied", to: "screening" }, links, IP))).toBe("notFound");

    // A colleague moves it first; the move made from what the first recruiter saw is stale.
    await moveApplication(db(), recruiters[1]!, application.id, { from: "applied", to: "screening" }, links, IP);
    expect(await refusal(move("interview", "applied"))).toBe("stale");
    expect(await stageOf(db(), application.id)).toBe("screening");
    await move("offer", "screening");
    for (const to of ["applied", "screening", "interview"] as const) expect(await refusal(move(to, "offer")), to).toBe("moveNotAllowed");
    await move("rejected", "offer");
    expect(await refusal(move("hired", "rejected"))).toBe("moveNotAllowed");
    // Nothing moved after the refusals: four events in all.
    const [events] = await db().select({ n: count() }).from(t.applicationStageEvents).where(eq(t.applicationStageEvents.applicationId, application.id));
    expect(events!.n).toBe(4);
  });

  it("the talent withdraws while in progress, but not after the application ended", async () => {
    const { recruiters } = await makeCompany(db());
    const position = await makePosition(db(), recruiters[0]!);
    const talent = await makeTalent(db());
    const application = await applyToPosition(db(), talent.viewer, position.id, "", links);
    await moveThrough(db(), recruiters[0]!, application.id, "applied", ["screening", "interview"]);
    const someoneElse = await makeTalent(db());
    expect(await refusal(withdrawApplication(db(), someoneElse.viewer, application.id, links))).toBe("notFound");
    await withdrawApplication(db(), talent.viewer, application.id, links);
    expect(await stageOf(db(), application.id)).toBe("withdrawn");
    expect(await refusal(withdrawApplication(db(), talent.viewer, application.id, links))).toBe("moveNotAllowed");
    expect(await refusal(moveApplication(db(), recruiters[0]!, application.id, { from: "withdrawn", to: "offer" }, links, IP))).toBe("moveNotAllowed");
    expect((await mailTo(db(), recruiters[0]!.email)).at(-1)?.textBody).toContain("withdrew");
  });
});

describe("hiring", () => {
  it("a hire decrements the headcount, records the employment outcome, and at zero fills the position", async () => {
    const { organisation, recruiters } = await makeCompany(db());
    const position = await makePosition(db(), recruiters[0]!, { headcount: 2 });
    const [first, second] = [await makeTalent(db()), await makeTalent(db())];
    const a = await applyToPosition(db(), first.viewer, position.id, "", links);
    const b = await applyToPosition(db(), second.viewer, position.id, "", links);
    await moveThrough(db(), recruiters[0]!, a.id, "applied", ["offer", "hired"]);
    expect(await positionRow(db(), position.id)).toMatchObject({ remainingHeadcount: 1, status: "published" });

    const [outcome] = await db().select().from(t.employmentOutcomes).where(eq(t.employmentOutcomes.applicationId, a.id));
    expect(outcome).toMatchObject({
      userId: first.id, source: "portal_hire", occupationCode: "070207", employerOrganisationId: organisation.id, status: "industry",
      checkpoint: "completion", salaryBand: "60k_80k", recordedBy: recruiters[0]!.id,
    });

    const jobsBefore = await db().select({ n: count() }).from(t.searchJobs).where(and(eq(t.searchJobs.indexName, "positions"), eq(t.searchJobs.documentId, position.id)));
    const mark = new Date(Date.now() - 1000);
    await moveThrough(db(), recruiters[0]!, b.id, "applied", ["offer", "hired"]);
    expect(await positionRow(db(), position.id)).toMatchObject({ remainingHeadcount: 0, status: "filled" });
    const jobsAfter = await db().select({ n: count() }).from(t.searchJobs).where(and(eq(t.searchJobs.indexName, "positions"), eq(t.searchJobs.documentId, position.id), gt(t.searchJobs.createdAt, mark)));
    expect(jobsAfter[0]!.n).toBeGreaterThanOrEqual(1);
    expect(jobsBefore[0]!.n).toBeGreaterThanOrEqual(1);
    const mail = await mailTo(db(), second.email);
    expect(mail.at(-1)?.subject).toContain(position.title);
  });

  it("headcount 1, two applicants at offer, two recruiters hire at once: exactly one is hired", async () => {
    for (let round = 0; round < 3; round++) {
      const { recruiters } = await makeCompany(db(), 2);
      const position = await makePosition(db(), recruiters[0]!, { headcount: 1 });
      const applications = [];
      for (let i = 0; i < 2; i++) {
        const talent = await makeTalent(db());
        const application = await applyToPosition(db(), talent.viewer, position.id, "", links);
        await moveThrough(db(), recruiters[0]!, application.id, "applied", ["offer"]);
        applications.push(application);
      }
      const results = await Promise.allSettled(applications.map((a, i) => moveApplication(db(), recruiters[i]!, a.id, { from: "offer", to: "hired" }, links, IP)));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => (r.reason as PipelineRuleError).code);
      expect(refused).toEqual(["noHeadcountLeft"]);
      expect(await positionRow(db(), position.id)).toMatchObject({ remainingHeadcount: 0, status: "filled" });
      const stages = await Promise.all(applications.map((a) => stageOf(db(), a.id)));
      expect(stages.sort()).toEqual(["hired", "offer"]);
      const [outcomes] = await db().select({ n: count() }).from(t.employmentOutcomes).where(eq(t.employmentOutcomes.employerOrganisationId, position.organisationId));
      expect(outcomes!.n).toBe(1);
    }
  });

  it("headcount 2 and three hires at once: two succeed", async () => {
    const { recruiters } = await makeCompany(db(), 3);
    const position = await makePosition(db(), recruiters[0]!, { headcount: 2 });
    const applications = [];
    for (let i = 0; i < 3; i++) {
      const talent = await makeTalent(db());
      const application = await applyToPosition(db(), talent.viewer, position.id, "", links);
      await moveThrough(db(), recruiters[0]!, application.id, "applied", ["offer"]);
      applications.push(application);
    }
    const results = await Promise.allSettled(applications.map((a, i) => moveApplication(db(), recruiters[i]!, a.id, { from: "offer", to: "hired" }, links, IP)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect(results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => (r.reason as PipelineRuleError).code)).toEqual(["noHeadcountLeft"]);
    expect(await positionRow(db(), position.id)).toMatchObject({ remainingHeadcount: 0, status: "filled" });
  });

  it("a filled position takes no new applications", async () => {
    const { recruiters } = await makeCompany(db());
    const position = await makePosition(db(), recruiters[0]!, { headcount: 1 });
    const hired = await makeTalent(db());
    const application = await applyToPosition(db(), hired.viewer, position.id, "", links);
    await moveThrough(db(), recruiters[0]!, application.id, "applied", ["offer", "hired"]);
    const late = await makeTalent(db());
    expect(await refusal(applyToPosition(db(), late.viewer, position.id, "", links))).toBe("notOpen");
  });
});

describe("scorecards", () => {
  async function atInterview() {
    const { recruiters } = await makeCompany(db(), 2);
    const position = await makePosition(db(), recruiters[0]!);
    const talent = await makeTalent(db());
    const application = await applyToPosition(db(), talent.viewer, position.id, "", links);
    const [skill] = await db().select({ key: t.positionSkills.skillKey }).from(t.positionSkills).where(eq(t.positionSkills.positionId, position.id));
    return { recruiters, position, talent, application, skill: skill!.key };
  }

  it("not for an application rejected before any interview", async () => {
    const { recruiters, application, skill } = await atInterview();
    await moveThrough(db(), recruiters[0]!, application.id, "applied", ["rejected"]);
    expect(await refusal(saveScorecard(db(), recruiters[0]!, application.id, { scores: { [skill]: 3 }, recommendation: "no", notes: "" }))).toBe("notInterviewStage");
  });

  it("only from the interview on, only on the position's skills, only 1 to 5", async () => {
    const { recruiters, application, skill } = await atInterview();
    const card = (scores: Record<string, number>) => saveScorecard(db(), recruiters[0]!, application.id, { scores, recommendation: "yes", notes: "" });
    expect(await refusal(card({ [skill]: 4 }))).toBe("notInterviewStage");
    await moveThrough(db(), recruiters[0]!, application.id, "applied", ["interview"]);
    const required = new Set((await db().select({ key: t.positionSkills.skillKey }).from(t.positionSkills).where(eq(t.positionSkills.positionId, application.positionId))).map((s) => s.key));
    const notRequired = (await db().select({ key: t.skills.key }).from(t.skills)).find((s) => !required.has(s.key))!.key;
    expect(await refusal(card({ [notRequired]: 3 }))).toBe("unknownCriterion");
    expect(await refusal(card({ "no-such-skill": 3 }))).toBe("unknownCriterion");
    expect(await refusal(card({ [skill]: 0 }))).toBe("scoreOutOfRange");
    expect(await refusal(card({ [skill]: 6 }))).toBe("scoreOutOfRange");
    expect(await refusal(card({ [skill]: 2.5 }))).toBe("scoreOutOfRange");
    const other = await makeCompany(db());
    expect(await refusal(saveScorecard(db(), other.recruiters[0]!, application.id, { scores: { [skill]: 3 }, recommendation: "no", notes: "" }))).toBe("notMember");
    expect(await db().select().from(t.interviewScorecards).where(eq(t.interviewScorecards.applicationId, application.id))).toEqual([]);
  });

  it("the database refuses a score outside 1–5 by itself", async () => {
    const { recruiters, application, skill } = await atInterview();
    await moveThrough(db(), recruiters[0]!, application.id, "applied", ["interview"]);
    await saveScorecard(db(), recruiters[0]!, application.id, { scores: { [skill]: 3 }, recommendation: "yes", notes: "" });
    const [card] = await db().select().from(t.interviewScorecards).where(eq(t.interviewScorecards.applicationId, application.id));
    for (const score of [0, 6]) {
      expect(await sqlState(db().update(t.scorecardScores).set({ score }).where(eq(t.scorecardScores.scorecardId, card!.id)))).toBe("23514");
    }
  });

  it("one scorecard per interviewer: saving again updates it; two interviewers have one each; the talent sees none", async () => {
    const { recruiters, talent, application, skill } = await atInterview();
    await moveThrough(db(), recruiters[0]!, application.id, "applied", ["interview"]);
    await saveScorecard(db(), recruiters[0]!, application.id, { scores: { [skill]: 2 }, recommendation: "no", notes: "first look" });
    await saveScorecard(db(), recruiters[0]!, application.id, { scores: { [skill]: 4 }, recommendation: "yes", notes: "  second look  " });
    await saveScorecard(db(), recruiters[1]!, application.id, { scores: { [skill]: 5 }, recommendation: "strong_yes", notes: "" });

    const seen = await getApplicationFor(db(), recruiters[0]!, application.id);
    expect(seen!.scorecards.map((c) => [c.interviewerUserId, c.recommendation, c.notes, c.scores])).toEqual([
      [recruiters[0]!.id, "yes", "second look", { [skill]: 4 }],
      [recruiters[1]!.id, "strong_yes", "", { [skill]: 5 }],
    ]);
    const direct = db().insert(t.interviewScorecards).values({ applicationId: application.id, interviewerUserId: recruiters[0]!.id, recommendation: "no" });
    expect(await sqlState(direct)).toBe("23505");
    const own = await getApplicationFor(db(), talent.viewer, application.id);
    expect(own!.scorecards).toEqual([]);
    expect(own!.events.map((e) => e.to)).toEqual(["applied", "interview"]);
  });
});

describe("medianDaysToHire", () => {
  const day = 86_400_000;
  const start = new Date("2026-03-02T01:00:00Z").getTime();

  /** An application hired after the given days, with hand-made stage events at chosen times. */
  async function hireAfter(positionId: string, stages: Array<[string | null, string, number]>, finalStage: "hired" | "offer" = "hired") {
    const talent = await makeTalent(db());
    const [application] = await db().insert(t.applications).values({ positionId, talentUserId: talent.id, origin: stages[0]![1] === "invited" ? "invited" : "applied", stage: finalStage }).returning();
    await db().insert(t.applicationStageEvents).values(
      stages.map(([from, to, days]) => ({ applicationId: application!.id, fromStage: from as never, toStage: to as never, at: new Date(start + days * day) })),
    );
  }

  it("is the median of days from application (or acceptance of an invitation) to hire", async () => {
    const { organisation, recruiters } = await makeCompany(db());
    const position = await makePosition(db(), recruiters[0]!, { headcount: 5 });
    expect(await medianDaysToHire(db(), [organisation.id])).toEqual({ days: null, hires: 0 });
    await hireAfter(position.id, [[null, "applied", 0], ["applied", "offer", 6], ["offer", "hired", 10]]);
    // Invited on day 0, accepted on day 2, hired on day 5: three days.
    await hireAfter(position.id, [[null, "invited", 0], ["invited", "applied", 2], ["applied", "offer", 4], ["offer", "hired", 5]]);
    await hireAfter(position.id, [[null, "applied", 0], ["applied", "offer", 20], ["offer", "hired", 21]]);
    // Not hired: left out.
    await hireAfter(position.id, [[null, "applied", 0], ["applied", "offer", 1]], "offer");
    expect(await medianDaysToHire(db(), [organisation.id])).toEqual({ days: 10, hires: 3 });
    await hireAfter(position.id, [[null, "applied", 1], ["applied", "offer", 2], ["offer", "hired", 5.5]]);
    // [3, 4.5, 10, 21] → (4.5 + 10) / 2
    expect(await medianDaysToHire(db(), [organisation.id])).toEqual({ days: 7.3, hires: 4 });
    const other = await makeCompany(db());
    expect(await medianDaysToHire(db(), [other.organisation.id])).toEqual({ days: null, hires: 0 });
    expect(await medianDaysToHire(db(), [])).toEqual({ days: null, hires: 0 });
  });
});
