// Certificates through the built app: the bilingual PDF (a real PDF carrying its serial, with the Chinese
// font embedded as a subset) for its holder, staff and the office only, and the public verification page
// for a valid, a revoked and an unknown code, showing nothing personal beyond the holder's display name;
// revoking one from the cohort page, with its reason, and every refusal of it.
import { and, eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import type { Viewer } from "../../app/auth/session.server";
import { enrol, issueCertificate, markCompleted } from "../../app/programmes/enrolment.server";
import { useDatabase } from "../auth/support";
import { useBuiltApp } from "../support/built-app";
import { testSearch } from "../support/services";
import { IP, makeUnit, publishedCohort, talent } from "./support";

const db = useDatabase();
const send = useBuiltApp(() => ({ db: db(), search: testSearch("certificates") }), { ip: IP });
const call = (url: string, viewer: Viewer | null, locale: "en" | "zh-TW" = "en", form?: Record<string, string>) => send(viewer, url, { locale, form });

describe("certificates", () => {
  it("the PDF is bilingual, carries the serial and the verification URL, and only its holder, staff and the office get it", async () => {
    const { unit, staff, office } = await makeUnit(db());
    const other = await makeUnit(db());
    const { cohort } = await publishedCohort(db(), staff, unit.id);
    const holder = await talent(db(), "holder");
    const stranger = await talent(db(), "stranger");
    const enrolment = await enrol(db(), holder.viewer, cohort.id);
    await markCompleted(db(), staff, enrolment.id, IP);
    const certificate = await issueCertificate(db(), staff, enrolment.id, IP);

    const response = await call(`/certificates/${certificate.verificationCode}/pdf`, holder.viewer);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes.slice(0, 5)).toString("latin1")).toBe("%PDF-");
    // Subset, not the whole 1.3 MB font.
    expect(bytes.length).toBeLessThan(200_000);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getTitle()).toContain(certificate.serial);
    expect(pdf.getTitle()).toContain("結訓證書");
    expect(pdf.getKeywords()).toContain(certificate.serial);

    for (const viewer of [staff, office]) expect((await call(`/certificates/${certificate.verificationCode}/pdf`, viewer)).status).toBe(200);
    for (const viewer of [stranger.viewer, other.staff]) expect((await call(`/certificates/${certificate.verificationCode}/pdf`, viewer)).status).toBe(404);
    const anonymous = await call(`/certificates/${certificate.verificationCode}/pdf`, null);
    expect(anonymous.status).toBe(302);
  });

  it("the verification page says valid, revoked or unknown and shows nothing personal beyond the display name", async () => {
    const { unit, staff } = await makeUnit(db());
    const { cohort, programme } = await publishedCohort(db(), staff, unit.id);
    const holder = await talent(db(), "verified");
    const enrolment = await enrol(db(), holder.viewer, cohort.id);
    await markCompleted(db(), staff, enrolment.id, IP);
    const certificate = await issueCertificate(db(), staff, enrolment.id, IP);

    const valid = await (await call(`/certificates/${certificate.verificationCode}`, null)).text();
    expect(valid).toContain("This certificate is valid.");
    expect(valid).toContain(holder.user.displayName);
    expect(valid).toContain(programme.titleEn);
    expect(valid).toContain(certificate.serial);
    expect(valid).not.toContain(holder.user.email);

    const zh = await (await call(`/certificates/${certificate.verificationCode}`, null, "zh-TW")).text();
    expect(zh).toContain("這張證書有效。");

    await db().update(t.certificates).set({ revokedAt: new Date() }).where(eq(t.certificates.id, certificate.id));
    expect(await (await call(`/certificates/${certificate.verificationCode}`, null)).text()).toContain("This certificate has been revoked.");

    const unknown = await call("/certificates/NoSuchCodeNoSuchCode00", null);
    expect(unknown.status).toBe(200);
    const text = await unknown.text();
    expect(text).toContain("No such certificate.");
    expect(text).not.toContain(holder.user.displayName);
  });

  it("staff revoke a certificate with a reason: the holder is told, the page says revoked, the PDF is gone; every refusal says why", async () => {
    const { unit, staff } = await makeUnit(db());
    const other = await makeUnit(db());
    const { cohort, programme } = await publishedCohort(db(), staff, unit.id);
    const holder = await talent(db(), "revoked");
    const classmate = await talent(db(), "uncertified");
    const enrolment = await enrol(db(), holder.viewer, cohort.id);
    const uncertified = await enrol(db(), classmate.viewer, cohort.id);
    await markCompleted(db(), staff, enrolment.id, IP);
    const certificate = await issueCertificate(db(), staff, enrolment.id, IP);
    const page = `/catalogue/${programme.key}/cohorts/${cohort.id}`;
    const revoke = (viewer: Viewer, enrolmentId: string, reason: string, locale: "en" | "zh-TW" = "en") =>
      call(page, viewer, locale, { intent: "revoke", enrolmentId, reason });
    const revokedAt = async () => (await db().select().from(t.certificates).where(eq(t.certificates.id, certificate.id)))[0]!.revokedAt;

    // A reason is required: the form comes back with the message beside the field, nothing revoked.
    const blank = await revoke(staff, enrolment.id, "  ");
    expect(blank.status).toBe(400);
    const blankPage = await blank.text();
    expect(blankPage).toContain("Write why the certificate is revoked");
    expect(blankPage).toContain("Not saved: please correct the field marked below.");
    expect(await revokedAt()).toBeNull();
    const tooLong = await revoke(staff, enrolment.id, "x".repeat(501), "zh-TW");
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toContain("撤銷原因最多 500 字。");
    // Another unit's staff may not (their own cohort page is theirs; this enrolment is not).
    const { cohort: otherCohort, programme: otherProgramme } = await publishedCohort(db(), other.staff, other.unit.id);
    const foreign = await call(`/catalogue/${otherProgramme.key}/cohorts/${otherCohort.id}`, other.staff, "en", { intent: "revoke", enrolmentId: enrolment.id, reason: "Not ours to revoke" });
    expect(foreign.status).toBe(403);
    expect(await revokedAt()).toBeNull();
    // Someone without a certificate has nothing to revoke.
    const none = await revoke(staff, uncertified.id, "Completion recorded in error");
    expect(none.status).toBe(409);
    expect(await none.text()).toContain("This participant has no certificate yet.");

    const reason = "Attendance records were found to be wrong <b>after</b> review";
    const done = await revoke(staff, enrolment.id, reason);
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe(`${page}?done=revoke`);
    expect(await revokedAt()).not.toBeNull();
    const after = await (await call(`${page}?done=revoke`, staff)).text();
    expect(after).toContain("Certificate revoked; the holder has been told.");
    expect(after).toContain("Revoked on");

    const again = await revoke(staff, enrolment.id, "Twice by mistake");
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("This certificate has already been revoked.");

    expect(await (await call(`/certificates/${certificate.verificationCode}`, null)).text()).toContain("This certificate has been revoked.");
    const pdf = await call(`/certificates/${certificate.verificationCode}/pdf`, holder.viewer);
    expect(pdf.status).toBe(302);
    expect(pdf.headers.get("Location")).toBe(`/certificates/${certificate.verificationCode}`);
    expect(await (await call("/my/programmes", holder.viewer)).text()).toContain(`Certificate ${certificate.serial} has been revoked.`);

    const mail = await db().select().from(t.emailOutbox).where(eq(t.emailOutbox.toAddress, holder.user.email));
    const told = mail.find((m) => m.subject.includes(certificate.serial));
    expect(told?.textBody).toContain(reason);
    const [audit] = await db().select().from(t.auditLog).where(and(eq(t.auditLog.action, "certificate-revoked"), eq(t.auditLog.entityId, certificate.id)));
    expect(JSON.parse(audit!.detail!)).toEqual({ serial: certificate.serial, reason });
  });
});
