// Trainee applications on the real database: eligibility and evidence, ranked preferences and their
// refusals, deadlines, optimistic versions (also 50 saves at once), receipts, withdrawal, and the
// office's innovation scores with the all-or-nothing CSV import.
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { DeadlinePassedError } from "../../app/placement/calendar";
import { importInnovationScores, parseScore, recordInnovationScore } from "../../app/placement/innovation-scores.server";
import { rejectedRowsCsv } from "../../app/placement/score-report";
import {
  getOwnApplication,
  getReceiptFor,
  saveEligibility,
  submitPreferences,
  withdrawTraineeApplication,
  type ReceiptContent,
} from "../../app/placement/trainee-applications.server";
import { listRoundTrainees, readEvidenceFor } from "../../app/placement/trainee-lists.server";
import { TraineeRuleError } from "../../app/placement/trainee-rules";
import { auditOf, useDatabase } from "../auth/support";
import { pngBytes, tinyPdf } from "../support/tiny-pdf";
import { IP, makeTalent, obtained, registeredTalent, roundInRegistration, type World } from "./trainee-world";

const db = useDatabase();
let world: World;
const DAY = 86_400_000;

beforeAll(async () => {
  world = await roundInRegistration(db(), { units: 4, maxPreferences: 3 });
});

async function refusal(promise: Promise<unknown>): Promise<TraineeRuleError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TraineeRuleError);
  return error as TraineeRuleError;
}

const unitIds = (n: number, from = 0) => world.units.slice(from, from + n).map((u) => u.quotaApplicationId);

async function storedList(applicationId: string) {
  const rows = await db().select().from(t.traineePreferences).where(eq(t.traineePreferences.traineeApplicationId, applicationId)).orderBy(asc(t.traineePreferences.rank));
  return rows.map((r) => r.quotaApplicationId);
}

describe("eligibility", () => {
  it("starts an application with a PhD obtained and a PDF, stored in files", async () => {
    const talent = await makeTalent(db());
    const application = await saveEligibility(db(), talent.viewer, { roundId: world.round.id, expectedVersion: null }, obtained(), IP);
    expect(application).toMatchObject({ status: "draft", version: 1, phdStatus: "obtained", phdObtainedOn: "2024-06-30", phdExpectedOn: null });
    const [file] = await db().select().from(t.files).where(eq(t.files.id, application.evidenceFileId!));
    expect(file).toMatchObject({ ownerUserId: talent.id, purpose: "phd-evidence", mimeType: "application/pdf", fileName: "diploma.pdf" });
    expect(await auditOf(db(), application.id, "trainee-application-started")).toHaveLength(1);
  });

  it("accepts a PhD expected before training starts and refuses one expected on or after that day", async () => {
    const talent = await makeTalent(db());
    const target = { roundId: world.round.id, expectedVersion: null };
    const evidence = { fileName: "letter.pdf", bytes: tinyPdf("Expected") };
    const late = await refusal(saveEligibility(db(), talent.viewer, target, { phdStatus: "expected", phdDate: world.round.trainingStartsOn, evidence }, IP));
    expect(late.code).toBe("phdAfterTrainingStart");
    const later = new Date(new Date(`${world.round.trainingStartsOn}T00:00:00Z`).getTime() + 40 * DAY).toISOString().slice(0, 10);
    expect((await refusal(saveEligibility(db(), talent.viewer, target, { phdStatus: "expected", phdDate: later, evidence }, IP))).code).toBe("phdAfterTrainingStart");
    const before = new Date(new Date(`${world.round.trainingStartsOn}T00:00:00Z`).getTime() - DAY).toISOString().slice(0, 10);
    const saved = await saveEligibility(db(), talent.viewer, target, { phdStatus: "expected", phdDate: before, evidence }, IP);
    expect(saved).toMatchObject({ phdStatus: "expected", phdExpectedOn: before, phdObtainedOn: null });
  });

  it("refuses a PhD 'obtained' in the future", async () => {
    const talent = await makeTalent(db());
    const tomorrow = new Date(Date.now() + 2 * DAY).toISOString().slice(0, 10);
    const error = await refusal(saveEligibility(db(), talent.viewer, { roundId: world.round.id, expectedVersion: null }, { ...obtained(), phdDate: tomorrow }, IP));
    expect(error.code).toBe("phdObtainedInFuture");
  });

  it("refuses missing, empty, non-PDF and over-large evidence, and writes nothing", async () => {
    const talent = await makeTalent(db());
    const target = { roundId: world.round.id, expectedVersion: null };
    expect((await refusal(saveEligibility(db(), talent.viewer, target, obtained(null), IP))).code).toBe("evidenceMissing");
    expect((await refusal(saveEligibility(db(), talent.viewer, target, obtained(pngBytes()), IP))).code).toBe("evidenceNotPdf");
    expect((await refusal(saveEligibility(db(), talent.viewer, target, obtained(new Uint8Array()), IP))).code).toBe("evidenceEmpty");
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(5 * 1024 * 1024)]);
    expect((await refusal(saveEligibility(db(), talent.viewer, target, obtained(big), IP))).code).toBe("evidenceTooLarge");
    // A PDF header with no end-of-file marker is not a PDF either.
    expect((await refusal(saveEligibility(db(), talent.viewer, target, obtained(Buffer.from("%PDF-1.4\nno end")), IP))).code).toBe("evidenceNotPdf");
    expect(await db().select().from(t.traineeApplications).where(eq(t.traineeApplications.userId, talent.id))).toEqual([]);
    expect(await db().select().from(t.files).where(eq(t.files.ownerUserId, talent.id))).toEqual([]);
  });

  it("keeps the evidence when a change sends none, and replaces it (removing the old file) when one is sent", async () => {
    const talent = await registeredTalent(db(), world);
    const kept = await saveEligibility(db(), talent.viewer, { roundId: world.round.id, expectedVersion: 1 }, { ...obtained(null), phdDate: "2023-01-15" }, IP);
    expect(kept).toMatchObject({ version: 2, phdObtainedOn: "2023-01-15", evidenceFileId: talent.application.evidenceFileId });
    const replaced = await saveEligibility(db(), talent.viewer, { roundId: world.round.id, expectedVersion: 2 }, obtained(tinyPdf("New")), IP);
    expect(replaced.evidenceFileId).not.toBe(talent.application.evidenceFileId);
    expect(await db().select().from(t.files).where(eq(t.files.id, talent.application.evidenceFileId!))).toEqual([]);
  });

  it("refuses a second start and a stale change", async () => {
    const talent = await registeredTalent(db(), world);
    expect((await refusal(saveEligibility(db(), talent.viewer, { roundId: world.round.id, expectedVersion: null }, obtained(), IP))).code).toBe("alreadyStarted");
    expect((await refusal(saveEligibility(db(), talent.viewer, { roundId: world.round.id, expectedVersion: 7 }, obtained(), IP))).code).toBe("stale");
  });

  it("is for talents only, and only while registration is open", async () => {
    const talent = await makeTalent(db());
    expect((await refusal(saveEligibility(db(), world.units[0]!.staff, { roundId: world.round.id, expectedVersion: null }, obtained(), IP))).code).toBe("notTalent");
    const early = new Date(world.round.registrationOpenAt.getTime() - 1000);
    expect((await refusal(saveEligibility(db(), talent.viewer, { roundId: world.round.id, expectedVersion: null }, obtained(), IP, early))).code).toBe("registrationNotOpen");
    const late = await saveEligibility(db(), talent.viewer, { roundId: world.round.id, expectedVersion: null }, obtained(), IP, world.round.preferencesCloseAt).catch((e: unknown) => e);
    expect(late).toBeInstanceOf(DeadlinePassedError);
    expect((late as DeadlinePassedError).deadline).toBe("preferences");
  });
});

describe("preferences", () => {
  it("submits a ranked list in order, with a receipt of exactly what was submitted", async () => {
    const talent = await registeredTalent(db(), world);
    const list = [unitIds(1, 2)[0]!, unitIds(1, 0)[0]!, unitIds(1, 1)[0]!];
    const saved = await submitPreferences(db(), talent.viewer, talent.application.id, { expectedVersion: 1, quotaApplicationIds: list }, IP);
    expect(saved).toMatchObject({ status: "submitted", version: 2 });
    expect(saved.submittedAt).toBeInstanceOf(Date);
    expect(await storedList(talent.application.id)).toEqual(list);
    const own = await getOwnApplication(db(), talent.viewer, world.round.id);
    expect(own!.receipts.map((r) => r.version)).toEqual([2]);
    const receipt = await getReceiptFor(db(), talent.viewer, own!.receipts[0]!.id, IP);
    expect(receipt).toMatchObject({
      applicationId: talent.application.id,
      version: 2,
      trainee: { name: talent.displayName, email: talent.email },
      eligibility: { phdStatus: "obtained", phdDate: "2024-06-30", evidence: { fileName: "diploma.pdf" } },
      round: { id: world.round.id, year: world.round.year },
    });
    expect(receipt!.preferences.map((p) => [p.rank, p.quotaApplicationId])).toEqual(list.map((id, i) => [i + 1, id]));
    const names = list.map((id) => world.units.find((u) => u.quotaApplicationId === id)!.organisation.nameZh);
    expect(receipt!.preferences.map((p) => p.nameZh)).toEqual(names);
    expect(new Date(receipt!.submittedAt).getTime()).toBe(saved.submittedAt!.getTime());
  });

  it("records every submission as its own receipt and keeps the old ones unchanged", async () => {
    const talent = await registeredTalent(db(), world);
    await submitPreferences(db(), talent.viewer, talent.application.id, { expectedVersion: 1, quotaApplicationIds: unitIds(2) }, IP);
    await submitPreferences(db(), talent.viewer, talent.application.id, { expectedVersion: 2, quotaApplicationIds: unitIds(3, 1) }, IP);
    // A change of eligibility after submitting is a new submission too.
    await saveEligibility(db(), talent.viewer, { roundId: world.round.id, expectedVersion: 3 }, { ...obtained(null), phdDate: "2022-02-02" }, IP);
    const rows = await db().select().from(t.preferenceReceipts).where(eq(t.preferenceReceipts.traineeApplicationId, talent.application.id)).orderBy(asc(t.preferenceReceipts.version));
    const contents = rows.map((r) => JSON.parse(r.content) as ReceiptContent);
    expect(contents.map((c) => c.version)).toEqual([2, 3, 4]);
    expect(contents[0]!.preferences.map((p) => p.quotaApplicationId)).toEqual(unitIds(2));
    expect(contents[1]!.preferences.map((p) => p.quotaApplicationId)).toEqual(unitIds(3, 1));
    expect(contents[2]!.preferences.map((p) => p.quotaApplicationId)).toEqual(unitIds(3, 1));
    expect(contents[2]!.eligibility.phdDate).toBe("2022-02-02");
    expect(contents[1]!.eligibility.phdDate).toBe("2024-06-30");
  });

  it("refuses a unit twice, naming the second place, and the database refuses it too", async () => {
    const talent = await registeredTalent(db(), world);
    const [a, b] = unitIds(2);
    const error = await refusal(submitPreferences(db(), talent.viewer, talent.application.id, { expectedVersion: 1, quotaApplicationIds: [a!, b!, a!] }, IP));
    expect(error).toMatchObject({ code: "unitTwice", detail: 2 });
    await expect(
      db().insert(t.traineePreferences).values([
        { traineeApplicationId: talent.application.id, rank: 1, quotaApplicationId: a! },
        { traineeApplicationId: talent.application.id, rank: 2, quotaApplicationId: a! },
      ]),
    ).rejects.toThrow();
    expect(await storedList(talent.application.id)).toEqual([]);
  });

  it("refuses a unit of another round, a unit given no quota, and an id that is no unit", async () => {
    const other = await roundInRegistration(db(), { units: 1 });
    const talent = await registeredTalent(db(), world);
    const submit = (ids: string[]) => submitPreferences(db(), talent.viewer, talent.application.id, { expectedVersion: 1, quotaApplicationIds: ids }, IP);
    expect(await refusal(submit([unitIds(1)[0]!, other.units[0]!.quotaApplicationId]))).toMatchObject({ code: "unitNotInRound", detail: 1 });
    expect(await refusal(submit([world.unallocated.quotaApplicationId]))).toMatchObject({ code: "unitNotInRound", detail: 0 });
    expect(await refusal(submit(["not-a-unit"]))).toMatchObject({ code: "unitNotInRound", detail: 0 });
    expect((await refusal(submit([]))).code).toBe("noPreferences");
    const [row] = await db().select().from(t.traineeApplications).where(eq(t.traineeApplications.id, talent.application.id));
    expect(row).toMatchObject({ status: "draft", version: 1 });
  });

  it("refuses more units than the round allows", async () => {
    const talent = await registeredTalent(db(), world);
    const error = await refusal(submitPreferences(db(), talent.viewer, talent.application.id, { expectedVersion: 1, quotaApplicationIds: unitIds(4) }, IP));
    expect(error).toMatchObject({ code: "tooManyPreferences", detail: 3 });
  });

  it("refuses after the preference deadline, naming it, and keeps the list submitted before", async () => {
    const talent = await registeredTalent(db(), world);
    await submitPreferences(db(), talent.viewer, talent.application.id, { expectedVersion: 1, quotaApplicationIds: unitIds(2) }, IP);
    const error = await submitPreferences(db(), talent.viewer, talent.application.id, { expectedVersion: 2, quotaApplicationIds: unitIds(1, 2) }, IP, world.round.preferencesCloseAt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadlinePassedError);
    expect(error).toMatchObject({ deadline: "preferences" });
    expect((error as Error).message).toContain("trainee preferences close");
    expect(await storedList(talent.application.id)).toEqual(unitIds(2));
  });

  it("refuses a stale version without touching the stored list", async () => {
    const talent = await registeredTalent(db(), world);
    await submitPreferences(db(), talent.viewer, talent.application.id, { expectedVersion: 1, quotaApplicationIds: unitIds(2) }, IP);
    expect((await refusal(submitPreferences(db(), talent.viewer, talent.application.id, { expectedVersion: 1, quotaApplicationIds: unitIds(3) }, IP))).code).toBe("stale");
    expect(await storedList(talent.application.id)).toEqual(unitIds(2));
  });

  it("50 saves at once on the same version: exactly one wins, the rest are stale, the list is one whole submission", async () => {
    const talent = await registeredTalent(db(), world);
    // Fifty different complete lists (permutations of three of the four units).
    const all = unitIds(4);
    const lists = Array.from({ length: 50 }, (_, i) => {
      const rotated = [...all.slice(i % 4), ...all.slice(0, i % 4)];
      return i % 8 < 4 ? rotated.slice(0, 3) : [...rotated.slice(0, 3)].reverse();
    });
    const outcomes = await Promise.allSettled(lists.map((list) => submitPreferences(db(), talent.viewer, talent.application.id, { expectedVersion: 1, quotaApplicationIds: list }, IP)));
    const won = outcomes.flatMap((o, i) => (o.status === "fulfilled" ? [i] : []));
    expect(won).toHaveLength(1);
    for (const o of outcomes) if (o.status === "rejected") expect(o.reason).toMatchObject({ code: "stale" });
    const stored = await storedList(talent.application.id);
    expect(stored).toEqual(lists[won[0]!]);
    const receipts = await db().select().from(t.preferenceReceipts).where(eq(t.preferenceReceipts.traineeApplicationId, talent.application.id));
    expect(receipts).toHaveLength(1);
    expect((JSON.parse(receipts[0]!.content) as ReceiptContent).preferences.map((p) => p.quotaApplicationId)).toEqual(stored);
  });

  it("is the talent's own: another talent's application is not found", async () => {
    const owner = await registeredTalent(db(), world);
    const other = await makeTalent(db());
    expect((await refusal(submitPreferences(db(), other.viewer, owner.application.id, { expectedVersion: 1, quotaApplicationIds: unitIds(1) }, IP))).code).toBe("notFound");
  });
});

describe("withdrawal and reads", () => {
  it("withdraws at the current version, and a withdrawn list can be submitted again before the deadline", async () => {
    const talent = await registeredTalent(db(), world);
    await submitPreferences(db(), talent.viewer, talent.application.id, { expectedVersion: 1, quotaApplicationIds: unitIds(2) }, IP);
    expect((await refusal(withdrawTraineeApplication(db(), talent.viewer, talent.application.id, 1, IP))).code).toBe("stale");
    const withdrawn = await withdrawTraineeApplication(db(), talent.viewer, talent.application.id, 2, IP);
    expect(withdrawn).toMatchObject({ status: "withdrawn", version: 3 });
    expect((await refusal(withdrawTraineeApplication(db(), talent.viewer, talent.application.id, 3, IP))).code).toBe("alreadyWithdrawn");
    const back = await submitPreferences(db(), talent.viewer, talent.application.id, { expectedVersion: 3, quotaApplicationIds: unitIds(1) }, IP);
    expect(back).toMatchObject({ status: "submitted", version: 4 });
  });

  it("shows a receipt to its talent and the office (audited), to nobody else", async () => {
    const talent = await registeredTalent(db(), world);
    await submitPreferences(db(), talent.viewer, talent.application.id, { expectedVersion: 1, quotaApplicationIds: unitIds(1) }, IP);
    const [receipt] = await db().select().from(t.preferenceReceipts).where(eq(t.preferenceReceipts.traineeApplicationId, talent.application.id));
    expect(await getReceiptFor(db(), (await makeTalent(db())).viewer, receipt!.id, IP)).toBeNull();
    expect(await getReceiptFor(db(), world.units[0]!.staff, receipt!.id, IP)).toBeNull();
    expect(await getReceiptFor(db(), world.officer, receipt!.id, IP)).not.toBeNull();
    expect(await auditOf(db(), receipt!.id, "personal-data-read")).toHaveLength(1);
  });

  it("lets the talent, the office and the units a submitted list names open the evidence", async () => {
    const talent = await registeredTalent(db(), world);
    const [listed, unlisted] = world.units;
    expect(await readEvidenceFor(db(), listed!.staff, talent.application.id, IP)).toBeNull();
    await submitPreferences(db(), talent.viewer, talent.application.id, { expectedVersion: 1, quotaApplicationIds: [listed!.quotaApplicationId] }, IP);
    expect((await readEvidenceFor(db(), talent.viewer, talent.application.id, IP))?.fileName).toBe("diploma.pdf");
    expect(await readEvidenceFor(db(), listed!.staff, talent.application.id, IP)).not.toBeNull();
    expect(await readEvidenceFor(db(), unlisted!.staff, talent.application.id, IP)).toBeNull();
    expect(await readEvidenceFor(db(), world.officer, talent.application.id, IP)).not.toBeNull();
    expect(await auditOf(db(), talent.application.id, "personal-data-read")).toHaveLength(1);
  });

  it("lists the round's applications for the office with counts, auditing the read", async () => {
    const own = await roundInRegistration(db(), { units: 1 });
    const a = await registeredTalent(db(), own, "alpha");
    await registeredTalent(db(), own, "beta");
    await submitPreferences(db(), a.viewer, a.application.id, { expectedVersion: 1, quotaApplicationIds: [own.units[0]!.quotaApplicationId] }, IP);
    const list = await listRoundTrainees(db(), own.officer, own.round.id, { limit: 50, offset: 0 }, IP);
    expect(list.total).toBe(2);
    expect(list.counts).toEqual({ draft: 1, submitted: 1, withdrawn: 0 });
    expect(list.rows.find((r) => r.id === a.application.id)).toMatchObject({ status: "submitted", preferences: 1, hasEvidence: true });
    const submitted = await listRoundTrainees(db(), own.officer, own.round.id, { limit: 50, offset: 0, status: "submitted" }, IP);
    expect(submitted.rows.map((r) => r.id)).toEqual([a.application.id]);
    await expect(listRoundTrainees(db(), a.viewer, own.round.id, { limit: 50, offset: 0 }, IP)).rejects.toMatchObject({ code: "notOffice" });
  });
});

describe("innovation scores", () => {
  it("records one score (two decimals at most, 0 to 100) and refuses others", async () => {
    const talent = await registeredTalent(db(), world);
    await recordInnovationScore(db(), world.officer, talent.application.id, 87.25, IP);
    const [row] = await db().select().from(t.traineeApplications).where(eq(t.traineeApplications.id, talent.application.id));
    expect(row).toMatchObject({ innovationScore: 87.25, version: 1 });
    for (const bad of [-1, 100.5, 50.125, Number.NaN]) {
      expect((await refusal(recordInnovationScore(db(), world.officer, talent.application.id, bad, IP))).code).toBe("scoreOutOfRange");
    }
    expect((await refusal(recordInnovationScore(db(), talent.viewer, talent.application.id, 50, IP))).code).toBe("notOffice");
    expect(parseScore("100")).toBe(100);
    expect(parseScore("07.5")).toBe(7.5);
    expect(parseScore("1e2")).toBeNull();
  });

  it("imports a CSV by application id or e-mail, with a header row", async () => {
    const own = await roundInRegistration(db(), { units: 1 });
    const a = await registeredTalent(db(), own, "csv-a");
    const b = await registeredTalent(db(), own, "csv-b");
    const csv = `\ufeffapplication,score\r\n${a.application.id},88.5\r\n"${b.email.toUpperCase()}", 61\r\n\r\n`;
    expect(await importInnovationScores(db(), own.officer, own.round.id, csv, IP)).toEqual({ ok: true, imported: 2 });
    const rows = await db().select({ id: t.traineeApplications.id, score: t.traineeApplications.innovationScore }).from(t.traineeApplications).where(eq(t.traineeApplications.roundId, own.round.id));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.score]))).toEqual({ [a.application.id]: 88.5, [b.application.id]: 61 });
  });

  it("writes nothing when any row is rejected, and reports every rejected row with its reason", async () => {
    const own = await roundInRegistration(db(), { units: 1 });
    const a = await registeredTalent(db(), own, "bad-a");
    const stranger = await registeredTalent(db(), world, "elsewhere");
    const csv = [
      `${a.application.id},70`,
      `${stranger.email},50`,
      `nobody,40`,
      `${a.email},101`,
      `${a.email},60`,
      `${a.application.id},65,extra`,
      `lonely`,
    ].join("\n");
    const result = await importInnovationScores(db(), own.officer, own.round.id, csv, IP);
    expect(result).toEqual({
      ok: false,
      rejected: [
        { line: 2, identifier: stranger.email, score: "50", reason: "notInRound" },
        { line: 3, identifier: "nobody", score: "40", reason: "identifier" },
        { line: 4, identifier: a.email, score: "101", reason: "score" },
        { line: 5, identifier: a.email, score: "60", reason: "duplicate" },
        { line: 6, identifier: a.application.id, score: "65", reason: "columns" },
        { line: 7, identifier: "lonely", score: "", reason: "columns" },
      ],
    });
    const [row] = await db().select().from(t.traineeApplications).where(eq(t.traineeApplications.id, a.application.id));
    expect(row!.innovationScore).toBeNull();
    const report = rejectedRowsCsv(result.ok ? [] : result.rejected, ["line", "identifier", "score", "reason"], (r) => `why: ${r}`);
    expect(report.split("\r\n")[1]).toBe(`"2","${stranger.email}","50","why: notInRound"`);
  });

  it("rejects an unreadable or empty file as a whole, and refuses after the unit-ranking deadline", async () => {
    const own = await roundInRegistration(db(), { units: 1 });
    expect(await importInnovationScores(db(), own.officer, own.round.id, 'a,"unclosed\n', IP)).toMatchObject({ ok: false, rejected: [{ reason: "unreadable" }] });
    expect(await importInnovationScores(db(), own.officer, own.round.id, "email,score\n", IP)).toMatchObject({ ok: false, rejected: [{ reason: "empty" }] });
    const a = await registeredTalent(db(), own, "late");
    const late = await importInnovationScores(db(), own.officer, own.round.id, `${a.email},50`, IP, own.round.unitRankingCloseAt).catch((e: unknown) => e);
    expect(late).toMatchObject({ deadline: "unitRanking" });
    const audit = await db().select().from(t.auditLog).where(and(eq(t.auditLog.entityId, own.round.id), eq(t.auditLog.action, "innovation-scores-imported")));
    expect(audit).toEqual([]);
  });
});
