// Placements after the match, on the real database: check-in before the deadline, the training period
// (at most a year, in the domain and in the database), internships (under 6 months flagged), the
// common course's hours, the stipend schedule worked out by hand, completion only after check-in, and
// the unit's and the office's views.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { DeadlinePassedError } from "~/placement/calendar";
import { publishRun, runMatch } from "~/placement/match-runs.server";
import { addInternship, checkIn, completePlacement, listPlacements, logCourseHours, placementTotals, progressOf, setTrainingPeriod } from "~/placement/placements.server";
import { internshipMonths, internshipTooShort, periodProblem, stipendSchedule } from "~/placement/training-period";
import { useDatabase } from "../auth/support";
import { IP, links, makeMatchWorld, placementOf, type Instance } from "./match-world";

const db = useDatabase();

const two: Instance = { units: { U: 2, V: 1 }, applicants: { a: ["U"], b: ["U"], c: ["V"] }, rankings: { U: ["a", "b"], V: ["c"] } };

async function admitted() {
  const world = await makeMatchWorld(db(), two);
  const run = await runMatch(db(), world.officer, world.round.id, IP);
  await publishRun(db(), world.officer, run.id, links, IP);
  const placement = async (who: string) => (await placementOf(db(), world, who))!;
  return { world, placement };
}

async function refusal(statement: PromiseLike<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    const messages: string[] = [];
    for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) messages.push(String((e as Error).message));
    return messages.join(" | ");
  }
  return "not refused";
}

describe("the stipend schedule", () => {
  it("pays the monthly stipend for each month of a one-year period: 12 × NT$56,650", () => {
    const { instalments, total } = stipendSchedule("2027-01-01", "2027-12-31", 56_650);
    expect(instalments).toHaveLength(12);
    expect(instalments[0]).toEqual({ month: 1, from: "2027-01-01", to: "2027-01-31", amount: 56_650, partial: false });
    expect(instalments[11]).toEqual({ month: 12, from: "2027-12-01", to: "2027-12-31", amount: 56_650, partial: false });
    expect(total).toBe(679_800);
  });

  it("counts months from the start date and pays a last part month by its days", () => {
    // 15 Jan – 14 Feb and 15 Feb – 14 Mar are whole; 15 – 31 Mar is 17 of the 31 days of 15 Mar – 14 Apr.
    const { instalments, total } = stipendSchedule("2027-01-15", "2027-03-31", 56_650);
    expect(instalments.map((i) => [i.from, i.to, i.amount])).toEqual([
      ["2027-01-15", "2027-02-14", 56_650],
      ["2027-02-15", "2027-03-14", 56_650],
      ["2027-03-15", "2027-03-31", 31_066], // 56,650 × 17 / 31 = 31,066.13
    ]);
    expect(total).toBe(144_366);
  });

  it("keeps month ends: 31 January starts months on 28 February and 31 March", () => {
    const { instalments } = stipendSchedule("2027-01-31", "2027-04-29", 56_650);
    expect(instalments.map((i) => [i.from, i.to])).toEqual([
      ["2027-01-31", "2027-02-27"],
      ["2027-02-28", "2027-03-30"],
      ["2027-03-31", "2027-04-29"],
    ]);
    expect(instalments.every((i) => !i.partial)).toBe(true);
  });
});

describe("months of internship", () => {
  it("counts whole months and thirtieths, overlaps once, and flags anything under 6 months", () => {
    expect(internshipMonths([{ startsOn: "2027-01-01", endsOn: "2027-06-30" }])).toBe(6);
    expect(internshipMonths([{ startsOn: "2027-01-15", endsOn: "2027-07-14" }])).toBe(6);
    const short = internshipMonths([{ startsOn: "2027-01-01", endsOn: "2027-06-29" }]);
    expect(short).toBeCloseTo(5 + 29 / 30, 10);
    expect(internshipTooShort(short)).toBe(true);
    const split = [
      { startsOn: "2027-01-01", endsOn: "2027-03-31" },
      { startsOn: "2027-07-01", endsOn: "2027-09-30" },
    ];
    expect(internshipMonths(split)).toBe(6);
    expect(internshipTooShort(internshipMonths(split))).toBe(false);
    const overlapping = [
      { startsOn: "2027-01-01", endsOn: "2027-04-30" },
      { startsOn: "2027-03-01", endsOn: "2027-05-31" },
    ];
    expect(internshipMonths(overlapping)).toBe(5);
  });

  it("allows a period of one year at most", () => {
    expect(periodProblem("2027-01-01", "2027-12-31")).toBeNull();
    expect(periodProblem("2027-01-01", "2028-01-01")).toBe("periodOverAYear");
    expect(periodProblem("2027-02-01", "2027-01-31")).toBe("periodOrder");
  });
});

describe("a placement", () => {
  it("starts admitted for a one-year period from the round's training start", async () => {
    const { world, placement } = await admitted();
    const a = await placement("a");
    expect(a).toMatchObject({ status: "admitted", startsOn: world.round.trainingStartsOn });
    expect(periodProblem(a.startsOn!, a.endsOn!)).toBeNull();
    expect(stipendOf(a)).toBe(679_800);
  });

  it("is checked in by its trainee before the deadline; after it, check-in is refused naming the deadline", async () => {
    const { world, placement } = await admitted();
    const a = await placement("a");
    await expect(checkIn(db(), world.applicants.get("b")!.viewer, a.id, IP)).rejects.toMatchObject({ code: "notYours" });
    const late = new Date(a.checkInBy.getTime() + 1000);
    const error = await checkIn(db(), world.applicants.get("a")!.viewer, a.id, IP, late).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadlinePassedError);
    expect(error).toMatchObject({ deadline: "checkIn" });
    const saved = await checkIn(db(), world.applicants.get("a")!.viewer, a.id, IP);
    expect(saved.status).toBe("checked_in");
    await expect(checkIn(db(), world.applicants.get("a")!.viewer, a.id, IP)).rejects.toMatchObject({ code: "notAdmitted" });
  });

  it("has a training period of at most a year, refused by the domain and by the database", async () => {
    const { world, placement } = await admitted();
    const a = await placement("a");
    const staff = world.units.get("U")!.staff;
    await expect(setTrainingPeriod(db(), staff, a.id, { startsOn: "2031-01-01", endsOn: "2032-01-01" }, IP)).rejects.toMatchObject({ code: "periodOverAYear" });
    await expect(setTrainingPeriod(db(), staff, a.id, { startsOn: "2031-01-01", endsOn: "2030-12-31" }, IP)).rejects.toMatchObject({ code: "periodOrder" });
    await expect(setTrainingPeriod(db(), world.units.get("V")!.staff, a.id, { startsOn: "2031-01-01", endsOn: "2031-06-30" }, IP)).rejects.toMatchObject({ code: "notMember" });
    expect(await refusal(db().update(t.placements).set({ startsOn: "2031-01-01", endsOn: "2032-01-02" }).where(eq(t.placements.id, a.id)))).toMatch(/placements_at_most_a_year/);
    const saved = await setTrainingPeriod(db(), staff, a.id, { startsOn: "2031-02-01", endsOn: "2031-07-31" }, IP);
    expect(saved).toMatchObject({ startsOn: "2031-02-01", endsOn: "2031-07-31" });
    expect(stipendOf(saved)).toBe(6 * 56_650);
    await setTrainingPeriod(db(), world.officer, a.id, { startsOn: "2031-01-01", endsOn: "2031-12-31" }, IP);
  });

  it("records internships within the period and flags a total under 6 months", async () => {
    const { world, placement } = await admitted();
    const a = await placement("a");
    const staff = world.units.get("U")!.staff;
    await setTrainingPeriod(db(), staff, a.id, { startsOn: "2031-01-01", endsOn: "2031-12-31" }, IP);
    await expect(addInternship(db(), staff, a.id, { partnerName: "示範生技", isMedicalCentre: false, startsOn: "2030-12-01", endsOn: "2031-03-31" }, IP)).rejects.toMatchObject({ code: "internshipOutsidePeriod" });
    await expect(addInternship(db(), staff, a.id, { partnerName: "示範生技", isMedicalCentre: false, startsOn: "2031-03-01", endsOn: "2031-03-01" }, IP)).rejects.toMatchObject({ code: "internshipDates" });
    await addInternship(db(), staff, a.id, { partnerName: "示範生技", isMedicalCentre: false, startsOn: "2031-02-01", endsOn: "2031-04-30" }, IP);
    await addInternship(db(), staff, a.id, { partnerName: "示範醫學中心", isMedicalCentre: true, startsOn: "2031-06-01", endsOn: "2031-07-31" }, IP);
    let progress = (await progressOf(db(), [a.id])).get(a.id)!;
    expect(progress.internshipMonths).toBe(5);
    expect(progress.internshipTooShort).toBe(true);
    await addInternship(db(), staff, a.id, { partnerName: "示範醫學中心", isMedicalCentre: true, startsOn: "2031-08-01", endsOn: "2031-08-31" }, IP);
    progress = (await progressOf(db(), [a.id])).get(a.id)!;
    expect(progress.internshipMonths).toBe(6);
    expect(progress.internshipTooShort).toBe(false);
    await expect(setTrainingPeriod(db(), staff, a.id, { startsOn: "2031-03-01", endsOn: "2031-12-31" }, IP)).rejects.toMatchObject({ code: "internshipOutsidePeriod" });
  });

  it("logs the office's common-course hours toward 24", async () => {
    const { world, placement } = await admitted();
    const a = await placement("a");
    await expect(logCourseHours(db(), world.units.get("U")!.staff, a.id, { attendedOn: "2031-01-10", hours: 3, topic: "法規" }, IP)).rejects.toMatchObject({ code: "notOffice" });
    await expect(logCourseHours(db(), world.officer, a.id, { attendedOn: "2031-01-10", hours: 9, topic: "法規" }, IP)).rejects.toMatchObject({ code: "invalidHours" });
    await expect(logCourseHours(db(), world.officer, a.id, { attendedOn: "2031-01-10", hours: 1.2, topic: "法規" }, IP)).rejects.toMatchObject({ code: "invalidHours" });
    for (const hours of [8, 8, 6.5]) await logCourseHours(db(), world.officer, a.id, { attendedOn: "2031-01-10", hours, topic: "創投經驗分享" }, IP);
    expect((await progressOf(db(), [a.id])).get(a.id)!.courseHours).toBe(22.5);
  });

  it("completes only after check-in, recorded by the unit or the office", async () => {
    const { world, placement } = await admitted();
    const a = await placement("a");
    await expect(completePlacement(db(), world.units.get("U")!.staff, a.id, IP)).rejects.toMatchObject({ code: "notCheckedIn" });
    expect(await refusal(db().update(t.placements).set({ status: "completed", completedAt: new Date() }).where(eq(t.placements.id, a.id)))).toMatch(/placements_checked_in/);
    await checkIn(db(), world.applicants.get("a")!.viewer, a.id, IP);
    await expect(completePlacement(db(), world.applicants.get("a")!.viewer, a.id, IP)).rejects.toMatchObject({ code: "notMember" });
    expect(await completePlacement(db(), world.units.get("U")!.staff, a.id, IP)).toMatchObject({ status: "completed" });
    const b = await placement("b");
    await checkIn(db(), world.applicants.get("b")!.viewer, b.id, IP);
    expect(await completePlacement(db(), world.officer, b.id, IP)).toMatchObject({ status: "completed" });
  });

  it("shows up in the unit's list and the office's totals", async () => {
    const { world, placement } = await admitted();
    const a = await placement("a");
    await checkIn(db(), world.applicants.get("a")!.viewer, a.id, IP);
    await addInternship(db(), world.officer, a.id, { partnerName: "示範生技", isMedicalCentre: false, startsOn: a.startsOn!, endsOn: addMonthsMinusDay(a.startsOn!, 3) }, IP);
    for (const hours of [8, 8, 8]) await logCourseHours(db(), world.officer, a.id, { attendedOn: a.startsOn!, hours, topic: "共通課程" }, IP);
    const unitU = await listPlacements(db(), world.round.id, { unitOrganisationId: world.units.get("U")!.organisationId, limit: 50, offset: 0 });
    expect(unitU.total).toBe(2);
    expect(unitU.rows.map((r) => world.label(r.placement.traineeApplicationId)).sort()).toEqual(["a", "b"]);
    const totals = await placementTotals(db(), world.round.id);
    expect(totals).toEqual({ byStatus: { admitted: 2, checked_in: 1 }, inTraining: 1, internshipsUnderSixMonths: 1, courseComplete: 1 });
  });
});

function stipendOf(p: { startsOn: string | null; endsOn: string | null }) {
  return stipendSchedule(p.startsOn!, p.endsOn!, 56_650).total;
}

function addMonthsMinusDay(date: string, months: number) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
