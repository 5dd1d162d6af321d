// The talent's CV on the real database: accepted by its bytes (not its name or declared type), one per
// talent, and readable only by the talent, the office (audited), companies the talent applied to, and
// approved companies when the profile is open to them. Then the same through the built app over HTTP.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import type { Viewer } from "../../app/auth/session.server";
import { localeCookie } from "../../app/i18n/locale.server";
import { cvContentDisposition, displayFileName, looksLikePdf, MAX_CV_BYTES, readCvFor, removeCv, saveCv } from "../../app/talents/cv.server";
import { auditOf, makeUser, signedIn, unique, useDatabase, type MadeUser } from "../auth/support";
import { pngBytes, tinyPdf } from "../support/tiny-pdf";
import { testSearch } from "../support/services";

const db = useDatabase();
const IP = "192.0.2.41";

/** Bytes of the given size that are a PDF by signature and end marker. */
function pdfOfSize(size: number): Buffer {
  const bytes = Buffer.alloc(size, 0x20);
  bytes.write("%PDF-1.7\n", 0, "latin1");
  bytes.write("%%EOF\n", size - 6, "latin1");
  return bytes;
}

const cvFilesOf = (userId: string) => db().select({ id: t.files.id }).from(t.files).where(and(eq(t.files.ownerUserId, userId), eq(t.files.purpose, "cv")));

describe("what counts as a CV", () => {
  it("a real PDF passes; the name and type the browser gave play no part", () => {
    expect(looksLikePdf(tinyPdf())).toBe(true);
    expect(looksLikePdf(pngBytes())).toBe(false);
  });

  it("the header may follow up to 1024 bytes of other data, the end marker must be in the last 1024 bytes", () => {
    const late = Buffer.concat([Buffer.alloc(1000, 0x20), tinyPdf()]);
    expect(looksLikePdf(late)).toBe(true);
    const tooLate = Buffer.concat([Buffer.alloc(1100, 0x20), tinyPdf()]);
    expect(looksLikePdf(tooLate)).toBe(false);
    const endTooEarly = Buffer.concat([tinyPdf(), Buffer.alloc(2000, 0x20)]);
    expect(looksLikePdf(endTooEarly)).toBe(false);
    expect(looksLikePdf(Buffer.from("%PDF-1.4\nJust some text that claims to be a PDF.\n", "latin1"))).toBe(false);
  });

  it("the stored name keeps only a display name ending in .pdf", () => {
    expect(displayFileName("C:\\Users\\me\\履歷 2026.PDF")).toBe("履歷 2026.pdf");
    expect(displayFileName("../../etc/passwd")).toBe("passwd.pdf");
    expect(displayFileName("cv\u202egnp.pdf")).toBe("cvgnp.pdf");
    expect(displayFileName("\u0000\n")).toBe("cv.pdf");
    expect(displayFileName(`${"a".repeat(300)}.pdf`)).toHaveLength(120);
  });

  it("the download name is offered as UTF-8 with an ASCII stand-in", () => {
    expect(cvContentDisposition("王小明 履歷 (final).pdf")).toBe(
      "attachment; filename=\"___ __ (final).pdf\"; filename*=UTF-8''%E7%8E%8B%E5%B0%8F%E6%98%8E%20%E5%B1%A5%E6%AD%B7%20%28final%29.pdf",
    );
    expect(cvContentDisposition('a"b;c.pdf')).toBe("attachment; filename=\"a_b_c.pdf\"; filename*=UTF-8''a%22b%3Bc.pdf");
  });
});

describe("saveCv and removeCv", () => {
  let talent: MadeUser;
  beforeAll(async () => {
    talent = await makeUser(db(), { label: "cv-owner", roles: ["talent"] });
  });
  afterAll(async () => {
    await db().delete(t.users).where(eq(t.users.id, talent.id));
  });

  it("a real small PDF is stored, and a blank profile made to point at it", async () => {
    const bytes = tinyPdf();
    const result = await saveCv(db(), talent.id, { fileName: "my cv.pdf", bytes });
    expect(result.ok).toBe(true);
    const [profile] = await db().select().from(t.talentProfiles).where(eq(t.talentProfiles.userId, talent.id));
    expect(profile).toMatchObject({ headline: "", visibility: "applications_only", cvFileId: result.ok ? result.fileId : "" });
    const [file] = await db().select().from(t.files).where(eq(t.files.id, profile!.cvFileId!));
    expect(file).toMatchObject({ ownerUserId: talent.id, purpose: "cv", fileName: "my cv.pdf", mimeType: "application/pdf", sizeBytes: bytes.length });
    expect(Buffer.compare(file!.content, bytes)).toBe(0);
    expect(file!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ["a PNG renamed .pdf", pngBytes(), "cv.notPdf"],
    ["a text file starting with %PDF- but without %%EOF", Buffer.from("%PDF-1.4\nNot really a PDF.\n".repeat(20), "latin1"), "cv.notPdf"],
    ["5 MiB and one byte", pdfOfSize(MAX_CV_BYTES + 1), "cv.tooLarge"],
    ["an empty file", Buffer.alloc(0), "cv.empty"],
  ])("%s is refused and nothing changes", async (_label, bytes, problem) => {
    const before = await cvFilesOf(talent.id);
    expect(await saveCv(db(), talent.id, { fileName: "cv.pdf", bytes })).toEqual({ ok: false, problem });
    expect(await cvFilesOf(talent.id)).toEqual(before);
  });

  it("exactly 5 MiB is accepted", async () => {
    expect((await saveCv(db(), talent.id, { fileName: "big.pdf", bytes: pdfOfSize(MAX_CV_BYTES) })).ok).toBe(true);
  });

  it("a new CV replaces the old one and deletes its file row", async () => {
    const [old] = await cvFilesOf(talent.id);
    const result = await saveCv(db(), talent.id, { fileName: "new.pdf", bytes: tinyPdf("New") });
    if (!result.ok) throw new Error(result.problem);
    expect(await cvFilesOf(talent.id)).toEqual([{ id: result.fileId }]);
    expect(await db().select({ id: t.files.id }).from(t.files).where(eq(t.files.id, old!.id))).toEqual([]);
  });

  it("keeps the rest of an existing profile", async () => {
    await db().update(t.talentProfiles).set({ headline: "Kept", visibility: "approved_companies" }).where(eq(t.talentProfiles.userId, talent.id));
    await saveCv(db(), talent.id, { fileName: "again.pdf", bytes: tinyPdf() });
    const [profile] = await db().select().from(t.talentProfiles).where(eq(t.talentProfiles.userId, talent.id));
    expect(profile).toMatchObject({ headline: "Kept", visibility: "approved_companies" });
  });

  it("removing deletes the file and clears the profile's reference", async () => {
    expect(await removeCv(db(), talent.id)).toBe(true);
    expect(await cvFilesOf(talent.id)).toEqual([]);
    const [profile] = await db().select().from(t.talentProfiles).where(eq(t.talentProfiles.userId, talent.id));
    expect(profile!.cvFileId).toBeNull();
    expect(await removeCv(db(), talent.id)).toBe(false);
  });
});

/** A talent with a CV, a company they applied to, an unrelated approved company, an unapproved one, and the office. */
function useWorld() {
  const w = {} as {
    talent: MadeUser;
    otherTalent: MadeUser;
    appliedRecruiter: MadeUser;
    unrelatedRecruiter: MadeUser;
    unapprovedRecruiter: MadeUser;
    unitStaff: MadeUser;
    officer: MadeUser;
    admin: MadeUser;
    organisationIds: string[];
  };
  beforeAll(async () => {
    const tag = unique();
    w.talent = await makeUser(db(), { label: "cv-talent", roles: ["talent"] });
    w.otherTalent = await makeUser(db(), { label: "cv-other", roles: ["talent"] });
    w.appliedRecruiter = await makeUser(db(), { label: "cv-applied", roles: ["company_recruiter"] });
    w.unrelatedRecruiter = await makeUser(db(), { label: "cv-unrelated", roles: ["company_recruiter"] });
    w.unapprovedRecruiter = await makeUser(db(), { label: "cv-unapproved", roles: ["company_recruiter"] });
    w.unitStaff = await makeUser(db(), { label: "cv-unit", roles: ["training_unit_staff"] });
    w.officer = await makeUser(db(), { label: "cv-officer", roles: ["programme_officer"] });
    w.admin = await makeUser(db(), { label: "cv-admin", roles: ["admin"] });
    const organisation = async (name: string, kind: "company" | "training_unit", approved: boolean, member: MadeUser) => {
      const [row] = await db()
        .insert(t.organisations)
        .values({ slug: `cv-${name}-${tag}`, kind, nameZh: `履歷${name}`, nameEn: `CV ${name}`, approval: approved ? "approved" : "pending", approvedAt: approved ? new Date() : null })
        .returning({ id: t.organisations.id });
      await db().insert(t.memberships).values({ organisationId: row!.id, userId: member.id, isOrgAdmin: true });
      return row!.id;
    };
    const applied = await organisation("applied", "company", true, w.appliedRecruiter);
    w.organisationIds = [
      applied,
      await organisation("unrelated", "company", true, w.unrelatedRecruiter),
      await organisation("unapproved", "company", false, w.unapprovedRecruiter),
      await organisation("unit", "training_unit", true, w.unitStaff),
    ];
    const [occupation] = await db().select({ id: t.occupations.id }).from(t.occupations).limit(1);
    const [position] = await db()
      .insert(t.positions)
      .values({ organisationId: applied, occupationId: occupation!.id, title: `CV ${tag}`, description: "-", city: "台北市", headcount: 1, remainingHeadcount: 1, minEducation: "master", experience: "any", status: "published" })
      .returning({ id: t.positions.id });
    // Invited by the company, not yet answered: the company may still read the CV.
    await db().insert(t.applications).values({ positionId: position!.id, talentUserId: w.talent.id, origin: "invited", stage: "invited" });
    const saved = await saveCv(db(), w.talent.id, { fileName: "王小明 履歷.pdf", bytes: tinyPdf("Wang") });
    if (!saved.ok) throw new Error(saved.problem);
  });
  afterAll(async () => {
    if (!w.organisationIds) return;
    await db().delete(t.organisations).where(inArray(t.organisations.id, w.organisationIds));
    const people = [w.talent, w.otherTalent, w.appliedRecruiter, w.unrelatedRecruiter, w.unapprovedRecruiter, w.unitStaff, w.officer, w.admin];
    await db().delete(t.users).where(inArray(t.users.id, people.filter(Boolean).map((p) => p.id)));
  });
  return w;
}

const setVisibility = (userId: string, visibility: "approved_companies" | "applications_only") =>
  db().update(t.talentProfiles).set({ visibility }).where(eq(t.talentProfiles.userId, userId));

describe("readCvFor", () => {
  const w = useWorld();
  const viewerOf = async (user: MadeUser): Promise<Viewer> => (await signedIn(db(), user.id)).viewer;
  const reads = async (user: MadeUser | null) => (await readCvFor(db(), user ? await viewerOf(user) : null, w.talent.id, { ip: IP })) !== null;

  it("with the profile closed to companies: the talent, the office and the company applied to", async () => {
    await setVisibility(w.talent.id, "applications_only");
    const file = await readCvFor(db(), await viewerOf(w.talent), w.talent.id);
    expect(file?.fileName).toBe("王小明 履歷.pdf");
    expect(Buffer.compare(file!.content, tinyPdf("Wang"))).toBe(0);
    expect(await reads(w.officer)).toBe(true);
    expect(await reads(w.admin)).toBe(true);
    expect(await reads(w.appliedRecruiter)).toBe(true);
    expect(await reads(w.unrelatedRecruiter)).toBe(false);
    expect(await reads(w.unapprovedRecruiter)).toBe(false);
    expect(await reads(w.otherTalent)).toBe(false);
    expect(await reads(w.unitStaff)).toBe(false);
    expect(await reads(null)).toBe(false);
  });

  it("opened to approved companies: any approved company's recruiter too, still not an unapproved one", async () => {
    await setVisibility(w.talent.id, "approved_companies");
    expect(await reads(w.unrelatedRecruiter)).toBe(true);
    expect(await reads(w.appliedRecruiter)).toBe(true);
    expect(await reads(w.unapprovedRecruiter)).toBe(false);
    expect(await reads(w.otherTalent)).toBe(false);
    expect(await reads(w.unitStaff)).toBe(false);
    expect(await reads(null)).toBe(false);
  });

  it("the office's read is written to the audit log; the talent's own is not", async () => {
    const before = await auditOf(db(), w.talent.id, "personal-data-read");
    await readCvFor(db(), await viewerOf(w.talent), w.talent.id, { ip: IP });
    expect(await auditOf(db(), w.talent.id, "personal-data-read")).toHaveLength(before.length);
    await readCvFor(db(), await viewerOf(w.officer), w.talent.id, { ip: IP });
    const after = await auditOf(db(), w.talent.id, "personal-data-read");
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ actorUserId: w.officer.id, entity: "talent-cv", entityId: w.talent.id, ip: IP });
  });

  it("someone without a CV reads as nothing, even to the office", async () => {
    expect(await readCvFor(db(), await viewerOf(w.officer), w.otherTalent.id)).toBeNull();
  });
});

describe("over HTTP through the built app", () => {
  const w = useWorld();
  let build: ServerBuild;
  beforeAll(async () => {
    build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  });

  async function call(url: string, user: MadeUser | null, init: { method?: string; body?: FormData | URLSearchParams; headers?: Record<string, string> } = {}) {
    const handler = createRequestHandler(build, "production");
    const request = new Request(`http://portal.test${url}`, {
      method: init.method ?? "GET",
      headers: { Origin: "http://portal.test", Host: "portal.test", ...init.headers },
      body: init.body,
      redirect: "manual",
    });
    const context = {
      services: { db: db(), search: testSearch("cv"), env: { PUBLIC_URL: "http://portal.test", NODE_ENV: "production" }, mail: { wake: () => {}, devInbox: true }, searchSync: { wake: () => {} } },
      cspNonce: "",
      clientIp: IP,
      viewer: user ? (await signedIn(db(), user.id)).viewer : null,
    };
    return handler(request, context as never);
  }

  const upload = (name: string, bytes: Buffer, type = "application/pdf") => {
    const form = new FormData();
    form.set("intent", "upload");
    form.set("cv", new File([new Uint8Array(bytes)], name, { type }));
    return form;
  };

  it("the download carries the PDF with headers that keep it private and un-sniffed", async () => {
    await setVisibility(w.talent.id, "applications_only");
    const response = await call(`/talents/${w.talent.id}/cv`, w.appliedRecruiter);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe(cvContentDisposition("王小明 履歷.pdf"));
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), tinyPdf("Wang"))).toBe(0);
  });

  it("is a 404 to those who may not read it, and sends the signed-out to log in", async () => {
    for (const user of [w.otherTalent, w.unrelatedRecruiter, w.unapprovedRecruiter, w.unitStaff]) {
      expect((await call(`/talents/${w.talent.id}/cv`, user)).status, user.email).toBe(404);
    }
    const anonymous = await call(`/talents/${w.talent.id}/cv`, null);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?/);
  });

  it("an upload of a real PDF goes back to the profile, and the talent then downloads it", async () => {
    const response = await call("/profile/cv", w.otherTalent, { method: "POST", body: upload("cv.pdf", tinyPdf("Other")) });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/profile?cv=saved");
    const download = await call(`/talents/${w.otherTalent.id}/cv`, w.otherTalent);
    expect(download.status).toBe(200);
    const profile = await call("/profile", w.otherTalent);
    expect(await profile.text()).toContain(`href="/talents/${w.otherTalent.id}/cv"`);
  });

  it("a PNG named .pdf and declared as a PDF is refused with a 400 in the user's language", async () => {
    const response = await call("/profile/cv", w.otherTalent, { method: "POST", body: upload("photo.pdf", pngBytes()) });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("這個檔案不是 PDF");
    const english = await call("/profile/cv", w.otherTalent, { method: "POST", body: upload("photo.pdf", pngBytes()), headers: { Cookie: (await localeCookie.serialize("en")).split(";")[0]! } });
    expect(english.status).toBe(400);
    expect(await english.text()).toContain("This file is not a PDF");
  });

  it("a part over 5 MiB is a 400 with a clear message, not a 500", async () => {
    const response = await call("/profile/cv", w.otherTalent, { method: "POST", body: upload("big.pdf", pdfOfSize(MAX_CV_BYTES + 1)) });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("檔案超過 5 MB");
  });

  it("no file chosen is refused beside the field", async () => {
    const form = new FormData();
    form.set("intent", "upload");
    form.set("cv", new File([], "", { type: "application/octet-stream" }));
    const response = await call("/profile/cv", w.otherTalent, { method: "POST", body: form });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("請選擇要上傳的 PDF 檔");
  });

  it("removing goes back to the profile, after which the CV is gone", async () => {
    const response = await call("/profile/cv", w.otherTalent, { method: "POST", body: new URLSearchParams({ intent: "remove" }) });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/profile?cv=removed");
    expect((await call(`/talents/${w.otherTalent.id}/cv`, w.otherTalent)).status).toBe(404);
  });

  it("only talents may upload", async () => {
    const response = await call("/profile/cv", w.appliedRecruiter, { method: "POST", body: upload("cv.pdf", tinyPdf()) });
    expect(response.status).toBe(403);
  });
});
