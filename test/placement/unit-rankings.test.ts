// A unit's side of the selection on the real database: who it sees, interviews (no overlap, within the
// deadline), and ranked lists of its own applicants at the version read.
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { DeadlinePassedError } from "../../app/placement/calendar";
import { submitPreferences, withdrawTraineeApplication } from "../../app/placement/trainee-applications.server";
import { RankingRuleError } from "../../app/placement/trainee-rules";
import { listUnitApplicants, scheduleInterview, setInterviewStatus, submitUnitRanking } from "../../app/placement/unit-rankings.server";
import { listVisibleTraineeApplications } from "../../app/auth/visibility.server";
import { IP, makeUnit, registeredTalent, roundInRegistration, type World } from "./trainee-world";
import { useDatabase } from "../auth/support";

const db = useDatabase();
let world: World;
const HOUR = 3_600_000;

beforeAll(async () => {
  world = await roundInRegistration(db(), { units: 3, quotas: [2, 1, 1] });
});

async function refusal(promise: Promise<unknown>): Promise<RankingRuleError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(RankingRuleError);
  return error as RankingRuleError;
}

/** A talent whose submitted list names these units (by index in world.units), in order. */
async function applicant(w: World, unitIndexes: number[], label = "applicant") {
  const talent = await registeredTalent(db(), w, label);
  await submitPreferences(db(), talent.viewer, talent.application.id, { expectedVersion: 1, quotaApplicationIds: unitIndexes.map((i) => w.units[i]!.quotaApplicationId) }, IP);
  return talent;
}

const unitOf = (w: World, i: number) => ({ roundId: w.round.id, organisationId: w.units[i]!.organisation.id });

describe("who a unit sees", () => {
  it("sees only applicants whose submitted list names it, not drafts or withdrawn ones", async () => {
    const own = await roundInRegistration(db(), { units: 2 });
    const first = await applicant(own, [0, 1], "first");
    const second = await applicant(own, [1], "second");
    const draft = await registeredTalent(db(), own, "draft");
    const gone = await applicant(own, [0], "gone");
    await withdrawTraineeApplication(db(), gone.viewer, gone.application.id, 2, IP);
    const seen = await listUnitApplicants(db(), own.units[0]!.staff, own.round.id, own.units[0]!.organisation.id);
    expect(seen.applicants.map((a) => a.id)).toEqual([first.application.id]);
    expect(seen.applicants[0]).toMatchObject({ name: first.displayName, email: first.email, phdStatus: "obtained", hasEvidence: true, interview: null });
    const seenByOther = await listUnitApplicants(db(), own.units[1]!.staff, own.round.id, own.units[1]!.organisation.id);
    expect(seenByOther.applicants.map((a) => a.id).sort()).toEqual([first.application.id, second.application.id].sort());
    // The same rule as the shared visibility scope.
    const visible = await listVisibleTraineeApplications(db(), own.units[0]!.staff, IP);
    expect(visible.map((v) => v.id)).toContain(first.application.id);
    expect(visible.map((v) => v.id)).not.toContain(second.application.id);
    expect(visible.map((v) => v.id)).not.toContain(draft.application.id);
    expect(visible.map((v) => v.id)).not.toContain(gone.application.id);
  });

  it("is for the unit's own staff, and only for a unit allocated a quota", async () => {
    await expect(listUnitApplicants(db(), world.units[1]!.staff, world.round.id, world.units[0]!.organisation.id)).rejects.toMatchObject({ code: "notMember" });
    await expect(listUnitApplicants(db(), world.unallocated.staff, world.round.id, world.unallocated.organisation.id)).rejects.toMatchObject({ code: "notAllocated" });
    const stranger = await makeUnit(db(), "stranger");
    await expect(listUnitApplicants(db(), stranger.staff, world.round.id, stranger.organisation.id)).rejects.toMatchObject({ code: "notAllocated" });
  });
});

describe("interviews", () => {
  const slot = (hoursFromNow: number, hours = 1) => {
    const startsAt = new Date(Math.ceil(Date.now() / HOUR) * HOUR + hoursFromNow * HOUR);
    return { startsAt, endsAt: new Date(startsAt.getTime() + hours * HOUR), location: "會議室 A" };
  };

  it("schedules, refuses an overlapping one of the same unit, allows another unit at the same time, and reschedules", async () => {
    const a = await applicant(world, [0, 1], "int-a");
    const b = await applicant(world, [0, 1], "int-b");
    const staff = world.units[0]!.staff;
    const first = await scheduleInterview(db(), staff, unitOf(world, 0), { traineeApplicationId: a.application.id, ...slot(24) }, IP);
    expect(first).toMatchObject({ status: "scheduled", location: "會議室 A" });
    expect((await refusal(scheduleInterview(db(), staff, unitOf(world, 0), { traineeApplicationId: b.application.id, ...slot(24.5) }, IP))).code).toBe("interviewOverlap");
    // Back to back is no overlap.
    await scheduleInterview(db(), staff, unitOf(world, 0), { traineeApplicationId: b.application.id, ...slot(25) }, IP);
    // Another unit may interview the same person at the same time as the first unit's slot.
    await scheduleInterview(db(), world.units[1]!.staff, unitOf(world, 1), { traineeApplicationId: a.application.id, ...slot(24) }, IP);
    // Moving a's interview onto b's slot is refused; moving it elsewhere replaces it.
    expect((await refusal(scheduleInterview(db(), staff, unitOf(world, 0), { traineeApplicationId: a.application.id, ...slot(25) }, IP))).code).toBe("interviewOverlap");
    await scheduleInterview(db(), staff, unitOf(world, 0), { traineeApplicationId: a.application.id, ...slot(30) }, IP);
    const rows = await db().select().from(t.interviews).where(eq(t.interviews.quotaApplicationId, world.units[0]!.quotaApplicationId)).orderBy(asc(t.interviews.startsAt));
    expect(rows.map((r) => r.traineeApplicationId)).toEqual([b.application.id, a.application.id]);
  });

  it("two overlapping interviews scheduled at once: one is refused", async () => {
    const own = await roundInRegistration(db(), { units: 1 });
    const people = await Promise.all([applicant(own, [0], "race-a"), applicant(own, [0], "race-b")]);
    const outcomes = await Promise.allSettled(people.map((p) => scheduleInterview(db(), own.units[0]!.staff, unitOf(own, 0), { traineeApplicationId: p.application.id, ...slot(48) }, IP)));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({ reason: { code: "interviewOverlap" } });
  });

  it("refuses an end before the start, a missing place, an end after the interview deadline, someone who did not apply, and scheduling after the deadline", async () => {
    const a = await applicant(world, [2], "int-bad");
    const staff = world.units[2]!.staff;
    const at = slot(72);
    const schedule = (input: Partial<typeof at & { traineeApplicationId: string }>, now?: Date) =>
      scheduleInterview(db(), staff, unitOf(world, 2), { traineeApplicationId: a.application.id, ...at, ...input }, IP, now);
    expect((await refusal(schedule({ endsAt: at.startsAt }))).code).toBe("endsBeforeStarts");
    expect((await refusal(schedule({ location: "  " }))).code).toBe("locationRequired");
    const late = world.round.interviewsCloseAt.getTime();
    expect((await refusal(schedule({ startsAt: new Date(late - HOUR / 2), endsAt: new Date(late + HOUR / 2) }))).code).toBe("afterInterviewDeadline");
    const other = await applicant(world, [0], "int-other");
    expect((await refusal(schedule({ traineeApplicationId: other.application.id }))).code).toBe("notApplicant");
    const error = await schedule({}, world.round.interviewsCloseAt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadlinePassedError);
    expect(error).toMatchObject({ deadline: "interviews" });
  });

  it("marks an interview held or a no-show, only for the unit's own interviews", async () => {
    const a = await applicant(world, [1], "held");
    const interview = await scheduleInterview(db(), world.units[1]!.staff, unitOf(world, 1), { traineeApplicationId: a.application.id, ...slot(100) }, IP);
    expect(await setInterviewStatus(db(), world.units[1]!.staff, unitOf(world, 1), interview.id, "held", IP)).toMatchObject({ status: "held" });
    expect((await refusal(setInterviewStatus(db(), world.units[0]!.staff, unitOf(world, 0), interview.id, "no_show", IP))).code).toBe("notFound");
    expect(await setInterviewStatus(db(), world.units[1]!.staff, unitOf(world, 1), interview.id, "no_show", IP)).toMatchObject({ status: "no_show" });
  });
});

describe("unit rankings", () => {
  it("submits a ranking of its applicants at the version read, and a stale one is refused", async () => {
    const own = await roundInRegistration(db(), { units: 1 });
    const a = await applicant(own, [0], "rank-a");
    const b = await applicant(own, [0], "rank-b");
    const staff = own.units[0]!.staff;
    const list = await submitUnitRanking(db(), staff, unitOf(own, 0), { expectedVersion: null, traineeApplicationIds: [b.application.id, a.application.id] }, IP);
    expect(list.version).toBe(1);
    expect((await refusal(submitUnitRanking(db(), staff, unitOf(own, 0), { expectedVersion: null, traineeApplicationIds: [a.application.id] }, IP))).code).toBe("stale");
    const second = await submitUnitRanking(db(), staff, unitOf(own, 0), { expectedVersion: 1, traineeApplicationIds: [a.application.id] }, IP);
    expect(second.version).toBe(2);
    expect((await refusal(submitUnitRanking(db(), staff, unitOf(own, 0), { expectedVersion: 1, traineeApplicationIds: [b.application.id] }, IP))).code).toBe("stale");
    const seen = await listUnitApplicants(db(), staff, own.round.id, own.units[0]!.organisation.id);
    expect(seen.ranking).toMatchObject({ version: 2, entries: [{ rank: 1, traineeApplicationId: a.application.id }] });
  });

  it("refuses ranking someone who did not list the unit, someone twice, and someone who withdrew, writing nothing", async () => {
    const own = await roundInRegistration(db(), { units: 2 });
    const mine = await applicant(own, [0], "mine");
    const theirs = await applicant(own, [1], "theirs");
    const staff = own.units[0]!.staff;
    const rank = (ids: string[]) => submitUnitRanking(db(), staff, unitOf(own, 0), { expectedVersion: null, traineeApplicationIds: ids }, IP);
    expect(await refusal(rank([mine.application.id, theirs.application.id]))).toMatchObject({ code: "notApplicant", detail: 1 });
    expect(await refusal(rank([mine.application.id, mine.application.id]))).toMatchObject({ code: "applicantTwice", detail: 1 });
    expect(await refusal(rank(["00000000-0000-4000-8000-000000000000"]))).toMatchObject({ code: "notApplicant", detail: 0 });
    await withdrawTraineeApplication(db(), mine.viewer, mine.application.id, 2, IP);
    expect(await refusal(rank([mine.application.id]))).toMatchObject({ code: "notApplicant", detail: 0 });
    expect(await db().select().from(t.unitRankLists).where(eq(t.unitRankLists.quotaApplicationId, own.units[0]!.quotaApplicationId))).toEqual([]);
    // The database refuses the same applicant twice on one list.
    const [list] = await db().insert(t.unitRankLists).values({ quotaApplicationId: own.units[1]!.quotaApplicationId }).returning();
    await expect(
      db().insert(t.unitRankEntries).values([
        { rankListId: list!.id, rank: 1, traineeApplicationId: theirs.application.id },
        { rankListId: list!.id, rank: 2, traineeApplicationId: theirs.application.id },
      ]),
    ).rejects.toThrow();
  });

  it("is refused for another unit's staff, and after the unit-ranking deadline with the deadline named", async () => {
    const a = await applicant(world, [0], "late-rank");
    await expect(submitUnitRanking(db(), world.units[1]!.staff, unitOf(world, 0), { expectedVersion: null, traineeApplicationIds: [a.application.id] }, IP)).rejects.toMatchObject({ code: "notMember" });
    const error = await submitUnitRanking(db(), world.units[0]!.staff, unitOf(world, 0), { expectedVersion: null, traineeApplicationIds: [a.application.id] }, IP, world.round.unitRankingCloseAt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadlinePassedError);
    expect(error).toMatchObject({ deadline: "unitRanking" });
  });
});
