// Hostile files to every upload form of the app (multipart forms with a file field, found on the pages
// form-pages.ts lists): oversized, empty, mislabelled, not files at all, two at once, truncated bodies,
// and file names made to break out of HTML or the Content-Disposition header. Refusals are 4xx with the
// reason beside the field; a stored file keeps its name as documented (displayFileName) and the page and
// the download show it safely.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { MAX_CV_BYTES, displayFileName } from "../../app/talents/cv.server";
import { useApiServices } from "../api/support";
import { pngBytes, tinyPdf } from "../support/tiny-pdf";
import { KB100 } from "./corpus";
import { harvestForms, type HarvestedForm } from "./forms";
import { formPages, routeOf } from "./form-pages";
import { loadBuild, problemWith, send, type Answer } from "./support";
import { makeHostileWorld, type Actor, type HostileWorld } from "./world";

const services = useApiServices("hostile_uploads");
let world: HostileWorld;
const uploads: Array<{ actor: Actor; page: string; form: HarvestedForm; file: string }> = [];

beforeAll(async () => {
  world = await makeHostileWorld(services().db);
  const routeIds = Object.keys((await loadBuild()).routes);
  for (const [routeId, pages] of Object.entries(formPages)) {
    for (const { actor, url } of pages(world)) {
      const page = await send(services(), await world.viewer(actor), { method: "GET", url });
      for (const form of harvestForms(page.text, url)) {
        const file = form.fields.find((f) => f.kind === "file");
        if (form.method === "post" && form.multipart && file && routeOf(routeIds, form.action) === routeId) uploads.push({ actor, page: url, form, file: file.name });
      }
    }
  }
});

const pdfOf = (size: number) => {
  const pdf = tinyPdf();
  const padding = Buffer.alloc(Math.max(0, size - pdf.length), 0x20);
  // Filler inside the file before its end-of-file marker, so it stays a PDF by its bytes.
  return Buffer.concat([pdf.subarray(0, pdf.length - 6), padding, pdf.subarray(pdf.length - 6)]);
};

const file = (bytes: Uint8Array, name: string, type = "application/pdf") => new File([new Uint8Array(bytes)], name, { type });

interface Case {
  what: string;
  /** The form as sent: the page's other fields, then these parts. */
  parts: Array<[string, string | File]>;
  /** The file's name, when the upload may be stored (its bytes make a PDF within the limit). */
  storedName?: string;
  /** Must be refused (bytes that are not a PDF, too many of them, or no file). */
  refused?: boolean;
}

function cases(field: string): Case[] {
  const hostileNames = [
    '<script>alert("cv")</script>.pdf',
    '"><img src=x onerror=alert(1)>.pdf',
    "../../../etc/passwd",
    "C:\\Windows\\system32\\cv.pdf",
    "a\u0000b.pdf",
    "cv\r\nSet-Cookie: stolen=1.pdf",
    'cv"; filename="evil.html',
    "cv\u202efdp.exe",
    "履歷 表\u3000（最終版）.PDF",
    "x".repeat(KB100),
    "",
  ];
  return [
    ...hostileNames.map((name): Case => ({ what: `file name ${JSON.stringify(name.slice(0, 40))}`, parts: [[field, file(tinyPdf(), name)]], storedName: name })),
    { what: "a PDF declared as text/html and named .exe", parts: [[field, file(tinyPdf(), "cv.exe", "text/html")]], storedName: "cv.exe" },
    { what: "exactly the size limit", parts: [[field, file(pdfOf(MAX_CV_BYTES), "big.pdf")]], storedName: "big.pdf" },
    { what: "one byte over the limit", parts: [[field, file(pdfOf(MAX_CV_BYTES + 1), "big.pdf")]], refused: true },
    { what: "twice the limit", parts: [[field, file(pdfOf(2 * MAX_CV_BYTES), "huge.pdf")]], refused: true },
    { what: "an empty file", parts: [[field, file(new Uint8Array(), "empty.pdf")]], refused: true },
    { what: "a PNG named .pdf declared as application/pdf", parts: [[field, file(pngBytes(), "photo.pdf")]], refused: true },
    { what: "HTML named .pdf", parts: [[field, file(Buffer.from('<html><script>alert("cv")</script></html>'), "page.pdf")]], refused: true },
    { what: "a PDF header without an end", parts: [[field, file(Buffer.from("%PDF-1.4\n<script>alert(1)</script>"), "half.pdf")]], refused: true },
    { what: "text instead of a file", parts: [[field, "not a file"]], refused: true },
    { what: "no file at all", parts: [], refused: true },
    { what: "two files", parts: [[field, file(pngBytes(), "a.pdf")], [field, file(tinyPdf(), "b.pdf")]] },
  ];
}

/** A multipart body written by hand, for what FormData cannot express. */
function rawMultipart(field: string, filename: Buffer, content: Buffer, options: { truncate?: boolean } = {}) {
  const boundary = "----hostile-boundary-7d9f";
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nupload\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="`),
    filename,
    Buffer.from(`"\r\nContent-Type: application/pdf\r\n\r\n`),
    content,
    Buffer.from(options.truncate ? "" : `\r\n--${boundary}--\r\n`),
  ]);
  return { body: new Uint8Array(body), contentType: `multipart/form-data; boundary=${boundary}` };
}

function expectAcceptable(answer: Answer, what: string, values: string[], typed = true) {
  expect(problemWith(answer, { values, typed }), what).toBeNull();
}

describe("hostile uploads", () => {
  it("finds the upload forms (the CV on /profile)", () => {
    expect(uploads.map((u) => u.form.action)).toContain("/profile/cv");
  });

  it("refuses what is not a PDF within the limit with the reason beside the field, and stores names as documented (the CV)", async () => {
    for (const upload of uploads) {
      const viewer = await world.viewer(upload.actor);
      for (const c of cases(upload.file)) {
        const body = new FormData();
        for (const field of upload.form.fields) if (field.kind !== "file" && field.value !== null) body.append(field.name, field.value);
        for (const [name, value] of c.parts) body.append(name, value);
        const answer = await send(services(), viewer, { method: "POST", url: upload.form.action, body });
        const label = `${upload.form.action}: ${c.what}`;
        expectAcceptable(answer, label, [c.storedName ?? ""]);
        // Other upload forms (evidence PDFs, CSV imports) get the same files and the checks above;
        // what is kept, and under which name, is the CV's rule.
        if (upload.form.action !== "/profile/cv") continue;
        if (c.refused) {
          expect(answer.status, label).toBeGreaterThanOrEqual(400);
          expect(answer.status, label).toBeLessThan(500);
          continue;
        }
        if (c.storedName === undefined || answer.status >= 400) {
          expect(answer.status, label).toBeLessThan(500);
          continue;
        }
        // Stored: the page shows the documented name, escaped; the download names it in a safe header.
        expect(answer.status, label).toBe(302);
        const expected = displayFileName(c.storedName);
        const [row] = await services().db.select({ fileName: t.files.fileName }).from(t.files).where(eq(t.files.ownerUserId, viewer!.id));
        expect(row?.fileName, label).toBe(expected);
        const profile = await send(services(), viewer, { method: "GET", url: "/profile" });
        expectAcceptable(profile, `${label}: the profile page`, [c.storedName, expected]);
        expect(profile.text, label).toContain(expected.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;"));
        const download = await send(services(), viewer, { method: "GET", url: `/talents/${viewer!.id}/cv` });
        expect(download.status, label).toBe(200);
        expect(download.headers.get("Content-Type"), label).toBe("application/pdf");
        expect(download.headers.get("X-Content-Type-Options"), label).toBe("nosniff");
        const disposition = download.headers.get("Content-Disposition") ?? "";
        expect(disposition, label).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%!._~-]*$/);
        expect(disposition.match(/"/g)?.length, label).toBe(2);
      }
    }
  }, 120_000);

  it("answers raw multipart bodies with invalid UTF-8 names or cut short with a 4xx or a success, never a 5xx", async () => {
    for (const upload of uploads) {
      const viewer = await world.viewer(upload.actor);
      const bodies = [
        ["an invalid UTF-8 file name", rawMultipart(upload.file, Buffer.from([0xff, 0xfe, 0xed, 0xa0, 0x80, 0x2e, 0x70, 0x64, 0x66]), tinyPdf())],
        ["a body cut off inside the file", rawMultipart(upload.file, Buffer.from("cv.pdf"), tinyPdf(), { truncate: true })],
        ["a body cut off after the headers", rawMultipart(upload.file, Buffer.from("cv.pdf"), Buffer.alloc(0), { truncate: true })],
      ] as const;
      for (const [what, { body, contentType }] of bodies) {
        const answer = await send(services(), viewer, { method: "POST", url: upload.form.action, body, contentType });
        expectAcceptable(answer, `${upload.form.action}: ${what}`, [], false);
      }
    }
  });
});
