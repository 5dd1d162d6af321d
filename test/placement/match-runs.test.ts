// Match runs on the real database: the input read from the earlier stages' rows, runs stored with their
// exact input and output, the verification report, re-runs, the calendar, publication (immutable in the
// database, placements, mails), seats freed by declines and missed check-ins going down waitlists, and
// post-match offers that never exceed a unit's quota.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { DeadlinePassedError } from "~/placement/calendar";
import { offerFreedSeat, runDeferredAcceptance, verifyMatching } from "~/placement/match";
import { explainMatchRefusal } from "~/placement/match-refusal-text.server";
import { MatchRuleError } from "~/placement/match-rules";
import { buildMatchInput, canonicalMatchJson, publishRun, runMatch, sha256 } from "~/placement/match-runs.server";
import { applicantResults, reportOf, unitMatchView } from "~/placement/match-results.server";
import { answerOffer, offerSeat } from "~/placement/post-match.server";
import { currentMatching, declineSeat, listReleases, markMissedCheckIn } from "~/placement/seats.server";
import { checkIn } from "~/placement/placements.server";
import { auditOf, mailTo, useDatabase } from "../auth/support";
import { DAY, IP, labelled, links, makeMatchWorld, placementOf, type Instance } from "./match-world";

const db = useDatabase();

/** The database's own words when it refuses a statement (drizzle wraps them in "Failed query"). */
async function databaseRefusal(statement: PromiseLike<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    const messages: string[] = [];
    for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) messages.push(String((e as Error).message));
    return messages.join(" | ");
  }
  return "not refused";
}

/** Three units, one seat each: a declining at U sends the seat down the chain b → U, c → V, d → W. */
const chain: Instance = {
  units: { U: 1, V: 1, W: 1 },
  applicants: { a: ["U"], b: ["U", "V"], c: ["V", "W"], d: ["W"] },
  rankings: { U: ["a", "b"], V: ["b", "c"], W: ["c", "d"] },
};

/** A textbook 4 × 2 instance with a reason of every kind. */
const mixed: Instance = {
  units: { lab: 2, clinic: 1, closed: 0 },
  applicants: { ann: ["clinic", "lab"], bo: ["clinic", "lab"], cy: ["closed", "lab"], di: ["lab", "clinic"], ed: ["clinic"] },
  rankings: { lab: ["ann", "cy", "di"], clinic: ["bo", "di", "ann"], closed: ["cy"] },
};

async function published(instance: Instance) {
  const world = await makeMatchWorld(db(), instance);
  const run = await runMatch(db(), world.officer, world.round.id, IP);
  await publishRun(db(), world.officer, run.id, links, IP);
  return { world, run };
}

const tmp = mkdtempSync(path.join(os.tmpdir(), "match-runs-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("a match run", () => {
  it("reads the round's rows into the engine's input and stores the engine's result", async () => {
    const world = await makeMatchWorld(db(), mixed);
    const input = await buildMatchInput(db(), world.round.id);
    expect(JSON.parse(canonicalMatchJson(input))).toEqual(JSON.parse(JSON.stringify(world.input)));

    const run = await runMatch(db(), world.officer, world.round.id, IP);
    expect(run).toMatchObject({ runNumber: 1, status: "verified", inputHash: sha256(run.inputJson) });
    expect(run.inputJson).toBe(canonicalMatchJson(world.input));
    const expected = runDeferredAcceptance(world.input);
    expect(labelled(world, expected.assignments)).toEqual({ ann: "lab", bo: "clinic", cy: "lab", di: null, ed: null });
    const rows = await db().select().from(t.matchResults).where(eq(t.matchResults.matchRunId, run.id));
    expect(Object.fromEntries(rows.map((r) => [world.label(r.traineeApplicationId), [world.label(r.quotaApplicationId), r.preferenceRank]]))).toEqual({
      ann: ["lab", 2],
      bo: ["clinic", 1],
      cy: ["lab", 2],
      di: [null, null],
      ed: [null, null],
    });
    const [round] = await db().select().from(t.placementRounds).where(eq(t.placementRounds.id, world.round.id));
    expect(round!.status).toBe("matching");
    expect(await auditOf(db(), run.id, "match-run")).toHaveLength(1);
  });

  it("stores exactly what `npm run match` prints for its input, so anyone can re-run it", async () => {
    const world = await makeMatchWorld(db(), mixed);
    const run = await runMatch(db(), world.officer, world.round.id, IP);
    const file = path.join(tmp, "input.json");
    writeFileSync(file, run.inputJson);
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ["--import", "tsx", "scripts/match-cli.ts", file], { cwd: process.cwd() }, (error, out) => (error ? reject(error) : resolve(out))),
    );
    expect(stdout).toBe(run.outputJson);
  });

  it("leaves out units without an allocated quota, withdrawn applications and rank lists not submitted", async () => {
    const world = await makeMatchWorld(db(), { units: { u: 1, v: 1 }, applicants: { a: ["u", "v"], b: ["v"] }, rankings: { u: ["a"], v: ["a", "b"] } }, { draftRankings: ["v"] });
    await db().update(t.traineeApplications).set({ status: "withdrawn" }).where(eq(t.traineeApplications.id, world.applicants.get("b")!.id));
    const input = await buildMatchInput(db(), world.round.id);
    const [u, v] = [world.units.get("u")!.id, world.units.get("v")!.id];
    const a = world.applicants.get("a")!.id;
    expect(input).toEqual({ applicants: { [a]: [u, v] }, units: { [u]: { capacity: 1, ranking: [a] }, [v]: { capacity: 1, ranking: [] } } });
  });

  it("gives the office a verification report: checks, and seats filled and unfilled per unit", async () => {
    const world = await makeMatchWorld(db(), mixed);
    const report = reportOf(await runMatch(db(), world.officer, world.round.id, IP));
    expect(report.checks).toEqual({ stable: true, capacitiesRespected: true, mutuallyAcceptable: true });
    expect(report.blockingPairs).toEqual([]);
    expect([report.applicants, report.placed]).toEqual([5, 3]);
    expect(Object.fromEntries(report.units.map((u) => [world.label(u.id), [u.capacity, u.filled, u.waitlist]]))).toEqual({
      lab: [2, 2, 1],
      clinic: [1, 1, 2],
      closed: [0, 0, 1],
    });
  });

  it("may be re-run before publication: the new run supersedes the old", async () => {
    const world = await makeMatchWorld(db(), chain);
    const first = await runMatch(db(), world.officer, world.round.id, IP);
    const second = await runMatch(db(), world.officer, world.round.id, IP);
    const runs = await db().select().from(t.matchRuns).where(eq(t.matchRuns.roundId, world.round.id));
    expect(Object.fromEntries(runs.map((r) => [r.runNumber, r.status]))).toEqual({ 1: "superseded", 2: "verified" });
    expect(second.inputHash).toBe(first.inputHash);
    await expect(publishRun(db(), world.officer, first.id, links, IP)).rejects.toMatchObject({ code: "superseded" });
  });

  it("is refused before the unit-ranking deadline, in words that name it", async () => {
    const world = await makeMatchWorld(db(), chain);
    const early = new Date(world.round.unitRankingCloseAt.getTime() - 60_000);
    const error = await runMatch(db(), world.officer, world.round.id, IP, early).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MatchRuleError);
    expect(error).toMatchObject({ code: "rankingStillOpen", detail: { deadline: "unitRanking" } });
    expect(explainMatchRefusal(error as MatchRuleError, "zh-TW").text).toContain("培訓單位排序截止");
    expect(explainMatchRefusal(error as MatchRuleError, "en")).toMatchObject({ status: 409, text: expect.stringMatching(/unit rankings close/i) });
  });

  it("is the office's alone", async () => {
    const world = await makeMatchWorld(db(), chain);
    await expect(runMatch(db(), world.units.get("U")!.staff, world.round.id, IP)).rejects.toMatchObject({ code: "notOffice" });
    await expect(runMatch(db(), world.applicants.get("a")!.viewer, world.round.id, IP)).rejects.toMatchObject({ code: "notOffice" });
  });
});

describe("publishing a run", () => {
  it("admits the matched trainees, mails every applicant, marks the round and writes the audit log", async () => {
    const { world, run } = await published(mixed);
    const placements = await db().select().from(t.placements).where(eq(t.placements.roundId, world.round.id));
    expect(Object.fromEntries(placements.map((p) => [world.label(p.traineeApplicationId), [world.label(p.quotaApplicationId), p.status, p.source]]))).toEqual({
      ann: ["lab", "admitted", "match"],
      bo: ["clinic", "admitted", "match"],
      cy: ["lab", "admitted", "match"],
    });
    expect(placements.every((p) => p.checkInBy.getTime() === world.round.checkInCloseAt.getTime() && p.startsOn === world.round.trainingStartsOn)).toBe(true);
    for (const [label, { viewer }] of world.applicants) {
      const mails = await mailTo(db(), viewer.email);
      expect(mails, label).toHaveLength(1);
      expect(mails[0]!.textBody).toContain("http://portal.test/phd/result");
    }
    expect((await mailTo(db(), world.applicants.get("ann")!.viewer.email))[0]!.textBody).toContain("preference 2");
    expect((await mailTo(db(), world.applicants.get("di")!.viewer.email))[0]!.textBody).toContain("not admitted");
    const [round] = await db().select().from(t.placementRounds).where(eq(t.placementRounds.id, world.round.id));
    expect(round!.status).toBe("published");
    expect(await auditOf(db(), run.id, "match-published")).toHaveLength(1);
  });

  it("makes the run immutable: the database refuses to change or delete it or its results", async () => {
    const { world, run } = await published(chain);
    const a = world.applicants.get("a")!.id;
    expect(await databaseRefusal(db().update(t.matchResults).set({ quotaApplicationId: null, preferenceRank: null }).where(eq(t.matchResults.traineeApplicationId, a)))).toMatch(/integrity:match/);
    expect(await databaseRefusal(db().delete(t.matchResults).where(eq(t.matchResults.matchRunId, run.id)))).toMatch(/integrity:match_run_published/);
    await expect(db().insert(t.matchResults).values({ matchRunId: run.id, traineeApplicationId: a, quotaApplicationId: null, preferenceRank: null })).rejects.toThrow();
    expect(await databaseRefusal(db().update(t.matchRuns).set({ status: "superseded" }).where(eq(t.matchRuns.id, run.id)))).toMatch(/integrity:match_run_published/);
    expect(await databaseRefusal(db().delete(t.matchRuns).where(eq(t.matchRuns.id, run.id)))).toMatch(/integrity:match_run_published/);
    const [stored] = await db().select().from(t.matchRuns).where(eq(t.matchRuns.id, run.id));
    expect(stored).toMatchObject({ status: "published", inputJson: run.inputJson, outputJson: run.outputJson });
  });

  it("never rewrites what an unpublished run read or computed", async () => {
    const world = await makeMatchWorld(db(), chain);
    const run = await runMatch(db(), world.officer, world.round.id, IP);
    expect(await databaseRefusal(db().update(t.matchRuns).set({ outputJson: "{}" }).where(eq(t.matchRuns.id, run.id)))).toMatch(/integrity:match_run_record_fixed/);
    expect(await databaseRefusal(db().update(t.matchResults).set({ preferenceRank: 1 }).where(eq(t.matchResults.matchRunId, run.id)))).toMatch(/integrity:match_results_fixed/);
  });

  it("ends the runs: no re-run, no second publication", async () => {
    const { world, run } = await published(chain);
    await expect(runMatch(db(), world.officer, world.round.id, IP)).rejects.toMatchObject({ code: "alreadyPublished" });
    await expect(publishRun(db(), world.officer, run.id, links, IP)).rejects.toMatchObject({ code: "alreadyPublished" });
  });

  it("is refused for a run that failed verification and once check-in has closed", async () => {
    const world = await makeMatchWorld(db(), chain);
    const run = await runMatch(db(), world.officer, world.round.id, IP);
    const late = new Date(world.round.checkInCloseAt.getTime() + 1000);
    await expect(publishRun(db(), world.officer, run.id, links, IP, late)).rejects.toBeInstanceOf(DeadlinePassedError);
    // A run the verifier failed is stored as computed only: simulate one by inserting it.
    const [bad] = await db()
      .insert(t.matchRuns)
      .values({ roundId: world.round.id, runNumber: 9, inputHash: "x", inputJson: run.inputJson, outputJson: run.outputJson, status: "computed" })
      .returning();
    await expect(publishRun(db(), world.officer, bad!.id, links, IP)).rejects.toMatchObject({ code: "notVerified" });
  });
});

describe("what each side sees", () => {
  it("tells an applicant their unit, and for each unit ranked higher why not", async () => {
    const { world } = await published(mixed);
    const [di] = await applicantResults(db(), world.applicants.get("di")!.viewer.id);
    expect(di!.matched).toBeNull();
    expect(di!.notHigher.map((n) => ({ ...n, unit: world.label(n.unit) }))).toEqual([
      { unit: "lab", reason: "filled-by-higher-ranked", seats: 2, yourRank: 3, lowestAdmittedRank: 2 },
      { unit: "clinic", reason: "filled-by-higher-ranked", seats: 1, yourRank: 2, lowestAdmittedRank: 1 },
    ]);
    const [cy] = await applicantResults(db(), world.applicants.get("cy")!.viewer.id);
    expect(cy!.matched).toEqual({ unit: world.units.get("lab")!.id, preference: 2 });
    expect(cy!.notHigher).toEqual([{ unit: world.units.get("closed")!.id, reason: "no-seats" }]);
    const [ed] = await applicantResults(db(), world.applicants.get("ed")!.viewer.id);
    expect(ed!.notHigher).toEqual([{ unit: world.units.get("clinic")!.id, reason: "not-ranked" }]);
    expect(ed!.waitlists).toEqual([]);
    expect(di!.waitlists.map((w) => [world.label(w.unit), w.place])).toEqual([
      ["lab", 1],
      ["clinic", 1],
    ]);
  });

  it("shows a unit its admitted trainees and its waitlist in its order", async () => {
    const { world } = await published(mixed);
    const clinic = await unitMatchView(db(), world.round.id, world.units.get("clinic")!.id);
    expect(clinic!.admitted.map((a) => world.label(a.applicationId))).toEqual(["bo"]);
    expect(clinic!.waitlist.map((w) => world.label(w.applicationId))).toEqual(["di", "ann"]);
    expect(clinic!.emptySeats).toBe(0);
  });
});

describe("a freed seat", () => {
  it("goes down the waitlist chain when an admitted trainee declines, each move recorded and mailed, the result stable", async () => {
    const { world } = await published(chain);
    const a = world.applicants.get("a")!;
    const before = await currentMatching(db(), world.round.id);
    const expected = offerFreedSeat(before!.input, before!.assignments, a.id);
    const placement = await placementOf(db(), world, "a");
    const outcome = await declineSeat(db(), a.viewer, placement!.id, links, IP);
    expect(outcome.moves).toEqual(expected.moves);
    expect(outcome.moves.map((m) => [world.label(m.applicant), world.label(m.from), world.label(m.to)])).toEqual([
      ["b", "V", "U"],
      ["c", "W", "V"],
      ["d", null, "W"],
    ]);
    expect(outcome.emptied).toBeNull();

    const after = await currentMatching(db(), world.round.id);
    expect(labelled(world, after!.assignments)).toEqual({ b: "U", c: "V", d: "W" });
    expect(verifyMatching(after!.input, after!.assignments)).toMatchObject({ stable: true, capacitiesRespected: true, mutuallyAcceptable: true });
    expect((await placementOf(db(), world, "a"))!.status).toBe("declined");
    const d = await placementOf(db(), world, "d");
    expect(d).toMatchObject({ status: "admitted", source: "waitlist" });
    expect(d!.checkInBy.getTime()).toBeGreaterThanOrEqual(world.round.checkInCloseAt.getTime());
    const [release] = await listReleases(db(), world.round.id);
    expect(release!.moves.map((m) => [m.step, world.label(m.traineeApplicationId)])).toEqual([[1, "b"], [2, "c"], [3, "d"]]);
    for (const who of ["b", "c", "d"]) expect((await mailTo(db(), world.applicants.get(who)!.viewer.email)).at(-1)!.subject, who).toContain("waitlist");
    await expect(declineSeat(db(), a.viewer, placement!.id, links, IP)).rejects.toMatchObject({ code: "notAdmitted" });
  });

  it("skips a trainee who has checked in: their seat is theirs, and the chain stops where nobody wants the seat", async () => {
    const { world } = await published(chain);
    await checkIn(db(), world.applicants.get("c")!.viewer, (await placementOf(db(), world, "c"))!.id, IP);
    const outcome = await declineSeat(db(), world.applicants.get("a")!.viewer, (await placementOf(db(), world, "a"))!.id, links, IP);
    expect(outcome.moves.map((m) => world.label(m.applicant))).toEqual(["b"]);
    expect(world.label(outcome.emptied)).toBe("V");
    const after = await currentMatching(db(), world.round.id);
    expect(verifyMatching(after!.input, after!.assignments).stable).toBe(true);
  });

  it("is declined only by its trainee, and only before the check-in deadline", async () => {
    const { world } = await published(chain);
    const placement = await placementOf(db(), world, "a");
    await expect(declineSeat(db(), world.applicants.get("b")!.viewer, placement!.id, links, IP)).rejects.toMatchObject({ code: "notYours" });
    const late = new Date(placement!.checkInBy.getTime() + 1000);
    await expect(declineSeat(db(), world.applicants.get("a")!.viewer, placement!.id, links, IP, late)).rejects.toBeInstanceOf(DeadlinePassedError);
  });

  it("comes free when the office marks a missed check-in, once the deadline has passed", async () => {
    const { world } = await published(chain);
    const placement = await placementOf(db(), world, "a");
    await expect(markMissedCheckIn(db(), world.officer, placement!.id, links, IP)).rejects.toMatchObject({ code: "checkInStillOpen" });
    const late = new Date(placement!.checkInBy.getTime() + DAY);
    await expect(markMissedCheckIn(db(), world.units.get("U")!.staff, placement!.id, links, IP, late)).rejects.toMatchObject({ code: "notOffice" });
    const outcome = await markMissedCheckIn(db(), world.officer, placement!.id, links, IP, late);
    expect(outcome.moves).toHaveLength(3);
    expect((await placementOf(db(), world, "a"))!.status).toBe("withdrawn");
    // The trainees who moved after the deadline still have a week to check in.
    const b = await placementOf(db(), world, "b");
    expect(b!.checkInBy.getTime()).toBe(late.getTime() + 7 * DAY);
    await checkIn(db(), world.applicants.get("b")!.viewer, b!.id, IP, new Date(late.getTime() + DAY));
  });
});

describe("the post-match round", () => {
  const spare: Instance = { units: { U: 2, V: 1 }, applicants: { a: ["U"], b: ["V"], c: ["V"], x: [], y: [] }, rankings: { U: ["a"], V: ["b", "c"] } };

  it("never lets offers and trainees exceed the unit's quota, even when two colleagues offer at once", async () => {
    const { world } = await published(spare);
    const u = world.units.get("U")!;
    const second = await db().insert(t.users).values({ id: crypto.randomUUID(), email: `u2-${Date.now()}@example.test`, displayName: "Second staff" }).returning();
    await db().insert(t.userRoles).values({ userId: second[0]!.id, role: "training_unit_staff" });
    await db().insert(t.memberships).values({ organisationId: u.organisationId, userId: second[0]!.id, isOrgAdmin: false });
    const { signedIn } = await import("../auth/support");
    const colleague = (await signedIn(db(), second[0]!.id)).viewer;

    const results = await Promise.allSettled([
      offerSeat(db(), u.staff, u.id, world.applicants.get("x")!.id, links, IP),
      offerSeat(db(), colleague, u.id, world.applicants.get("y")!.id, links, IP),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "noSeatsLeft" });
    const open = await db().select().from(t.postMatchOffers).where(and(eq(t.postMatchOffers.quotaApplicationId, u.id), eq(t.postMatchOffers.status, "offered")));
    expect(open).toHaveLength(1);
    // The database refuses it too, when something skips the domain's check.
    expect(await databaseRefusal(
      db().insert(t.postMatchOffers).values({ roundId: world.round.id, quotaApplicationId: u.id, traineeApplicationId: world.applicants.get("c")!.id }),
    )).toMatch(/integrity:unit_over_quota/);
  });

  it("places a talent who accepts, withdraws their other offers, and keeps the match stable", async () => {
    const { world } = await published(spare);
    const u = world.units.get("U")!;
    const x = world.applicants.get("x")!;
    await expect(offerSeat(db(), u.staff, u.id, world.applicants.get("a")!.id, links, IP)).rejects.toMatchObject({ code: "alreadyPlaced" });
    await expect(offerSeat(db(), world.units.get("V")!.staff, u.id, x.id, links, IP)).rejects.toMatchObject({ code: "notMember" });
    await expect(offerSeat(db(), world.units.get("V")!.staff, world.units.get("V")!.id, x.id, links, IP)).rejects.toMatchObject({ code: "noSeatsLeft" });
    const offer = await offerSeat(db(), u.staff, u.id, x.id, links, IP);
    await expect(offerSeat(db(), u.staff, u.id, x.id, links, IP)).rejects.toMatchObject({ code: "alreadyOffered" });
    expect((await mailTo(db(), x.viewer.email)).at(-1)!.subject).toContain("offers you a seat");
    await expect(answerOffer(db(), world.applicants.get("y")!.viewer, offer.id, true, links, IP)).rejects.toMatchObject({ code: "notYours" });
    await answerOffer(db(), x.viewer, offer.id, true, links, IP);
    expect(await placementOf(db(), world, "x")).toMatchObject({ status: "admitted", source: "post_match", quotaApplicationId: u.id });
    await expect(answerOffer(db(), x.viewer, offer.id, false, links, IP)).rejects.toMatchObject({ code: "offerClosed" });
    expect((await unitMatchView(db(), world.round.id, u.id))!.emptySeats).toBe(0);
    const now = await currentMatching(db(), world.round.id);
    expect(verifyMatching(now!.input, now!.assignments)).toMatchObject({ stable: true, capacitiesRespected: true });
    expect(now!.input.units[u.id]!.capacity).toBe(1);
    expect(Object.hasOwn(now!.input.applicants, x.id)).toBe(false);
  });

  it("is refused before the match is published", async () => {
    const world = await makeMatchWorld(db(), spare);
    const u = world.units.get("U")!;
    await expect(offerSeat(db(), u.staff, u.id, world.applicants.get("x")!.id, links, IP)).rejects.toMatchObject({ code: "notPublished" });
    const rows = await db().select().from(t.postMatchOffers).where(and(eq(t.postMatchOffers.roundId, world.round.id)));
    expect(rows).toEqual([]);
  });
});
