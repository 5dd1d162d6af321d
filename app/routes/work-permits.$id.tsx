// One work-permit case. The talent and the hiring company's members each update the steps they own
// (status, due date, note) and upload documents to them; the programme office reads it. Everyone else
// is told it does not exist. Refusals come back beside the field, in the reader's language.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { forbidden, notFound, requireViewer } from "~/auth/guards.server";
import { logPersonalDataRead } from "~/auth/visibility.server";
import { ErrorList, FormMessage } from "~/components/forms";
import { useZodForm } from "~/components/use-zod-form";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { readUploadForm } from "~/placement/upload-form.server";
import { getCaseFor, taipeiToday, updateStep, WorkPermitRuleError } from "~/work-permits/cases.server";
import { attachDocument, MAX_DOCUMENT_BYTES } from "~/work-permits/documents.server";
import { stepStatuses } from "~/work-permits/steps";

export const meta: MetaFunction = () => [{ title: "Work-permit case · 工作許可案件" }];

const uuid = z.string().regex(/^[0-9a-f-]{36}$/i);
const stepSchema = z.object({
  intent: z.literal("update"),
  stepId: uuid,
  status: z.enum(stepStatuses, { error: "validation.choose" }),
  dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "workPermit.validation.date").refine((v) => !Number.isNaN(Date.parse(v)), "workPermit.validation.date").optional(),
  note: z.string().trim().max(2000, "workPermit.validation.noteTooLong").default(""),
});
const uploadSchema = z.object({
  intent: z.literal("upload"),
  stepId: uuid,
  document: z.instanceof(File, { error: "workPermit.validation.empty" }).refine((f) => f.size > 0, "workPermit.validation.empty"),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  // The case's talent, members of the hiring company, and the programme office (read-only, audited).
  const viewer = requireViewer(request, context);
  const db = context.services.db;
  const found = await getCaseFor(db, viewer, params.id ?? "");
  if (!found) throw notFound();
  if (found.view === "office") await logPersonalDataRead(db, viewer, "work-permit-case", [found.kase.id], context.clientIp);
  const locale = await getLocale(request);
  const mine = found.view === "talent" ? "talent" : found.view === "company" ? "company" : null;
  return {
    view: found.view,
    caseId: found.kase.id,
    applicationId: found.kase.applicationId,
    closed: found.kase.closedAt !== null,
    openedAt: formatDateTime(found.kase.createdAt, locale),
    talent: found.talent,
    organisation: pick(locale, found.organisation.nameZh, found.organisation.nameEn),
    position: found.position,
    today: taipeiToday(),
    steps: found.steps.map((s) => ({
      id: s.id,
      kind: s.kind,
      owner: s.owner,
      status: s.status,
      dueOn: s.dueOn,
      note: s.note,
      changedAt: formatDateTime(s.changedAt, locale),
      mayEdit: mine === s.owner && found.kase.closedAt === null && s.kind !== "offer",
      documents: s.documents.map((d) => ({ id: d.id, fileName: d.fileName, href: `/work-permits/${found.kase.id}/documents/${d.id}`, uploadedAt: formatDateTime(d.uploadedAt, locale) })),
    })),
  };
}

const refusalOf = (code: WorkPermitRuleError["code"]) =>
  ({
    notOwner: { status: 403, message: "workPermit.refusal.notOwner" },
    caseClosed: { status: 409, message: "workPermit.refusal.caseClosed" },
    notFound: { status: 404, message: "workPermit.refusal.notFound" },
    duePast: { status: 400, message: "workPermit.validation.duePast" },
  })[code];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = requireViewer(request, context);
  const db = context.services.db;
  const caseId = params.id ?? "";
  const found = await getCaseFor(db, viewer, caseId);
  if (!found) throw notFound();
  if (found.view === "office") throw forbidden();
  const form = await readUploadForm(request, { fileField: "document", fields: ["intent", "stepId", "status", "dueOn", "note"], maxBytes: MAX_DOCUMENT_BYTES });
  if (!form.ok) {
    return data({ stepId: null, result: null, done: null, formError: `workPermit.validation.${form.problem}` }, { status: form.problem === "tooLarge" ? 413 : 400 });
  }
  const intent = form.formData.get("intent");
  const stepId = String(form.formData.get("stepId") ?? "");
  try {
    if (intent === "upload") {
      const submission = parseWithZod(form.formData, { schema: uploadSchema });
      if (submission.status !== "success") return data({ stepId, result: submission.reply(), done: null, formError: null }, { status: 400 });
      const file = submission.value.document;
      const added = await attachDocument(db, viewer, caseId, submission.value.stepId, { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, context.clientIp);
      if (!added.ok) return data({ stepId, result: submission.reply({ fieldErrors: { document: [`workPermit.validation.${added.problem}`] } }), done: null, formError: null }, { status: added.problem === "tooLarge" ? 413 : 400 });
      return { stepId, result: submission.reply({ resetForm: true }), done: "workPermit.uploaded", formError: null };
    }
    const submission = parseWithZod(form.formData, { schema: stepSchema });
    if (submission.status !== "success") return data({ stepId, result: submission.reply(), done: null, formError: null }, { status: 400 });
    const v = submission.value;
    try {
      await updateStep(db, viewer, caseId, v.stepId, { status: v.status, dueOn: v.dueOn ?? null, note: v.note }, context.clientIp);
    } catch (error) {
      if (error instanceof WorkPermitRuleError && error.code === "duePast") {
        return data({ stepId, result: submission.reply({ fieldErrors: { dueOn: ["workPermit.validation.duePast"] } }), done: null, formError: null }, { status: 400 });
      }
      throw error;
    }
    return { stepId, result: submission.reply(), done: "workPermit.saved", formError: null };
  } catch (error) {
    if (!(error instanceof WorkPermitRuleError)) throw error;
    const refusal = refusalOf(error.code);
    return data({ stepId, result: null, done: null, formError: refusal.message }, { status: refusal.status });
  }
}

export default function WorkPermitCasePage() {
  const c = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1>{t("workPermit.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("workPermit.lead")}</p>
        <dl className="grid gap-2 text-sm sm:grid-cols-4">
          <div><dt className="font-semibold">{t("workPermit.talent")}</dt><dd>{c.talent.name}</dd></div>
          <div><dt className="font-semibold">{t("workPermit.nationality")}</dt><dd>{c.talent.nationality ?? "—"}</dd></div>
          <div><dt className="font-semibold">{t("workPermit.company")}</dt><dd>{c.organisation}</dd></div>
          <div><dt className="font-semibold">{t("workPermit.position")}</dt><dd><Link to={`/positions/${c.position.id}`}>{c.position.title}</Link></dd></div>
          <div><dt className="font-semibold">{t("workPermit.openedAt")}</dt><dd>{c.openedAt}</dd></div>
        </dl>
        {c.view !== "office" ? <p><Link to={`/applications/${c.applicationId}`}>{t("workPermit.backToApplication")}</Link></p> : null}
      </header>
      {c.closed ? <FormMessage tone="success">{t("workPermit.closed")}</FormMessage> : null}
      {actionData?.formError && !c.steps.some((s) => s.mayEdit && s.id === actionData.stepId) ? <FormMessage>{t(actionData.formError as never)}</FormMessage> : null}

      <table className="data-table w-full text-sm">
        <caption className="text-left font-semibold">{t("workPermit.stepsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("workPermit.step")}</th>
            <th scope="col">{t("workPermit.owner")}</th>
            <th scope="col">{t("workPermit.status")}</th>
            <th scope="col">{t("workPermit.due")}</th>
            <th scope="col">{t("workPermit.changed")}</th>
            <th scope="col">{t("workPermit.documents")}</th>
          </tr>
        </thead>
        <tbody>
          {c.steps.map((s, i) => (
            <tr key={s.id} data-step={s.kind}>
              <th scope="row">{i + 1}. {t(`workPermit.kinds.${s.kind}`)}</th>
              <td>{t(`workPermit.owners.${s.owner}`)}</td>
              <td>{t(`workPermit.statuses.${s.status}`)}</td>
              <td>{s.dueOn ?? t("workPermit.noDue")}</td>
              <td>{s.changedAt}</td>
              <td>{s.documents.length === 0 ? t("workPermit.noDocuments") : s.documents.map((d) => <a key={d.id} href={d.href} className="mr-2">{d.fileName}</a>)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {c.steps.filter((s) => s.mayEdit).map((s) => (
        <StepForms key={s.id} step={s} today={c.today} actionData={actionData?.stepId === s.id ? actionData : undefined} />
      ))}
    </div>
  );
}

type StepData = ReturnType<typeof useLoaderData<typeof loader>>["steps"][number];
type ActionData = NonNullable<ReturnType<typeof useActionData<typeof action>>>;

function StepForms({ step, today, actionData }: { step: StepData; today: string; actionData?: ActionData }) {
  const { t } = useTranslation();
  const updating = actionData?.result?.initialValue?.intent !== "upload";
  const [form, fields] = useZodForm(stepSchema, {
    id: `step-${step.id}`,
    lastResult: updating ? actionData?.result : undefined,
    defaultValue: { intent: "update", stepId: step.id, status: step.status, dueOn: step.dueOn ?? "", note: step.note },
  });
  const [uploadForm, uploadFields] = useZodForm(uploadSchema, { id: `upload-${step.id}`, lastResult: updating ? undefined : actionData?.result });
  const heading = `heading-${step.id}`;
  return (
    <section aria-labelledby={heading} className="card space-y-4">
      <h2 id={heading}>{t("workPermit.yourStep")}: {t(`workPermit.kinds.${step.kind}`)}</h2>
      {actionData?.done ? <FormMessage tone="success">{t(actionData.done as never)}</FormMessage> : null}
      {actionData?.formError ? <FormMessage>{t(actionData.formError as never)}</FormMessage> : null}
      <Form method="post" {...getFormProps(form)} className="grid gap-3 sm:grid-cols-3">
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="stepId" value={step.id} />
        <div>
          <label htmlFor={fields.status.id} className="field-label">{t("workPermit.status")}</label>
          <select id={fields.status.id} name={fields.status.name} defaultValue={fields.status.initialValue} className="field-input" aria-describedby={fields.status.errorId}>
            {stepStatuses.map((status) => <option key={status} value={status}>{t(`workPermit.statuses.${status}`)}</option>)}
          </select>
          <ErrorList id={fields.status.errorId} errors={fields.status.errors} />
        </div>
        <div>
          <label htmlFor={fields.dueOn.id} className="field-label">{t("workPermit.due")}</label>
          <input type="date" id={fields.dueOn.id} name={fields.dueOn.name} defaultValue={fields.dueOn.initialValue} min={step.dueOn && step.dueOn < today ? step.dueOn : today}
            className="field-input" aria-invalid={fields.dueOn.errors ? true : undefined} aria-describedby={fields.dueOn.errorId} />
          <ErrorList id={fields.dueOn.errorId} errors={fields.dueOn.errors} />
        </div>
        <div className="sm:col-span-3">
          <label htmlFor={fields.note.id} className="field-label">{t("workPermit.note")}</label>
          <textarea id={fields.note.id} name={fields.note.name} defaultValue={fields.note.initialValue} rows={2} maxLength={2000} className="field-input" aria-describedby={fields.note.errorId} />
          <ErrorList id={fields.note.errorId} errors={fields.note.errors} />
        </div>
        <div className="sm:col-span-3"><button type="submit" className="btn-primary">{t("workPermit.save")}</button></div>
      </Form>
      <Form method="post" encType="multipart/form-data" {...getFormProps(uploadForm)} className="space-y-2">
        <input type="hidden" name="intent" value="upload" />
        <input type="hidden" name="stepId" value={step.id} />
        <label htmlFor={uploadFields.document.id} className="field-label">{t("workPermit.file")}</label>
        <p id={`${uploadFields.document.id}-hint`} className="text-xs text-slate-600">{t("workPermit.uploadHint")}</p>
        <input type="file" id={uploadFields.document.id} name={uploadFields.document.name} accept="application/pdf,image/jpeg,image/png" required
          aria-describedby={`${uploadFields.document.id}-hint ${uploadFields.document.errorId}`} aria-invalid={uploadFields.document.errors ? true : undefined} className="block text-sm" />
        <ErrorList id={uploadFields.document.errorId} errors={uploadFields.document.errors} />
        <button type="submit" className="btn-secondary">{t("workPermit.upload")}</button>
      </Form>
    </section>
  );
}
