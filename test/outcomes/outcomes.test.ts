// Employment outcomes against real Postgres: who may record which completer's outcome, what an outcome
// must say, the shortage flag, the office's verification, and the checkpoint lists each viewer sees.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { listCheckpoints } from "../../app/outcomes/completers.server";
import { outcomeEntrySchema, surveyAnswerSchema } from "../../app/outcomes/outcome-schema";
import { OutcomeRuleError, recordOutcome, setVerification } from "../../app/outcomes/outcomes.server";
import { suppressSmallGroups } from "../../app/outcomes/privacy";
import { auditOf, useDatabase } from "../auth/support";
import { completer, IP, outcomeWorld, shortageCode } from "./world";

const db = useDatabase();
const job = { status: "industry" as const, employerName: "Test Genomics", salaryBand: "60k_80k" as const };

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(OutcomeRuleError);
  return (error as OutcomeRuleError).code;
};

describe("what an outcome must say", () => {
  it("a job names its employer, other statuses do not, and codes are six digits", () => {
    expect(surveyAnswerSchema.safeParse({ status: "industry" }).success).toBe(false);
    expect(surveyAnswerSchema.safeParse({ status: "seeking", employerName: "Acme" }).success).toBe(false);
    expect(surveyAnswerSchema.safeParse({ status: "seeking" }).success).toBe(true);
    expect(surveyAnswerSchema.safeParse({ ...job, occupationCode: "12345" }).success).toBe(false);
    expect(outcomeEntrySchema.safeParse({ intent: "record", completion: "enrolment:not-an-id", checkpoint: "completion", ...job }).success).toBe(false);
  });

  it("refuses an unknown occupation code and a checkpoint that has not fallen yet", async () => {
    const world = await outcomeWorld(db());
    const person = await completer(db(), world);
    expect(await refusal(recordOutcome(db(), world.staff, person.ref, "completion", { ...job, occupationCode: "999999" }, IP))).toBe("unknownOccupation");
    expect(await refusal(recordOutcome(db(), world.staff, person.ref, "six_months", job, IP))).toBe("notDue");
    const stored = await db().select().from(t.employmentOutcomes).where(eq(t.employmentOutcomes.enrolmentId, person.enrolmentId));
    expect(stored).toEqual([]);
  });
});

describe("recording", () => {
  it("computes the shortage flag from the surveys' occupations, corrects in place and is audited", async () => {
    const world = await outcomeWorld(db());
    const person = await completer(db(), world, 7);
    const code = await shortageCode(db());
    const id = await recordOutcome(db(), world.staff, person.ref, "six_months", { ...job, occupationCode: code }, IP);
    const [first] = await db().select().from(t.employmentOutcomes).where(eq(t.employmentOutcomes.id, id));
    expect(first).toMatchObject({ isShortageOccupation: true, source: "unit_report", verification: "unverified", occupationCode: code, userId: person.user.id });
    await setVerification(db(), world.office, id, "verified", IP);
    const again = await recordOutcome(db(), world.staff, person.ref, "six_months", { status: "seeking", salaryBand: "undisclosed" }, IP);
    expect(again).toBe(id);
    const [second] = await db().select().from(t.employmentOutcomes).where(eq(t.employmentOutcomes.id, id));
    expect(second).toMatchObject({ status: "seeking", isShortageOccupation: false, employerName: null, verification: "unverified" });
    expect((await auditOf(db(), id, "outcome-recorded")).length).toBe(2);
    expect((await auditOf(db(), id, "outcome-verified")).length).toBe(1);
  });

  it("a unit cannot touch another unit's trainee, and only the office verifies", async () => {
    const mine = await outcomeWorld(db());
    const other = await outcomeWorld(db());
    const person = await completer(db(), mine);
    expect(await refusal(recordOutcome(db(), other.staff, person.ref, "completion", job, IP))).toBe("notYourTrainee");
    expect(await refusal(recordOutcome(db(), person.viewer, person.ref, "completion", job, IP))).toBe("notYourTrainee");
    const id = await recordOutcome(db(), mine.staff, person.ref, "completion", job, IP);
    expect(await refusal(setVerification(db(), mine.staff, id, "verified", IP))).toBe("officeOnly");
    const seenByOther = await listCheckpoints(db(), other.staff, {}, { limit: 100, offset: 0 });
    expect(seenByOther.rows.some((r) => r.subjectId === person.enrolmentId)).toBe(false);
    const seenByMine = await listCheckpoints(db(), mine.staff, {}, { limit: 100, offset: 0 });
    expect(seenByMine.rows.filter((r) => r.subjectId === person.enrolmentId).map((r) => r.checkpoint).sort()).toEqual(["completion", "six_months", "twelve_months"]);
    const own = await listCheckpoints(db(), person.viewer, {}, { limit: 100, offset: 0 });
    expect(own.rows.every((r) => r.userId === person.user.id)).toBe(true);
  });

  it("lists due checkpoints first and tells due, recorded and upcoming apart", async () => {
    const world = await outcomeWorld(db());
    const person = await completer(db(), world, 7);
    await recordOutcome(db(), world.staff, person.ref, "completion", job, IP);
    const due = await listCheckpoints(db(), world.staff, { state: "due", unitId: world.unit.id }, { limit: 100, offset: 0 });
    expect(due.rows.filter((r) => r.subjectId === person.enrolmentId).map((r) => r.checkpoint)).toEqual(["six_months"]);
    const recorded = await listCheckpoints(db(), world.staff, { state: "recorded", programme: world.programme.id }, { limit: 100, offset: 0 });
    expect(recorded.rows.filter((r) => r.subjectId === person.enrolmentId).map((r) => [r.checkpoint, r.status, r.employerName])).toEqual([["completion", "industry", "Test Genomics"]]);
    const upcoming = await listCheckpoints(db(), world.staff, { state: "upcoming" }, { limit: 100, offset: 0 });
    expect(upcoming.rows.filter((r) => r.subjectId === person.enrolmentId).map((r) => r.checkpoint)).toEqual(["twelve_months"]);
  });
});

describe("suppressSmallGroups", () => {
  it("blanks the figures of groups of 1 to 4 people and keeps the rest", () => {
    const groups = [{ unit: "a", completers: 4, employed: 3 }, { unit: "b", completers: 5, employed: 4 }, { unit: "c", completers: 0, employed: 0 }];
    const shown = suppressSmallGroups(groups, { sizeOf: (g) => g.completers, figures: ["employed", "completers"] });
    expect(shown).toEqual([
      { unit: "a", completers: null, employed: null, suppressed: true },
      { unit: "b", completers: 5, employed: 4, suppressed: false },
      { unit: "c", completers: 0, employed: 0, suppressed: false },
    ]);
  });
});

