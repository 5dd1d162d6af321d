// PhD programme rounds on the real database: the calendar's order (refused by the domain and by the
// placement_rounds_calendar check), deadlines that name themselves when passed, phases, drafts that
// only the office edits and opens, one round per programme and year.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import type { Viewer } from "../../app/auth/session.server";
import { i18nFor } from "../../app/i18n/resources";
import {
  assertBefore, calendarOrderProblems, currentPhase, DeadlinePassedError, deadlineKeys, deadlinesOf, describeDeadlinePassed, fromTaipeiLocal, hasPassed, toTaipeiLocal,
} from "../../app/placement/calendar";
import { filledCriteria, roundSchema } from "../../app/placement/round-schema";
import { createRound, criteriaOf, getOpenedRoundByYear, getRound, lockRound, openRound, RoundRuleError, updateRound } from "../../app/placement/rounds.server";
import { useDatabase } from "../auth/support";
import { DAY, IP, makePerson, makeProgramme, makeUnit, roundInput } from "./world";

const db = useDatabase();
let officer: Viewer;
let programmeId: string;

beforeAll(async () => {
  officer = await makePerson(db(), ["programme_officer"]);
  programmeId = (await makeProgramme(db())).id;
});

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
};

describe("the calendar (pure)", () => {
  const round = roundInput("p", 0);

  it("lists the nine dates in the programme's order", () => {
    expect(deadlinesOf(round).map((d) => d.key)).toEqual([...deadlineKeys]);
    expect(deadlinesOf(round).map((d) => d.labelKey)[0]).toBe("placement.calendar.unitApplications");
    expect(calendarOrderProblems(round)).toEqual([]);
  });

  it("names each date that comes before the one above it", () => {
    const wrong = { ...round, matchAt: new Date(round.interviewsCloseAt.getTime() - DAY) };
    expect(calendarOrderProblems(wrong)).toEqual([{ key: "match", column: "matchAt", after: "unitRanking" }]);
    const equal = { ...round, reviewCloseAt: round.unitApplicationsCloseAt };
    expect(calendarOrderProblems(equal)).toEqual([]);
  });

  it("assertBefore lets a write through until the deadline, then names the deadline and when it passed", () => {
    const closes = round.unitApplicationsCloseAt;
    expect(() => assertBefore(round, "unitApplications", new Date(closes.getTime() - 1))).not.toThrow();
    const error = (() => {
      try {
        assertBefore(round, "unitApplications", closes);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DeadlinePassedError);
    expect((error as DeadlinePassedError).deadline).toBe("unitApplications");
    expect((error as DeadlinePassedError).at.getTime()).toBe(closes.getTime());
    expect((error as DeadlinePassedError).message).toContain("unit quota applications close");
    expect((error as DeadlinePassedError).message).toContain("Taipei time");
  });

  it("says which deadline passed, and when in Taipei time, in both languages", () => {
    const error = new DeadlinePassedError("review", new Date("2027-03-01T09:00:00Z"));
    const zh = describeDeadlinePassed(error, i18nFor("zh-TW").t, "zh-TW");
    const en = describeDeadlinePassed(error, i18nFor("en").t, "en");
    expect(zh).toContain("員額審查截止");
    expect(zh).toContain("下午5:00");
    expect(zh).toContain("臺北時間");
    expect(en).toContain("Review closes");
    expect(en).toContain("17:00");
    expect(en).toContain("Taipei time");
  });

  it("knows the phase from the dates, and drafts and closed rounds from their status", () => {
    const before = (key: (typeof deadlineKeys)[number]) => new Date(deadlinesOf(round).find((d) => d.key === key)!.at.getTime() - 1);
    expect(currentPhase({ ...round, status: "draft" }, before("unitApplications"))).toBe("draft");
    expect(currentPhase({ ...round, status: "open" }, before("unitApplications"))).toBe("unitApplications");
    expect(currentPhase(round, before("review"))).toBe("review");
    expect(currentPhase(round, before("registrationOpens"))).toBe("allocation");
    expect(currentPhase(round, before("preferences"))).toBe("registration");
    expect(currentPhase(round, before("unitRanking"))).toBe("unitRanking");
    expect(currentPhase(round, before("publication"))).toBe("verification");
    expect(currentPhase(round, before("checkIn"))).toBe("checkIn");
    expect(currentPhase(round, new Date(round.checkInCloseAt.getTime() + DAY))).toBe("training");
    expect(currentPhase({ ...round, status: "closed" }, before("review"))).toBe("closed");
    expect(hasPassed(round, "review", round.reviewCloseAt)).toBe(true);
  });

  it("reads and writes form values in Taipei time, refusing dates that do not exist", () => {
    expect(fromTaipeiLocal("2027-03-01T17:00")?.toISOString()).toBe("2027-03-01T09:00:00.000Z");
    expect(toTaipeiLocal(new Date("2027-03-01T09:00:00Z"))).toBe("2027-03-01T17:00");
    expect(toTaipeiLocal("2027-02-28T20:30:00Z")).toBe("2027-03-01T04:30");
    for (const bad of ["2027-02-30T10:00", "2027-03-01", "2027-03-01T25:00", "", "tomorrow"]) expect(fromTaipeiLocal(bad), bad).toBeNull();
  });
});

describe("the round form", () => {
  const form = (overrides: Record<string, unknown> = {}) => ({
    programmeId: "00000000-0000-4000-8000-000000000000", year: 2027, titleZh: "梯次", titleEn: "Round", monthlyStipendNtd: 56650, maxPreferences: 5, totalQuota: 100,
    unitApplicationsCloseAt: "2027-01-10T17:00", reviewCloseAt: "2027-02-10T17:00", registrationOpenAt: "2027-03-01T09:00", preferencesCloseAt: "2027-03-31T17:00",
    interviewsCloseAt: "2027-04-30T17:00", unitRankingCloseAt: "2027-05-10T17:00", matchAt: "2027-05-15T10:00", publishAt: "2027-05-20T10:00", checkInCloseAt: "2027-06-30T17:00",
    trainingStartsOn: "2027-07-01", criteria: [{ key: "plan", labelZh: "計畫", labelEn: "Plan", weight: 1, maxScore: 10 }, {}],
    ...overrides,
  });

  it("turns Taipei times into instants and skips empty criterion rows", () => {
    const parsed = roundSchema.parse(form());
    expect(parsed.unitApplicationsCloseAt.toISOString()).toBe("2027-01-10T09:00:00.000Z");
    expect(filledCriteria(parsed.criteria)).toEqual([{ key: "plan", labelZh: "計畫", labelEn: "Plan", weight: 1, maxScore: 10 }]);
  });

  it("puts an out-of-order date's error beside that date", () => {
    const result = roundSchema.safeParse(form({ reviewCloseAt: "2027-01-09T17:00" }));
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["reviewCloseAt", "placement.validation.calendarOrder"]]);
  });

  it("wants at least one criterion, complete rows and each key once", () => {
    const issues = (overrides: Record<string, unknown>) => roundSchema.safeParse(form(overrides)).error?.issues.map((i) => `${i.path.join(".")} ${i.message}`);
    expect(issues({ criteria: [] })).toEqual(["criteria placement.validation.noCriteria"]);
    expect(issues({ criteria: [{ key: "plan", labelZh: "計畫", labelEn: "Plan", weight: 1 }] })).toEqual(["criteria.0.maxScore placement.validation.criterionIncomplete"]);
    expect(issues({ criteria: [{ key: "plan", labelZh: "a", labelEn: "a", weight: 1, maxScore: 5 }, { key: "plan", labelZh: "b", labelEn: "b", weight: 1, maxScore: 5 }] })).toEqual([
      "criteria.1.key placement.validation.criterionTwice",
    ]);
  });
});

describe("rounds", () => {
  it("the office creates a draft with its calendar, stipend, preferences, total quota and criteria", async () => {
    const input = roundInput(programmeId);
    const round = await createRound(db(), officer, input, IP);
    expect(round).toMatchObject({ status: "draft", monthlyStipendNtd: 56_650, maxPreferences: 5, totalQuota: 10, year: input.year });
    expect(round.unitApplicationsCloseAt.getTime()).toBe(input.unitApplicationsCloseAt.getTime());
    expect((await criteriaOf(db(), round.id)).map((c) => [c.key, c.weight, c.maxScore])).toEqual([["plan", 60, 10], ["internship", 40, 5]]);
    const view = await getRound(db(), round.id);
    expect(view?.programme.id).toBe(programmeId);
  });

  it("refuses a calendar out of order, naming the date, and the database refuses it too", async () => {
    const input = roundInput(programmeId);
    const error = await refusal(createRound(db(), officer, { ...input, publishAt: new Date(input.matchAt.getTime() - 1000) }, IP));
    expect(error).toBeInstanceOf(RoundRuleError);
    expect(error).toMatchObject({ code: "calendarOrder", deadline: "publication" });

    const direct = await refusal(db().insert(t.placementRounds).values({ ...input, trainingStartsOn: input.trainingStartsOn, matchAt: new Date(input.unitRankingCloseAt.getTime() - 1000) }));
    expect(String((direct as { cause?: unknown }).cause ?? direct)).toMatch(/placement_rounds_calendar/);
  });

  it("refuses training that starts before the admitted list is published", async () => {
    const input = roundInput(programmeId);
    expect(await refusal(createRound(db(), officer, { ...input, trainingStartsOn: "2001-01-01" }, IP))).toMatchObject({ code: "trainingBeforePublication" });
  });

  it("one round per programme and year; only programmes of the PhD type", async () => {
    const input = roundInput(programmeId);
    await createRound(db(), officer, input, IP);
    expect(await refusal(createRound(db(), officer, { ...roundInput(programmeId), year: input.year }, IP))).toMatchObject({ code: "yearTaken" });
    const [spark] = await db().select().from(t.programmes).where(eq(t.programmes.type, "spark_course")).limit(1);
    expect(await refusal(createRound(db(), officer, roundInput(spark!.id), IP))).toMatchObject({ code: "notPhdProgramme" });
  });

  it("only the office creates, edits and opens rounds", async () => {
    const { staff } = await makeUnit(db());
    const round = await createRound(db(), officer, roundInput(programmeId), IP);
    for (const viewer of [staff[0]!, await makePerson(db(), ["talent"]), await makePerson(db(), ["company_recruiter"]), await makePerson(db(), ["reviewer"])]) {
      expect(await refusal(createRound(db(), viewer, roundInput(programmeId), IP)), viewer.roles.join()).toMatchObject({ code: "notOffice" });
      expect(await refusal(updateRound(db(), viewer, round.id, roundInput(programmeId), IP))).toMatchObject({ code: "notOffice" });
      expect(await refusal(openRound(db(), viewer, round.id, IP))).toMatchObject({ code: "notOffice" });
    }
    const admin = await makePerson(db(), ["admin"]);
    await expect(openRound(db(), admin, round.id, IP)).resolves.toMatchObject({ status: "open" });
  });

  it("edits are allowed while a draft, criteria replaced; once open, nothing changes", async () => {
    const input = roundInput(programmeId);
    const round = await createRound(db(), officer, input, IP);
    const edited = await updateRound(db(), officer, round.id, { ...input, totalQuota: 25, monthlyStipendNtd: 60_000, criteria: [{ key: "impact", labelZh: "影響", labelEn: "Impact", weight: 1, maxScore: 4 }] }, IP);
    expect(edited).toMatchObject({ totalQuota: 25, monthlyStipendNtd: 60_000, status: "draft" });
    expect((await criteriaOf(db(), round.id)).map((c) => c.key)).toEqual(["impact"]);
    await openRound(db(), officer, round.id, IP);
    expect(await refusal(updateRound(db(), officer, round.id, input, IP))).toMatchObject({ code: "notDraft" });
    expect(await refusal(openRound(db(), officer, round.id, IP))).toMatchObject({ code: "notDraft" });
  });

  it("a round cannot be opened once its unit-application deadline has passed", async () => {
    const round = await createRound(db(), officer, roundInput(programmeId), IP);
    const late = new Date(round.unitApplicationsCloseAt.getTime() + 1);
    const error = await refusal(openRound(db(), officer, round.id, IP, late));
    expect(error).toBeInstanceOf(DeadlinePassedError);
    expect(error).toMatchObject({ deadline: "unitApplications" });
    expect((await getRound(db(), round.id))?.round.status).toBe("draft");
  });

  it("lockRound refuses unknown ids; the public year lookup skips drafts", async () => {
    await expect(db().transaction((tx) => lockRound(tx, "00000000-0000-4000-8000-000000000000", "share"))).rejects.toMatchObject({ code: "notFound" });
    await expect(db().transaction((tx) => lockRound(tx, "not-a-uuid", "update"))).rejects.toMatchObject({ code: "notFound" });
    const input = roundInput(programmeId, 10, { year: 2999 });
    const round = await createRound(db(), officer, input, IP);
    expect(await getOpenedRoundByYear(db(), 2999)).toBeNull();
    await openRound(db(), officer, round.id, IP);
    expect((await getOpenedRoundByYear(db(), 2999))?.round.id).toBe(round.id);
  });
});
