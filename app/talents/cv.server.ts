// A talent's CV: one PDF, kept in the files table and pointed at by the profile. Whether it is a PDF
// is decided by its bytes alone; the name the browser sent is kept only for display, and the type it
// declared is ignored. Only the talent, the programme office (audited), companies the talent applied
// to and, for profiles opened to them, approved companies may read it; to anyone else it does not exist.
import { createHash } from "node:crypto";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session.server";
import { formatDateTime } from "../i18n/format";
import type { Locale } from "../i18n/resources";

/** The files table's limit (files_size); the upload handler stops reading a part beyond it. */
export const MAX_CV_BYTES = 5 * 1024 * 1024;
const CV_PURPOSE = "cv";
const PDF_MIME = "application/pdf";
// The PDF specification lets the header follow up to 1024 bytes of other data, and readers look for
// the end-of-file marker within the last 1024 bytes.
const SIGNATURE_WINDOW = 1024;

export type CvProblem = "cv.empty" | "cv.tooLarge" | "cv.notPdf";

/** True when the bytes carry a PDF header near the start and an end-of-file marker near the end. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const head = buffer.subarray(0, SIGNATURE_WINDOW).toString("latin1");
  const tail = buffer.subarray(Math.max(0, buffer.length - SIGNATURE_WINDOW)).toString("latin1");
  return /%PDF-\d\.\d/.test(head) && tail.includes("%%EOF");
}

/** Why these bytes cannot be a CV, or null when they can. */
export function cvProblem(bytes: Uint8Array): CvProblem | null {
  if (bytes.byteLength === 0) return "cv.empty";
  if (bytes.byteLength > MAX_CV_BYTES) return "cv.tooLarge";
  return looksLikePdf(bytes) ? null : "cv.notPdf";
}

/**
 * The name to show and offer on download: no folders, control or direction-changing characters,
 * at most 120 characters, ending in .pdf.
 */
export function displayFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const cleaned = base.normalize("NFC").replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "").replace(/\s+/g, " ").trim();
  const stem = cleaned.replace(/\.pdf$/i, "").replace(/^\.+/, "").slice(0, 116).trim();
  return `${stem || "cv"}.pdf`;
}

export type SaveCvResult = { ok: true; fileId: string } | { ok: false; problem: CvProblem };

/** Stores the CV and points the profile at it (making a blank profile if there is none), dropping the previous one. */
export async function saveCv(db: Database, userId: string, upload: { fileName: string; bytes: Uint8Array }): Promise<SaveCvResult> {
  const problem = cvProblem(upload.bytes);
  if (problem) return { ok: false, problem };
  const content = Buffer.from(upload.bytes.buffer, upload.bytes.byteOffset, upload.bytes.byteLength);
  const fileId = await db.transaction(async (tx) => {
    const [file] = await tx
      .insert(t.files)
      .values({
        ownerUserId: userId,
        purpose: CV_PURPOSE,
        fileName: displayFileName(upload.fileName),
        mimeType: PDF_MIME,
        sizeBytes: content.byteLength,
        sha256: createHash("sha256").update(content).digest("hex"),
        content,
      })
      .returning({ id: t.files.id });
    const now = new Date();
    // The upsert locks the profile row, so of two uploads at once the later one waits and then
    // removes the earlier one's file below.
    await tx.insert(t.talentProfiles).values({ userId, cvFileId: file!.id }).onConflictDoUpdate({ target: t.talentProfiles.userId, set: { cvFileId: file!.id, updatedAt: now } });
    await tx.delete(t.files).where(and(eq(t.files.ownerUserId, userId), eq(t.files.purpose, CV_PURPOSE), ne(t.files.id, file!.id)));
    return file!.id;
  });
  return { ok: true, fileId };
}

/** Deletes the talent's CV (the profile's reference is cleared by the foreign key). True when there was one. */
export async function removeCv(db: Database, userId: string): Promise<boolean> {
  const removed = await db.delete(t.files).where(and(eq(t.files.ownerUserId, userId), eq(t.files.purpose, CV_PURPOSE))).returning({ id: t.files.id });
  return removed.length > 0;
}

/** What the profile page shows about the talent's own CV, or null when there is none. */
export async function describeCv(db: Database, userId: string, locale: Locale) {
  const [file] = await db
    .select({ fileName: t.files.fileName, sizeBytes: t.files.sizeBytes, createdAt: t.files.createdAt })
    .from(t.talentProfiles)
    .innerJoin(t.files, eq(t.files.id, t.talentProfiles.cvFileId))
    .where(eq(t.talentProfiles.userId, userId));
  if (!file) return null;
  return {
    fileName: file.fileName,
    size: formatFileSize(file.sizeBytes, locale),
    uploadedAt: formatDateTime(file.createdAt, locale),
    href: cvPath(userId),
  };
}

export const cvPath = (talentUserId: string) => `/talents/${encodeURIComponent(talentUserId)}/cv`;

/** An attachment with the stored name: an ASCII stand-in for old clients, the exact name as RFC 5987 UTF-8. */
export function cvContentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function formatFileSize(bytes: number, locale: Locale): string {
  const [value, unit] = bytes < 1024 * 1024 ? [Math.max(1, Math.round(bytes / 1024)), "kilobyte"] : [bytes / (1024 * 1024), "megabyte"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 }).format(value);
}

export interface CvFile {
  id: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  content: Buffer;
  createdAt: Date;
}

/**
 * The talent's CV when the viewer may read it, otherwise null (also when there is none), so a
 * refusal never tells whether a CV exists. The office's reads are written to the audit log.
 */
export async function readCvFor(db: Database, viewer: Viewer | null, talentUserId: string, options: { ip?: string | null } = {}): Promise<CvFile | null> {
  if (!viewer) return null;
  const [profile] = await db
    .select({ cvFileId: t.talentProfiles.cvFileId, visibility: t.talentProfiles.visibility })
    .from(t.talentProfiles)
    .where(eq(t.talentProfiles.userId, talentUserId));
  if (!profile?.cvFileId) return null;
  const reader = await readerKind(db, viewer, talentUserId, profile.visibility);
  if (!reader) return null;
  const [file] = await db
    .select({ id: t.files.id, fileName: t.files.fileName, sizeBytes: t.files.sizeBytes, sha256: t.files.sha256, content: t.files.content, createdAt: t.files.createdAt })
    .from(t.files)
    .where(eq(t.files.id, profile.cvFileId));
  if (!file) return null;
  if (reader === "office") {
    await recordAudit(db, { actorUserId: viewer.id, action: "personal-data-read", entity: "talent-cv", entityId: talentUserId, detail: { ids: [talentUserId], fileId: file.id }, ip: options.ip ?? null });
  }
  return file;
}

type ReaderKind = "self" | "office" | "company";

async function readerKind(db: Database, viewer: Viewer, talentUserId: string, visibility: (typeof t.profileVisibility.enumValues)[number]): Promise<ReaderKind | null> {
  if (viewer.id === talentUserId) return "self";
  if (can(viewer.roles, "read:talent-profile:any")) return "office";
  const companies = viewer.memberships.filter((m) => m.kind === "company");
  // Profiles opened to approved companies, to recruiters of an approved company.
  if (visibility === "approved_companies" && can(viewer.roles, "read:talent-profile:organisation") && companies.some((m) => m.approval === "approved")) return "company";
  // Any company the talent applied to (or was invited to apply to), at whatever stage.
  if (can(viewer.roles, "read:application:organisation") && companies.length > 0) {
    const [applied] = await db
      .select({ one: sql<number>`1` })
      .from(t.applications)
      .innerJoin(t.positions, eq(t.positions.id, t.applications.positionId))
      .where(and(eq(t.applications.talentUserId, talentUserId), inArray(t.positions.organisationId, companies.map((m) => m.organisationId))))
      .limit(1);
    if (applied) return "company";
  }
  return null;
}
