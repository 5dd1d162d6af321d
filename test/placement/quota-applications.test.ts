// Units' quota applications on the real database, through the three stages: a unit's plan (one per unit
// and round, before the deadline, with at least one partner), the office's document check (returned with
// a reason, fixed and resubmitted), the panel's review (only one's own assignments, conflicts, scores in
// range), and the allocations (never over the total, also when two are recorded at once), published once.
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import type { Viewer } from "../../app/auth/session.server";
import { unitApplicationScope } from "../../app/auth/visibility.server";
import { DeadlinePassedError } from "../../app/placement/calendar";
import { allocateQuota, listPublishedAllocations, listRoundApplications, publishAllocations } from "../../app/placement/quota-allocations.server";
import {
  getQuotaApplicationFor, markDocumentsComplete, partnersOf, QuotaRuleError, returnQuotaApplication, saveQuotaApplication, unitEntriesFor,
} from "../../app/placement/quota-applications.server";
import { assignReviewer, declareConflict, getOwnAssignment, listOwnAssignments, reviewsOf, submitReview, totalsForRound } from "../../app/placement/quota-reviews.server";
import { reviewerTotal, weightedTotal } from "../../app/placement/review-totals";
import { links, mailTo, useDatabase } from "../auth/support";
import { applicationRow, DAY, IP, makeOpenRound, makePerson, makeProgramme, makeUnit, plan, submitPlan } from "./world";

const db = useDatabase();
let officer: Viewer;
let programmeId: string;

beforeAll(async () => {
  officer = await makePerson(db(), ["programme_officer"]);
  programmeId = (await makeProgramme(db())).id;
});

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
}

const code = async (promise: Promise<unknown>) => {
  const error = await refusal(promise);
  if (!(error instanceof QuotaRuleError)) throw error;
  return error.code;
};

/** A round with one unit whose plan is submitted and marked complete. */
async function completePlan(overrides: Parameters<typeof makeOpenRound>[3] = {}) {
  const round = await makeOpenRound(db(), officer, programmeId, overrides);
  const unit = await makeUnit(db());
  const submitted = await submitPlan(db(), unit.staff[0]!, round.id, unit.organisation.id);
  const complete = await markDocumentsComplete(db(), officer, submitted.id, submitted.version, IP);
  return { round, unit, application: complete };
}

describe("a unit's plan", () => {
  it("is drafted, edited at the version read and submitted, with its partners", async () => {
    const round = await makeOpenRound(db(), officer, programmeId);
    const { organisation, staff } = await makeUnit(db(), { staff: 2 });
    const target = { roundId: round.id, organisationId: organisation.id };
    const draft = await saveQuotaApplication(db(), staff[0]!, { ...target, expectedVersion: null, submit: false }, plan(), IP);
    expect(draft).toMatchObject({ status: "draft", version: 1, submittedAt: null, internshipMonths: 6 });

    const partners = [{ name: "示範醫學中心", isMedicalCentre: true }, { name: "示範生技製藥", isMedicalCentre: false }, { name: " 示範生技製藥 ", isMedicalCentre: false }];
    const edited = await saveQuotaApplication(db(), staff[1]!, { ...target, expectedVersion: 1, submit: false }, plan({ focus: "medical_devices", internshipMonths: 9, partners }), IP);
    expect(edited).toMatchObject({ focus: "medical_devices", internshipMonths: 9, version: 2 });
    expect(await partnersOf(db(), draft.id)).toEqual([{ name: "示範生技製藥", isMedicalCentre: false }, { name: "示範醫學中心", isMedicalCentre: true }]);

    // A colleague's save in between makes an editor's older version stale.
    expect(await code(saveQuotaApplication(db(), staff[0]!, { ...target, expectedVersion: 1, submit: true }, plan(), IP))).toBe("stale");

    const submitted = await saveQuotaApplication(db(), staff[0]!, { ...target, expectedVersion: 2, submit: true }, plan({ internshipMonths: 12 }), IP);
    expect(submitted).toMatchObject({ status: "submitted", version: 3, internshipMonths: 12 });
    expect(submitted.submittedAt).toBeInstanceOf(Date);
    // Submitted plans wait for the office; the unit cannot change them meanwhile.
    expect(await code(saveQuotaApplication(db(), staff[0]!, { ...target, expectedVersion: 3, submit: true }, plan(), IP))).toBe("notEditable");
  });

  it("one per unit and round: a second is refused, by the domain, when two race, and by the constraint itself", async () => {
    const round = await makeOpenRound(db(), officer, programmeId);
    const { organisation, staff } = await makeUnit(db(), { staff: 2 });
    const target = { roundId: round.id, organisationId: organisation.id, expectedVersion: null, submit: false };
    const results = await Promise.allSettled([saveQuotaApplication(db(), staff[0]!, target, plan(), IP), saveQuotaApplication(db(), staff[1]!, target, plan(), IP)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(rejected.reason).toMatchObject({ code: "alreadyApplied" });
    expect(await code(saveQuotaApplication(db(), staff[0]!, target, plan(), IP))).toBe("alreadyApplied");

    const direct = await refusal(
      db().insert(t.unitQuotaApplications).values({ roundId: round.id, unitOrganisationId: organisation.id, focus: "drugs", planZh: "x", courses: "x", internshipMonths: 6, requestedTrainees: 1 }),
    );
    expect(String((direct as { cause?: unknown }).cause ?? direct)).toMatch(/unit_quota_applications_once/);
    const [rows] = await db().select({ n: count() }).from(t.unitQuotaApplications).where(eq(t.unitQuotaApplications.roundId, round.id));
    expect(rows!.n).toBe(1);
  });

  it("is refused after the unit-application deadline, naming that deadline", async () => {
    const round = await makeOpenRound(db(), officer, programmeId);
    const { organisation, staff } = await makeUnit(db());
    const late = new Date(round.unitApplicationsCloseAt.getTime() + 1);
    const error = await refusal(saveQuotaApplication(db(), staff[0]!, { roundId: round.id, organisationId: organisation.id, expectedVersion: null, submit: true }, plan(), IP, late));
    expect(error).toBeInstanceOf(DeadlinePassedError);
    expect(error).toMatchObject({ deadline: "unitApplications" });
    expect((error as DeadlinePassedError).at.getTime()).toBe(round.unitApplicationsCloseAt.getTime());
  });

  it("needs a named partner and 6 to 12 months of internship (the database checks the months)", async () => {
    const round = await makeOpenRound(db(), officer, programmeId);
    const { organisation, staff } = await makeUnit(db());
    const target = { roundId: round.id, organisationId: organisation.id, expectedVersion: null, submit: true };
    expect(await code(saveQuotaApplication(db(), staff[0]!, target, plan({ partners: [{ name: "  ", isMedicalCentre: false }] }), IP))).toBe("noPartner");
    for (const months of [5, 13]) {
      const error = await refusal(saveQuotaApplication(db(), staff[0]!, target, plan({ internshipMonths: months }), IP));
      expect(String((error as { cause?: unknown }).cause ?? error)).toMatch(/unit_quota_internship/);
    }
    const error = await refusal(saveQuotaApplication(db(), staff[0]!, target, plan({ requestedTrainees: 0 }), IP));
    expect(String((error as { cause?: unknown }).cause ?? error)).toMatch(/unit_quota_requested/);
  });

  it("an unapproved unit may save a draft but not submit; a draft round takes nothing", async () => {
    const round = await makeOpenRound(db(), officer, programmeId);
    const { organisation, staff } = await makeUnit(db(), { approval: "pending" });
    const target = { roundId: round.id, organisationId: organisation.id };
    await saveQuotaApplication(db(), staff[0]!, { ...target, expectedVersion: null, submit: false }, plan(), IP);
    expect(await code(saveQuotaApplication(db(), staff[0]!, { ...target, expectedVersion: 1, submit: true }, plan(), IP))).toBe("organisationNotApproved");

    const { createRound } = await import("../../app/placement/rounds.server");
    const { roundInput } = await import("./world");
    const draftRound = await createRound(db(), officer, roundInput(programmeId), IP);
    const approved = await makeUnit(db());
    expect(await code(saveQuotaApplication(db(), approved.staff[0]!, { roundId: draftRound.id, organisationId: approved.organisation.id, expectedVersion: null, submit: false }, plan(), IP))).toBe("roundNotOpen");
  });

  it("only the unit's own staff write it or read it: other units' staff, talents and recruiters are refused", async () => {
    const round = await makeOpenRound(db(), officer, programmeId);
    const mine = await makeUnit(db());
    const other = await makeUnit(db());
    const submitted = await submitPlan(db(), mine.staff[0]!, round.id, mine.organisation.id);
    const talent = await makePerson(db(), ["talent"]);
    const recruiter = await makePerson(db(), ["company_recruiter"]);
    const reviewer = await makePerson(db(), ["reviewer"]);
    for (const outsider of [other.staff[0]!, talent, recruiter, reviewer, officer]) {
      const target = { roundId: round.id, organisationId: mine.organisation.id, expectedVersion: submitted.version, submit: true };
      expect(await code(saveQuotaApplication(db(), outsider, target, plan(), IP)), outsider.roles.join()).toBe("notMember");
    }
    for (const outsider of [other.staff[0]!, talent, recruiter, reviewer]) {
      expect(await getQuotaApplicationFor(db(), outsider, submitted.id), outsider.roles.join()).toBeNull();
    }
    expect((await getQuotaApplicationFor(db(), mine.staff[0]!, submitted.id))?.application.id).toBe(submitted.id);
    expect((await getQuotaApplicationFor(db(), officer, submitted.id))?.partners).toHaveLength(1);
    // The office's steps are the office's alone.
    for (const outsider of [mine.staff[0]!, talent, recruiter, reviewer]) {
      expect(await code(markDocumentsComplete(db(), outsider, submitted.id, submitted.version, IP))).toBe("notOffice");
      expect(await code(returnQuotaApplication(db(), outsider, submitted.id, submitted.version, "x", links, IP))).toBe("notOffice");
      expect(await code(allocateQuota(db(), outsider, submitted.id, 1, IP))).toBe("notOffice");
      expect(await code(publishAllocations(db(), outsider, round.id, links, IP))).toBe("notOffice");
      expect(await code(assignReviewer(db(), outsider, submitted.id, reviewer.id, IP))).toBe("notOffice");
    }
  });
});

describe("stage 1: the document check", () => {
  it("a return needs a reason; the unit is mailed it, fixes the plan and resubmits before the deadline", async () => {
    const round = await makeOpenRound(db(), officer, programmeId);
    const { organisation, staff } = await makeUnit(db(), { staff: 2 });
    const submitted = await submitPlan(db(), staff[0]!, round.id, organisation.id);
    expect(await code(returnQuotaApplication(db(), officer, submitted.id, submitted.version, "   ", links, IP))).toBe("reasonRequired");

    const returned = await returnQuotaApplication(db(), officer, submitted.id, submitted.version, "請補實習合約。", links, IP);
    expect(returned).toMatchObject({ status: "returned", returnedReason: "請補實習合約。" });
    for (const person of staff) {
      const [mail] = await mailTo(db(), person.email);
      expect(mail?.textBody).toContain("請補實習合約。");
      expect(mail?.textBody).toContain(`http://portal.test/unit/rounds/${round.id}?unit=${organisation.id}`);
    }
    const entries = await unitEntriesFor(db(), staff[1]!, round.id);
    expect(entries[0]?.application).toMatchObject({ status: "returned", returnedReason: "請補實習合約。" });

    // The office acts on what it saw: a second decision on the same version is stale.
    expect(await code(markDocumentsComplete(db(), officer, submitted.id, submitted.version, IP))).toBe("stale");
    expect(await code(markDocumentsComplete(db(), officer, submitted.id, returned.version, IP))).toBe("notSubmitted");

    const resubmitted = await saveQuotaApplication(db(), staff[1]!, { roundId: round.id, organisationId: organisation.id, expectedVersion: returned.version, submit: true }, plan({ internshipMonths: 8 }), IP);
    expect(resubmitted).toMatchObject({ status: "submitted", internshipMonths: 8 });
    const complete = await markDocumentsComplete(db(), officer, resubmitted.id, resubmitted.version, IP);
    expect(complete.status).toBe("documents_complete");
  });

  it("a returned plan cannot be resubmitted after the deadline", async () => {
    const round = await makeOpenRound(db(), officer, programmeId);
    const { organisation, staff } = await makeUnit(db());
    const submitted = await submitPlan(db(), staff[0]!, round.id, organisation.id);
    const returned = await returnQuotaApplication(db(), officer, submitted.id, submitted.version, "缺課程表", links, IP);
    const late = new Date(round.unitApplicationsCloseAt.getTime() + 60_000);
    const error = await refusal(saveQuotaApplication(db(), staff[0]!, { roundId: round.id, organisationId: organisation.id, expectedVersion: returned.version, submit: true }, plan(), IP, late));
    expect(error).toMatchObject({ deadline: "unitApplications" });
    expect((await applicationRow(db(), submitted.id)).status).toBe("returned");
  });
});

describe("stage 2: the panel's review", () => {
  it("only reviewers are assigned, only to complete plans, once each", async () => {
    const round = await makeOpenRound(db(), officer, programmeId);
    const { organisation, staff } = await makeUnit(db());
    const submitted = await submitPlan(db(), staff[0]!, round.id, organisation.id);
    const reviewer = await makePerson(db(), ["reviewer"]);
    expect(await code(assignReviewer(db(), officer, submitted.id, reviewer.id, IP))).toBe("notDocumentsComplete");
    await markDocumentsComplete(db(), officer, submitted.id, submitted.version, IP);
    const mentor = await makePerson(db(), ["mentor"]);
    expect(await code(assignReviewer(db(), officer, submitted.id, mentor.id, IP))).toBe("notReviewer");
    await assignReviewer(db(), officer, submitted.id, reviewer.id, IP);
    expect(await code(assignReviewer(db(), officer, submitted.id, reviewer.id, IP))).toBe("alreadyAssigned");
  });

  it("a reviewer sees only their own assignments", async () => {
    const { round, application: a } = await completePlan();
    const unitB = await makeUnit(db());
    const b0 = await submitPlan(db(), unitB.staff[0]!, round.id, unitB.organisation.id);
    const b = await markDocumentsComplete(db(), officer, b0.id, b0.version, IP);
    const first = await makePerson(db(), ["reviewer"]);
    const second = await makePerson(db(), ["reviewer"]);
    const mine = await assignReviewer(db(), officer, a.id, first.id, IP);
    const theirs = await assignReviewer(db(), officer, b.id, second.id, IP);

    const own = await listOwnAssignments(db(), first, { limit: 50, offset: 0 });
    expect(own.rows.map((r) => r.applicationId)).toEqual([a.id]);
    const visible = await db().select({ id: t.unitQuotaApplications.id }).from(t.unitQuotaApplications).where(and(eq(t.unitQuotaApplications.roundId, round.id), unitApplicationScope(first)));
    expect(visible.map((r) => r.id)).toEqual([a.id]);
    expect(await getQuotaApplicationFor(db(), first, b.id)).toBeNull();
    expect(await getOwnAssignment(db(), first, theirs.id)).toBeNull();
    expect((await getOwnAssignment(db(), first, mine.id))?.criteria.map((c) => c.key)).toEqual(["plan", "internship"]);
    expect(await code(submitReview(db(), first, theirs.id, { scores: { plan: 5, internship: 3 }, comment: "" }, IP))).toBe("notAssigned");
    expect(await code(declareConflict(db(), first, theirs.id, "", IP))).toBe("notAssigned");
  });

  it("scores every criterion within 0..max, until the review closes; revisions replace the scores", async () => {
    const { round, application } = await completePlan();
    const reviewer = await makePerson(db(), ["reviewer"]);
    const assignment = await assignReviewer(db(), officer, application.id, reviewer.id, IP);
    const scored = (scores: Record<string, number>, now?: Date) => submitReview(db(), reviewer, assignment.id, { scores, comment: "計畫完整" }, IP, now);
    expect(await refusal(scored({ plan: 11, internship: 3 }))).toMatchObject({ code: "scoreOutOfRange", detail: "plan" });
    expect(await refusal(scored({ plan: 5, internship: -1 }))).toMatchObject({ code: "scoreOutOfRange", detail: "internship" });
    expect(await refusal(scored({ plan: 5, internship: 2.5 }))).toMatchObject({ code: "scoreOutOfRange", detail: "internship" });
    expect(await refusal(scored({ plan: 5 }))).toMatchObject({ code: "missingScore", detail: "internship" });
    expect(await refusal(scored({ plan: 5, internship: 3, impact: 1 }))).toMatchObject({ code: "unknownCriterion", detail: "impact" });
    expect(await db().select().from(t.reviewScores).where(eq(t.reviewScores.assignmentId, assignment.id))).toEqual([]);

    await scored({ plan: 10, internship: 0 });
    await scored({ plan: 8, internship: 5 });
    const [review] = await reviewsOf(db(), application.id);
    expect(review).toMatchObject({ scores: { plan: 8, internship: 5 }, assignment: { comment: "計畫完整", conflictDeclared: false } });

    const late = new Date(round.reviewCloseAt.getTime() + 1);
    expect(await refusal(scored({ plan: 1, internship: 1 }, late))).toMatchObject({ deadline: "review" });
  });

  it("a reviewer who declares a conflict of interest cannot score, and their scores are dropped", async () => {
    const { application } = await completePlan();
    const reviewer = await makePerson(db(), ["reviewer"]);
    const assignment = await assignReviewer(db(), officer, application.id, reviewer.id, IP);
    await submitReview(db(), reviewer, assignment.id, { scores: { plan: 9, internship: 4 }, comment: "" }, IP);
    await declareConflict(db(), reviewer, assignment.id, "曾任該單位顧問", IP);
    expect(await code(submitReview(db(), reviewer, assignment.id, { scores: { plan: 9, internship: 4 }, comment: "" }, IP))).toBe("conflictDeclared");
    expect(await code(declareConflict(db(), reviewer, assignment.id, "", IP))).toBe("conflictDeclared");
    const [review] = await reviewsOf(db(), application.id);
    expect(review).toMatchObject({ scores: {}, assignment: { conflictDeclared: true, conflictNote: "曾任該單位顧問", submittedAt: null } });
  });

  it("the weighted total averages the reviewers who scored, leaving out conflicts and pending ones", async () => {
    const { round, application } = await completePlan();
    const [r1, r2, r3, r4] = await Promise.all([1, 2, 3, 4].map(() => makePerson(db(), ["reviewer"])));
    const [a1, a2, a3] = [await assignReviewer(db(), officer, application.id, r1!.id, IP), await assignReviewer(db(), officer, application.id, r2!.id, IP), await assignReviewer(db(), officer, application.id, r3!.id, IP)];
    await assignReviewer(db(), officer, application.id, r4!.id, IP);
    // plan weighs 60 (out of 10), internship 40 (out of 5).
    await submitReview(db(), r1!, a1.id, { scores: { plan: 10, internship: 5 }, comment: "" }, IP); // 100
    await submitReview(db(), r2!, a2.id, { scores: { plan: 5, internship: 0 }, comment: "" }, IP); // 30
    await declareConflict(db(), r3!, a3.id, "", IP);
    const totals = await totalsForRound(db(), round.id);
    expect(totals.get(application.id)).toEqual({ total: 65, scoredBy: 2, conflicts: 1, pending: 1 });
  });
});

describe("review totals (pure)", () => {
  const criteria = [{ key: "a", weight: 3, maxScore: 10 }, { key: "b", weight: 1, maxScore: 4 }];
  it("counts each criterion by its weight as a share of its maximum, out of 100", () => {
    expect(reviewerTotal(criteria, { a: 10, b: 4 })).toBe(100);
    expect(reviewerTotal(criteria, { a: 5, b: 0 })).toBe(37.5);
    expect(reviewerTotal(criteria, { a: 5 })).toBeNull();
    expect(weightedTotal(criteria, [])).toEqual({ total: null, scoredBy: 0, conflicts: 0, pending: 0 });
  });
});

describe("stage 3: allocations and their publication", () => {
  it("never more than the round's total quota; changing an allocation replaces it", async () => {
    const { round, application: a } = await completePlan({ totalQuota: 10 });
    const unitB = await makeUnit(db());
    const b0 = await submitPlan(db(), unitB.staff[0]!, round.id, unitB.organisation.id);
    const b = await markDocumentsComplete(db(), officer, b0.id, b0.version, IP);
    await allocateQuota(db(), officer, a.id, 7, IP);
    expect(await refusal(allocateQuota(db(), officer, b.id, 4, IP))).toMatchObject({ code: "overTotalQuota", detail: "3" });
    await allocateQuota(db(), officer, b.id, 3, IP);
    await allocateQuota(db(), officer, a.id, 5, IP);
    expect(await refusal(allocateQuota(db(), officer, a.id, 8, IP))).toMatchObject({ code: "overTotalQuota", detail: "7" });
    expect(await code(allocateQuota(db(), officer, a.id, -1, IP))).toBe("invalidQuota");
    expect((await listRoundApplications(db(), round.id, { limit: 50, offset: 0 })).allocated).toBe(8);
  });

  it("two allocations recorded at once that together exceed the total: one is refused", async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const { round, application: a } = await completePlan({ totalQuota: 10 });
      const unitB = await makeUnit(db());
      const b0 = await submitPlan(db(), unitB.staff[0]!, round.id, unitB.organisation.id);
      const b = await markDocumentsComplete(db(), officer, b0.id, b0.version, IP);
      const secondOfficer = await makePerson(db(), ["programme_officer"]);
      const results = await Promise.allSettled([allocateQuota(db(), officer, a.id, 6, IP), allocateQuota(db(), secondOfficer, b.id, 6, IP)]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => (r.reason as QuotaRuleError).code)).toEqual(["overTotalQuota"]);
      expect((await listRoundApplications(db(), round.id, { limit: 50, offset: 0 })).allocated).toBe(6);
    }
  });

  it("only complete plans get a quota, and only before trainee registration opens", async () => {
    const round = await makeOpenRound(db(), officer, programmeId);
    const { organisation, staff } = await makeUnit(db());
    const submitted = await submitPlan(db(), staff[0]!, round.id, organisation.id);
    expect(await code(allocateQuota(db(), officer, submitted.id, 1, IP))).toBe("notDocumentsComplete");
    const complete = await markDocumentsComplete(db(), officer, submitted.id, submitted.version, IP);
    const late = new Date(round.registrationOpenAt.getTime() + DAY);
    expect(await refusal(allocateQuota(db(), officer, complete.id, 1, IP, late))).toMatchObject({ deadline: "registrationOpens" });
  });

  it("publication waits for every document check and allocation, mails the units, and settles every allocation for good", async () => {
    const round = await makeOpenRound(db(), officer, programmeId);
    const unitA = await makeUnit(db(), { staff: 2 });
    const unitB = await makeUnit(db());
    const unitC = await makeUnit(db());
    const a0 = await submitPlan(db(), unitA.staff[0]!, round.id, unitA.organisation.id);
    const b0 = await submitPlan(db(), unitB.staff[0]!, round.id, unitB.organisation.id, { focus: "healthcare_management" });
    const c0 = await submitPlan(db(), unitC.staff[0]!, round.id, unitC.organisation.id);
    expect(await code(publishAllocations(db(), officer, round.id, links, IP))).toBe("pendingDocumentCheck");
    const a = await markDocumentsComplete(db(), officer, a0.id, a0.version, IP);
    const b = await markDocumentsComplete(db(), officer, b0.id, b0.version, IP);
    await returnQuotaApplication(db(), officer, c0.id, c0.version, "文件不全", links, IP);
    await allocateQuota(db(), officer, a.id, 4, IP);
    expect(await code(publishAllocations(db(), officer, round.id, links, IP))).toBe("allocationMissing");
    await allocateQuota(db(), officer, b.id, 0, IP);

    // Before publication a unit does not see the number the meeting is weighing.
    expect((await unitEntriesFor(db(), unitA.staff[0]!, round.id))[0]?.application?.allocatedQuota).toBeNull();
    expect(await listPublishedAllocations(db(), round.id)).toEqual([]);

    await expect(publishAllocations(db(), officer, round.id, links, IP)).resolves.toEqual({ published: 2 });
    expect((await applicationRow(db(), a.id)).status).toBe("allocated");
    expect((await applicationRow(db(), b.id)).status).toBe("not_allocated");
    expect((await applicationRow(db(), c0.id)).status).toBe("returned");
    expect((await unitEntriesFor(db(), unitA.staff[1]!, round.id))[0]?.application?.allocatedQuota).toBe(4);
    expect((await listPublishedAllocations(db(), round.id)).map((r) => [r.unitOrganisationId, r.focus, r.allocatedQuota])).toEqual([[unitA.organisation.id, "drugs", 4]]);
    for (const person of unitA.staff) expect((await mailTo(db(), person.email)).at(-1)?.textBody).toContain("4 PhD trainee places");
    expect((await mailTo(db(), unitB.staff[0]!.email)).at(-1)?.textBody).toContain("not been allocated");

    // Published allocations are immutable, and nothing is reviewed or published again.
    expect(await code(allocateQuota(db(), officer, a.id, 2, IP))).toBe("resultsPublished");
    expect(await code(allocateQuota(db(), officer, b.id, 1, IP))).toBe("resultsPublished");
    expect(await code(publishAllocations(db(), officer, round.id, links, IP))).toBe("resultsPublished");
    expect(await code(saveQuotaApplication(db(), unitC.staff[0]!, { roundId: round.id, organisationId: unitC.organisation.id, expectedVersion: 2, submit: true }, plan(), IP))).toBe("resultsPublished");
    const reviewer = await makePerson(db(), ["reviewer"]);
    const assignment = await db().insert(t.reviewAssignments).values({ quotaApplicationId: a.id, reviewerUserId: reviewer.id }).returning();
    expect(await code(submitReview(db(), reviewer, assignment[0]!.id, { scores: { plan: 1, internship: 1 }, comment: "" }, IP))).toBe("resultsPublished");
  });
});
