// Documents on a work-permit step: PDF, JPEG or PNG, judged by their bytes (the name and the type the
// browser declared are ignored), at most 5 MiB (the files table's own limit), kept in `files`.
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Viewer } from "../auth/session.server";
import { looksLikePdf } from "../talents/cv.server";
import { viewOf, WorkPermitRuleError } from "./cases.server";

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
export const DOCUMENT_PURPOSE = "work-permit";
export type DocumentProblem = "empty" | "tooLarge" | "wrongType";
export type DocumentMime = "application/pdf" | "image/jpeg" | "image/png";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The type the bytes are, or null when they are none of the three. */
export function sniffDocument(bytes: Uint8Array): DocumentMime | null {
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return "image/png";
  // JPEG: start-of-image marker followed by another marker, and end-of-image at the end.
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff && bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9) return "image/jpeg";
  if (looksLikePdf(bytes)) return "application/pdf";
  return null;
}

export function documentProblem(bytes: Uint8Array): DocumentProblem | null {
  if (bytes.byteLength === 0) return "empty";
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) return "tooLarge";
  return sniffDocument(bytes) ? null : "wrongType";
}

const extension: Record<DocumentMime, string> = { "application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png" };

/** A safe name to show and offer on download, with the extension of the type the bytes really are. */
export function documentFileName(name: string, mime: DocumentMime): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex -- control and direction characters are what is removed
  const cleaned = base.normalize("NFC").replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "").replace(/\s+/g, " ").trim();
  const stem = cleaned.replace(/\.(pdf|jpe?g|png)$/i, "").replace(/^\.+/, "").slice(0, 110).trim();
  return `${stem || "document"}.${extension[mime]}`;
}

export type AttachResult = { ok: true; documentId: string } | { ok: false; problem: DocumentProblem };

/** Attaches a document to one of the viewer's own steps; the step's last change moves to now. */
export async function attachDocument(db: Database, viewer: Viewer, caseId: string, stepId: string, upload: { fileName: string; bytes: Uint8Array }, ip: string | null): Promise<AttachResult> {
  const problem = documentProblem(upload.bytes);
  const mime = problem ? null : sniffDocument(upload.bytes);
  return await db.transaction(async (tx) => {
    // Ownership first: a stranger learns nothing about the file rules from a refusal.
    const [row] = await tx
      .select({ step: t.workPermitSteps, kase: t.workPermitCases })
      .from(t.workPermitSteps)
      .innerJoin(t.workPermitCases, eq(t.workPermitCases.id, t.workPermitSteps.caseId))
      .where(eq(t.workPermitSteps.id, stepId))
      .for("update");
    if (!row || row.kase.id !== caseId) throw new WorkPermitRuleError("notFound");
    const view = viewOf(viewer, row.kase);
    if (!view) throw new WorkPermitRuleError("notFound");
    if (view === "office" || view !== (row.step.owner === "talent" ? "talent" : "company")) throw new WorkPermitRuleError("notOwner");
    if (row.kase.closedAt) throw new WorkPermitRuleError("caseClosed");
    if (problem || !mime) return { ok: false as const, problem: problem ?? "wrongType" };
    const content = Buffer.from(upload.bytes.buffer, upload.bytes.byteOffset, upload.bytes.byteLength);
    const [file] = await tx.insert(t.files).values({
      ownerUserId: viewer.id,
      purpose: DOCUMENT_PURPOSE,
      fileName: documentFileName(upload.fileName, mime),
      mimeType: mime,
      sizeBytes: content.byteLength,
      sha256: createHash("sha256").update(content).digest("hex"),
      content,
    }).returning({ id: t.files.id });
    const [document] = await tx.insert(t.workPermitDocuments).values({ stepId, fileId: file!.id, uploadedBy: viewer.id }).returning({ id: t.workPermitDocuments.id });
    const now = new Date();
    await tx.update(t.workPermitSteps).set({ changedAt: now, changedBy: viewer.id, status: row.step.status === "pending" ? "in_progress" : row.step.status }).where(eq(t.workPermitSteps.id, stepId));
    await recordAudit(tx, { actorUserId: viewer.id, action: "work-permit-document-added", entity: "work-permit-step", entityId: stepId, detail: { document: document!.id, mime }, ip });
    return { ok: true as const, documentId: document!.id };
  });
}

/** A document's bytes, for the case's talent, company members and the office; null to anyone else. */
export async function readDocument(db: Database, viewer: Viewer, caseId: string, documentId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(documentId) || !/^[0-9a-f-]{36}$/i.test(caseId)) return null;
  const [row] = await db
    .select({ kase: t.workPermitCases, fileName: t.files.fileName, mimeType: t.files.mimeType, content: t.files.content })
    .from(t.workPermitDocuments)
    .innerJoin(t.workPermitSteps, eq(t.workPermitSteps.id, t.workPermitDocuments.stepId))
    .innerJoin(t.workPermitCases, eq(t.workPermitCases.id, t.workPermitSteps.caseId))
    .innerJoin(t.files, eq(t.files.id, t.workPermitDocuments.fileId))
    .where(eq(t.workPermitDocuments.id, documentId));
  if (!row || row.kase.id !== caseId) return null;
  const view = viewOf(viewer, row.kase);
  if (!view) return null;
  return { view, fileName: row.fileName, mimeType: row.mimeType, content: row.content };
}
