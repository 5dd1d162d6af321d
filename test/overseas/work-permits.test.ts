// The work-permit tracker against real Postgres: a case opens exactly once on the hire of an overseas
// talent and never for a Taiwanese one; each side may update only its own steps; due dates in the past
// and documents of the wrong type or size are refused; the office's list shows where a case stalls.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { moveApplication } from "../../app/applications/pipeline.server";
import { getCaseFor, taipeiToday, updateStep, WorkPermitRuleError } from "../../app/work-permits/cases.server";
import { attachDocument, MAX_DOCUMENT_BYTES, readDocument, sniffDocument } from "../../app/work-permits/documents.server";
import { listStalledCases } from "../../app/work-permits/stalls.server";
import { links, mailTo, useDatabase } from "../auth/support";
import { IP, makeTalent } from "../applications/world";
import { casesOf, hireWorld, JPEG, makeOfficer, PDF, PNG, stepsOf } from "./world";

const db = useDatabase();
const inDays = (days: number) => taipeiToday(new Date(Date.now() + days * 86_400_000));

describe("opening a case", () => {
  it("opens one case with six steps on the hire of an overseas talent, and mails both sides in their language", async () => {
    const w = await hireWorld(db(), { nationality: "IN" });
    const cases = await casesOf(db(), w.application.id);
    expect(cases).toHaveLength(1);
    const steps = await stepsOf(db(), cases[0]!.id);
    expect(steps.map((s) => [s.kind, s.owner, s.status])).toEqual([
      ["offer", "company", "done"],
      ["documents", "talent", "pending"],
      ["work_permit", "company", "pending"],
      ["gold_card_or_visa", "talent", "pending"],
      ["arrival", "talent", "pending"],
      ["residence_certificate", "talent", "pending"],
    ]);
    const mail = await mailTo(db(), w.talent.email);
    expect(mail.map((m) => m.subject)).toContain("Your work-permit case is open");
  });

  it("opens no case for a Taiwanese talent, nor for one whose nationality is unknown, nor at the offer", async () => {
    const taiwanese = await hireWorld(db(), { nationality: "TW" });
    expect(await casesOf(db(), taiwanese.application.id)).toHaveLength(0);
    const unknown = await hireWorld(db(), { nationality: null });
    expect(await casesOf(db(), unknown.application.id)).toHaveLength(0);
    const offered = await hireWorld(db(), { nationality: "US", hire: false });
    expect(await casesOf(db(), offered.application.id)).toHaveLength(0);
  });

  it("opens exactly one case when two recruiters hire at once", async () => {
    const w = await hireWorld(db(), { nationality: "JP", hire: false });
    const results = await Promise.allSettled([
      moveApplication(db(), w.recruiter, w.application.id, { from: "offer", to: "hired" }, links, IP),
      moveApplication(db(), w.colleague, w.application.id, { from: "offer", to: "hired" }, links, IP),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await casesOf(db(), w.application.id)).toHaveLength(1);
  });
});

describe("updating steps", () => {
  it("lets the talent and the company each advance their own steps", async () => {
    const w = await hireWorld(db(), { nationality: "DE" });
    const [kase] = await casesOf(db(), w.application.id);
    const steps = await stepsOf(db(), kase!.id);
    await updateStep(db(), w.talent.viewer, kase!.id, steps[1]!.id, { status: "done", dueOn: inDays(3), note: "Passport and diploma" }, IP);
    await updateStep(db(), w.colleague, kase!.id, steps[2]!.id, { status: "in_progress", dueOn: inDays(20), note: "" }, IP);
    const after = await stepsOf(db(), kase!.id);
    expect(after[1]).toMatchObject({ status: "done", dueOn: inDays(3), note: "Passport and diploma", changedBy: w.talent.id });
    expect(after[2]).toMatchObject({ status: "in_progress", dueOn: inDays(20) });
  });

  it("refuses the other side's step, a stranger, and the office (which only reads)", async () => {
    const w = await hireWorld(db(), { nationality: "DE" });
    const [kase] = await casesOf(db(), w.application.id);
    const steps = await stepsOf(db(), kase!.id);
    const refusal = (p: Promise<unknown>) => p.then(() => "accepted", (e: unknown) => (e instanceof WorkPermitRuleError ? e.code : String(e)));
    expect(await refusal(updateStep(db(), w.talent.viewer, kase!.id, steps[2]!.id, { status: "done", dueOn: null, note: "" }, IP))).toBe("notOwner");
    expect(await refusal(updateStep(db(), w.recruiter, kase!.id, steps[1]!.id, { status: "done", dueOn: null, note: "" }, IP))).toBe("notOwner");
    expect(await refusal(updateStep(db(), await makeOfficer(db()), kase!.id, steps[1]!.id, { status: "done", dueOn: null, note: "" }, IP))).toBe("notOwner");
    const stranger = await makeTalent(db());
    expect(await refusal(updateStep(db(), stranger.viewer, kase!.id, steps[1]!.id, { status: "done", dueOn: null, note: "" }, IP))).toBe("notFound");
    expect(await getCaseFor(db(), stranger.viewer, kase!.id)).toBeNull();
    expect((await stepsOf(db(), kase!.id))[1]!.status).toBe("pending");
  });

  it("refuses a due date in the past but keeps one already set", async () => {
    const w = await hireWorld(db(), { nationality: "FR" });
    const [kase] = await casesOf(db(), w.application.id);
    const steps = await stepsOf(db(), kase!.id);
    await expect(updateStep(db(), w.talent.viewer, kase!.id, steps[1]!.id, { status: "in_progress", dueOn: inDays(-1), note: "" }, IP)).rejects.toMatchObject({ code: "duePast" });
    await updateStep(db(), w.talent.viewer, kase!.id, steps[1]!.id, { status: "in_progress", dueOn: inDays(0), note: "" }, IP);
    // Later, when that day has passed, the same date may be kept while the status changes.
    await updateStep(db(), w.talent.viewer, kase!.id, steps[1]!.id, { status: "done", dueOn: inDays(0), note: "" }, IP, new Date(Date.now() + 3 * 86_400_000));
    expect((await stepsOf(db(), kase!.id))[1]!.status).toBe("done");
  });
});

describe("documents", () => {
  it("takes PDF, PNG and JPEG judged by their bytes, and the company and office may read them", async () => {
    expect([sniffDocument(PDF), sniffDocument(PNG), sniffDocument(JPEG)]).toEqual(["application/pdf", "image/png", "image/jpeg"]);
    const w = await hireWorld(db(), { nationality: "VN" });
    const [kase] = await casesOf(db(), w.application.id);
    const steps = await stepsOf(db(), kase!.id);
    const added = await attachDocument(db(), w.talent.viewer, kase!.id, steps[1]!.id, { fileName: "passport.exe", bytes: PNG }, IP);
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    const read = await readDocument(db(), w.recruiter, kase!.id, added.documentId);
    expect(read).toMatchObject({ fileName: "passport.exe.png", mimeType: "image/png" });
    expect(await readDocument(db(), await makeOfficer(db()), kase!.id, added.documentId)).not.toBeNull();
    expect(await readDocument(db(), (await makeTalent(db())).viewer, kase!.id, added.documentId)).toBeNull();
    expect((await stepsOf(db(), kase!.id))[1]!.status).toBe("in_progress");
  });

  it("refuses a file of the wrong type (whatever its name), an empty one and one over 5 MiB, storing nothing", async () => {
    const w = await hireWorld(db(), { nationality: "VN" });
    const [kase] = await casesOf(db(), w.application.id);
    const steps = await stepsOf(db(), kase!.id);
    const attach = (bytes: Uint8Array, fileName = "x.pdf") => attachDocument(db(), w.talent.viewer, kase!.id, steps[1]!.id, { fileName, bytes }, IP);
    expect(await attach(Buffer.from("<html>not a pdf</html>"), "scan.pdf")).toEqual({ ok: false, problem: "wrongType" });
    expect(await attach(Buffer.from("GIF89a..."), "photo.png")).toEqual({ ok: false, problem: "wrongType" });
    expect(await attach(new Uint8Array(0))).toEqual({ ok: false, problem: "empty" });
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_DOCUMENT_BYTES)]);
    expect(await attach(big)).toEqual({ ok: false, problem: "tooLarge" });
    await expect(attachDocument(db(), w.recruiter, kase!.id, steps[1]!.id, { fileName: "a.pdf", bytes: PDF }, IP)).rejects.toMatchObject({ code: "notOwner" });
    const stored = await db().select().from(t.workPermitDocuments).where(eq(t.workPermitDocuments.stepId, steps[1]!.id));
    expect(stored).toHaveLength(0);
  });
});

describe("the office's stall list", () => {
  it("shows the step each case waits on, whose it is and the days since it last changed", async () => {
    const w = await hireWorld(db(), { nationality: "ID" });
    const [kase] = await casesOf(db(), w.application.id);
    const steps = await stepsOf(db(), kase!.id);
    // The documents step finished ten days ago: the work-permit application has waited since.
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000);
    await db().update(t.workPermitSteps).set({ changedAt: new Date(Date.now() - 30 * 86_400_000) }).where(eq(t.workPermitSteps.caseId, kase!.id));
    await db().update(t.workPermitSteps).set({ status: "done", changedAt: tenDaysAgo }).where(eq(t.workPermitSteps.id, steps[1]!.id));
    const { rows } = await listStalledCases(db(), { sort: "stalled", dir: "desc", page: 1 });
    const row = rows.find((r) => r.caseId === kase!.id);
    expect(row).toMatchObject({ step: "work_permit", owner: "company", days: 10 });
    // Stalled longest first.
    const days = rows.map((r) => r.days);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    const ascending = (await listStalledCases(db(), { sort: "stalled", dir: "asc", page: 1 })).rows.map((r) => r.days);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  });

  it("drops a case once every step is done", async () => {
    const w = await hireWorld(db(), { nationality: "ID" });
    const [kase] = await casesOf(db(), w.application.id);
    const steps = await stepsOf(db(), kase!.id);
    for (const step of steps.slice(1)) {
      const who = step.owner === "talent" ? w.talent.viewer : w.recruiter;
      await updateStep(db(), who, kase!.id, step.id, { status: "done", dueOn: null, note: "" }, IP);
    }
    const [closed] = await casesOf(db(), w.application.id);
    expect(closed!.closedAt).not.toBeNull();
    const { rows } = await listStalledCases(db(), { sort: "stalled", dir: "desc", page: 1 });
    expect(rows.some((r) => r.caseId === kase!.id)).toBe(false);
    await expect(updateStep(db(), w.talent.viewer, kase!.id, steps[1]!.id, { status: "in_progress", dueOn: null, note: "" }, IP)).rejects.toMatchObject({ code: "caseClosed" });
  });
});
