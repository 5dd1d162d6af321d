// The CV part of the profile page: the current file with its download link, an upload form and a
// delete button. Both forms post to /profile/cv; a refused upload is shown there beside the field
// (routes/profile.cv renders this section again), and a success comes back to /profile?cv=….
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ErrorList, FormMessage } from "~/components/forms";
import { useZodForm } from "~/components/use-zod-form";

export const CV_ACTION = "/profile/cv";

export const cvFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("upload"), cv: z.instanceof(File, { error: "cv.required" }) }),
  z.object({ intent: z.literal("remove") }),
]);

export interface CvSummary {
  fileName: string;
  size: string;
  uploadedAt: string;
  href: string;
}

export function CvSection({ cv, lastResult }: { cv: CvSummary | null; lastResult?: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const [form, fields] = useZodForm(cvFormSchema, { id: "cv-upload", lastResult });
  const done = searchParams.get("cv");
  const hintId = `${fields.cv.id}-hint`;
  return (
    <section aria-labelledby="cv-title" className="card space-y-4">
      <h2 id="cv-title">{t("cv.title")}</h2>
      <p className="text-sm text-slate-700">{t("cv.lead")}</p>
      {done === "saved" ? <FormMessage tone="success">{t("cv.saved")}</FormMessage> : null}
      {done === "removed" ? <FormMessage tone="success">{t("cv.removed")}</FormMessage> : null}
      {cv ? (
        <div className="space-y-2">
          <h3 className="text-base font-semibold">{t("cv.current")}</h3>
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="font-medium text-slate-700">{t("cv.fileName")}</dt>
            <dd className="break-all">{cv.fileName}</dd>
            <dt className="font-medium text-slate-700">{t("cv.size")}</dt>
            <dd>{cv.size}</dd>
            <dt className="font-medium text-slate-700">{t("cv.uploadedAt")}</dt>
            <dd>{cv.uploadedAt}</dd>
          </dl>
          <a href={cv.href} download className="btn-secondary inline-flex">{t("cv.download")}</a>
        </div>
      ) : (
        <p className="text-sm">{t("cv.none")}</p>
      )}
      <Form method="post" action={CV_ACTION} encType="multipart/form-data" {...getFormProps(form)} className="space-y-3">
        <input type="hidden" name="intent" value="upload" />
        <div>
          <label htmlFor={fields.cv.id} className="field-label">{t("cv.file")}</label>
          <p id={hintId} className="text-xs text-slate-600">{t("cv.fileHint")}</p>
          <input
            id={fields.cv.id}
            name={fields.cv.name}
            type="file"
            accept="application/pdf"
            required
            aria-invalid={fields.cv.errors ? true : undefined}
            aria-describedby={fields.cv.errors ? `${hintId} ${fields.cv.errorId}` : hintId}
            className="field-input aria-[invalid=true]:border-red-600"
          />
          <ErrorList id={fields.cv.errorId} errors={fields.cv.errors} />
        </div>
        <button type="submit" className="btn-primary">{cv ? t("cv.replace") : t("cv.upload")}</button>
      </Form>
      {cv ? (
        <Form method="post" action={CV_ACTION}>
          <input type="hidden" name="intent" value="remove" />
          <button type="submit" className="btn-secondary">{t("cv.remove")}</button>
        </Form>
      ) : null}
    </section>
  );
}
