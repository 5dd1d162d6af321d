// Reads a form that may carry one file (the trainee's evidence PDF, the office's CSV of scores) without
// ever holding more than `maxBytes` of it in memory: a larger body or part is answered as too large,
// a body that is not the form it claims to be as unreadable (the sender's mistake, not a 500).
import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";

export type UploadForm = { ok: true; formData: FormData } | { ok: false; problem: "tooLarge" | "unreadable" };

export async function readUploadForm(request: Request, options: { fileField: string; fields: string[]; maxBytes: number }): Promise<UploadForm> {
  // Room for the boundaries and the small fields around a file of the largest size.
  if (Number(request.headers.get("Content-Length") ?? 0) > options.maxBytes + 64 * 1024) return { ok: false, problem: "tooLarge" };
  const names = new Set([options.fileField, ...options.fields]);
  const uploadHandler = unstable_createMemoryUploadHandler({ maxPartSize: options.maxBytes, filter: ({ name }) => names.has(name) });
  try {
    const multipart = (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");
    return { ok: true, formData: multipart ? await unstable_parseMultipartFormData(request, uploadHandler) : await request.formData() };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, problem: "tooLarge" };
    return { ok: false, problem: "unreadable" };
  }
}
