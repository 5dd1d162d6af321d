// Uploading or deleting the talent's own CV. A success goes back to /profile with a message; a refusal
// (not a PDF by its bytes, empty, over 5 MB, unreadable) answers 400 with the profile page and the
// reason beside the file field, so it works the same without JavaScript.
import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
} from "@remix-run/node";
import { useActionData, useRouteLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guards.server";
import { CvSection, cvFormSchema } from "~/talents/cv-section";
import { MAX_CV_BYTES, removeCv, saveCv } from "~/talents/cv.server";
import type { loader as profileLoader } from "./profile";

// Room for the multipart boundaries and the intent field around a CV of the largest size.
const MAX_BODY_BYTES = MAX_CV_BYTES + 64 * 1024;

type ReadForm = { ok: true; formData: FormData } | { ok: false; problem: "cv.tooLarge" | "cv.unreadable" };

async function readForm(request: Request): Promise<ReadForm> {
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_BODY_BYTES) return { ok: false, problem: "cv.tooLarge" };
  const type = request.headers.get("Content-Type") ?? "";
  // Only the two fields the form has are read, each at most the CV limit, so a request cannot make the
  // server hold more than one CV in memory. (Made here, not at module level, which the browser bundle runs.)
  const uploadHandler = unstable_createMemoryUploadHandler({
    maxPartSize: MAX_CV_BYTES,
    filter: ({ name }) => name === "cv" || name === "intent",
  });
  try {
    const formData = type.startsWith("multipart/form-data") ? await unstable_parseMultipartFormData(request, uploadHandler) : await request.formData();
    return { ok: true, formData };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, problem: "cv.tooLarge" };
    // A body that is not the form it claims to be is the sender's mistake, not the server's.
    return { ok: false, problem: "cv.unreadable" };
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = requirePermission(request, context, "update:talent-profile:own");
  const form = await readForm(request);
  const upload = new FormData();
  upload.set("intent", "upload");
  if (!form.ok) return data({ result: parseWithZod(upload, { schema: cvFormSchema }).reply({ fieldErrors: { cv: [form.problem] } }) }, { status: 400 });
  const submission = parseWithZod(form.formData, { schema: cvFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const db = context.services.db;
  if (submission.value.intent === "remove") {
    await removeCv(db, viewer.id);
    return redirect("/profile?cv=removed");
  }
  const file = submission.value.cv;
  const saved = await saveCv(db, viewer.id, { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  if (!saved.ok) return data({ result: submission.reply({ fieldErrors: { cv: [saved.problem] } }) }, { status: 400 });
  return redirect("/profile?cv=saved");
}

/** Rendered inside the profile page (in place of its own CV section) after a refused upload. */
export default function CvRefused() {
  const profile = useRouteLoaderData<typeof profileLoader>("routes/profile");
  const actionData = useActionData<typeof action>();
  return <CvSection cv={profile?.cv ?? null} lastResult={actionData?.result} />;
}
