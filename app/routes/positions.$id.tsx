// A shortage position's page. Published positions of approved companies are public; drafts are seen by
// their company; closed and filled ones also by their applicants and the office (getPositionFor decides).
// The company publishes, closes and edits it here and sees its revision history; a talent applies here.
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { PipelineRuleError, applyToPosition } from "~/applications/pipeline.server";
import { notFound, requirePermission, requireViewer } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { ErrorList, FormMessage } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { useZodForm } from "~/components/use-zod-form";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { formatDeadline, formatSalary } from "~/positions/format";
import { workingLanguageTags } from "~/positions/position-schema";
import {
  closePosition, getPositionFor, isOpenForApplications, listRevisions, PositionRuleError, publishPosition,
} from "~/positions/positions.server";
import { applicationRefusal, positionRefusal } from "~/positions/refusals";
import { changedFields } from "~/positions/revisions";
import { educationFieldLabels, skillLabels } from "~/surveys/vocabulary.server";
import { DetailItem } from "~/components/detail-item";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.position.title} · ${data.organisation.name}` : "Not found" }];

const COVER_NOTE_MAX = 4000;
const REVISIONS_PER_PAGE = 10;
const applySchema = z.object({
  intent: z.literal("apply"),
  coverNote: z.string().trim().max(COVER_NOTE_MAX, "positions.apply.tooLong").optional(),
});

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // Anyone: getPositionFor answers null (a 404) to whoever may not see this position.
  const viewer = context.viewer;
  const db = context.services.db;
  const view = await getPositionFor(db, viewer, params.id ?? "");
  if (!view) throw notFound();
  const locale = await getLocale(request);
  const { position, organisation, occupation } = view;
  const [skills, educationFields, revisions] = await Promise.all([
    skillLabels(db, locale, view.skillKeys),
    educationFieldLabels(db, locale, view.educationFieldCodes),
    view.manages ? listRevisions(db, position.id) : [],
  ]);
  const languageNames = new Intl.DisplayNames([locale], { type: "language" });
  const pages = Math.max(1, Math.ceil(revisions.length / REVISIONS_PER_PAGE));
  const page = Math.min(pages, Math.max(1, Number(new URL(request.url).searchParams.get("page")) || 1));
  const shown = revisions.slice((page - 1) * REVISIONS_PER_PAGE, page * REVISIONS_PER_PAGE);
  return {
    locale,
    position: {
      id: position.id,
      title: position.title,
      description: position.description,
      city: position.city,
      salaryMinNtd: position.salaryMinNtd,
      salaryMaxNtd: position.salaryMaxNtd,
      headcount: position.headcount,
      remainingHeadcount: position.remainingHeadcount,
      applicationDeadline: position.applicationDeadline,
      minEducation: position.minEducation,
      experience: position.experience,
      workingLanguages: position.workingLanguages.map((tag) => ((workingLanguageTags as readonly string[]).includes(tag) ? languageNames.of(tag) ?? tag : tag)),
      openToOverseas: position.openToOverseas,
      supportsWorkPermit: position.supportsWorkPermit,
      status: position.status,
      publishedAt: position.publishedAt ? formatDateTime(position.publishedAt, locale) : null,
      open: isOpenForApplications(position),
    },
    organisation: { name: pick(locale, organisation.nameZh, organisation.nameEn), slug: organisation.slug },
    occupation: { title: pick(locale, occupation.titleZh, occupation.titleEn), code: occupation.code, surveyKey: occupation.surveyKey },
    skills,
    educationFields,
    manages: view.manages,
    signedIn: !!viewer,
    mayApply: !!viewer && !view.manages && can(viewer.roles, "create:application:own"),
    application: view.application ? { id: view.application.id, stage: view.application.stage, at: formatDateTime(view.application.createdAt, locale) } : null,
    history: {
      page,
      pages,
      revisions: shown.map((r) => {
        const earlier = revisions.find((other) => other.revision === r.revision - 1);
        return { revision: r.revision, at: formatDateTime(r.editedAt, locale), by: r.editedBy, changed: earlier ? changedFields(earlier.snapshot, r.snapshot) : null };
      }),
    },
  };
}

interface ActionResult {
  intent: "publish" | "close" | "apply" | null;
  ok: boolean;
  message: string;
  /** With "not approved": the company page where approval is asked for. */
  organisationSlug?: string;
  result?: SubmissionResult<string[]>;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = requireViewer(request, context);
  const db = context.services.db;
  const view = await getPositionFor(db, viewer, params.id ?? "");
  if (!view) throw notFound();
  const form = await request.formData();
  const intent = form.get("intent");

  if (intent === "publish" || intent === "close") {
    requirePermission(request, context, "update:position:organisation");
    try {
      if (intent === "publish") await publishPosition(db, viewer, view.position.id, context.clientIp);
      else await closePosition(db, viewer, view.position.id, context.clientIp);
      context.services.searchSync.wake();
      return { intent, ok: true, message: intent === "publish" ? "positions.actions.published" : "positions.actions.closed" } satisfies ActionResult;
    } catch (error) {
      if (!(error instanceof PositionRuleError)) throw error;
      const refusal = positionRefusal(error.code);
      if (refusal.status === 404) throw notFound();
      return data({ intent, ok: false, message: refusal.message, organisationSlug: view.organisation.slug } satisfies ActionResult, { status: refusal.status });
    }
  }

  if (intent === "apply") {
    requirePermission(request, context, "create:application:own");
    const submission = parseWithZod(form, { schema: applySchema });
    if (submission.status !== "success") {
      // Once the position has closed (or the talent has applied) the form is gone and its field errors
      // have nowhere to show: say why instead. Otherwise a summary above the form goes with the field's
      // own error, so the refusal is said even if an application sent at the same moment removes the form.
      const why = view.application ? "positions.apply.alreadyApplied" : !isOpenForApplications(view.position) ? "positions.apply.notOpen" : "positions.apply.invalid";
      return data({ intent, ok: false, message: why, result: submission.reply() } satisfies ActionResult, { status: 400 });
    }
    try {
      await applyToPosition(db, viewer, view.position.id, submission.value.coverNote ?? "", { publicUrl: context.services.env.PUBLIC_URL });
      context.services.mail.wake();
      return { intent, ok: true, message: "positions.apply.done", result: submission.reply({ resetForm: true }) } satisfies ActionResult;
    } catch (error) {
      if (!(error instanceof PipelineRuleError)) throw error;
      const refusal = applicationRefusal(error.code);
      if (refusal.status === 404) throw notFound();
      return data({ intent, ok: false, message: refusal.message, result: submission.reply({ formErrors: [refusal.message] }) } satisfies ActionResult, { status: refusal.status });
    }
  }

  return data({ intent: null, ok: false, message: "positions.actions.unknown" } satisfies ActionResult, { status: 400 });
}

export default function PositionPage() {
  const { locale, position: p, organisation, occupation, skills, educationFields, manages, signedIn, mayApply, application, history } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const { t } = useTranslation();
  const statusResult = result && result.intent !== "apply" && result.message ? result : null;
  return (
    <article className="space-y-6">
      <header className="space-y-3">
        <p className="text-sm text-slate-600">
          {organisation.name} · <Link to={`/occupations/${occupation.surveyKey}/${occupation.code}`}>{occupation.title} ({occupation.code})</Link>
        </p>
        <h1>{p.title}</h1>
        <div className="flex flex-wrap gap-2">
          <span className="badge bg-slate-100 text-slate-800">{t(`positions.status.${p.status}`)}</span>
          {p.openToOverseas ? <span className="badge bg-sky-100 text-sky-900">{t("positions.page.openToOverseas")}</span> : null}
          {p.supportsWorkPermit ? <span className="badge bg-emerald-100 text-emerald-900">{t("positions.page.supportsWorkPermit")}</span> : null}
        </div>
        {p.status === "closed" ? <FormMessage tone="info">{t("positions.page.closedNotice")}</FormMessage> : null}
        {p.status === "filled" ? <FormMessage tone="info">{t("positions.page.filledNotice")}</FormMessage> : null}
      </header>

      {statusResult ? (
        <FormMessage tone={statusResult.ok ? "success" : "error"}>
          {t(statusResult.message as never)}
          {!statusResult.ok && statusResult.message === "positions.refusal.organisationNotApproved" && statusResult.organisationSlug ? (
            <> <Link to={`/organisations/${statusResult.organisationSlug}`}>{t("positions.actions.toOrganisation")}</Link></>
          ) : null}
        </FormMessage>
      ) : null}

      {manages ? <ManageSection status={p.status} positionId={p.id} /> : null}

      <section aria-labelledby="position-details" className="card space-y-4">
        <h2 id="position-details">{t("positions.page.details")}</h2>
        <p className="whitespace-pre-line text-slate-800">{p.description}</p>
        <dl className="grid gap-4 sm:grid-cols-2">
          <DetailItem label={t("positions.page.company")}>{organisation.name}</DetailItem>
          <DetailItem label={t("positions.page.city")}>{p.city}</DetailItem>
          <DetailItem label={t("positions.page.salary")}>{formatSalary(p.salaryMinNtd, p.salaryMaxNtd, locale, t)}</DetailItem>
          <DetailItem label={t("positions.page.places")}>{t("positions.page.placesLeft", { count: p.headcount, remaining: String(p.remainingHeadcount) })}</DetailItem>
          <DetailItem label={t("positions.page.deadline")}>{formatDeadline(p.applicationDeadline, locale, t)}</DetailItem>
          <DetailItem label={t("positions.page.languages")}>{p.workingLanguages.join(t("positions.page.listSeparator"))}</DetailItem>
          <DetailItem label={t("positions.page.overseas")}>
            {p.openToOverseas ? (p.supportsWorkPermit ? t("positions.page.overseasWithPermit") : t("positions.page.overseasNoPermit")) : t("positions.page.notOverseas")}
          </DetailItem>
          {p.publishedAt ? <DetailItem label={t("positions.page.publishedAt")}>{p.publishedAt}</DetailItem> : null}
        </dl>
      </section>

      <section aria-labelledby="position-requirements" className="card space-y-4">
        <h2 id="position-requirements">{t("positions.page.requirements")}</h2>
        <dl className="grid gap-4 sm:grid-cols-2">
          <DetailItem label={t("positions.page.minEducation")}>{t(`education.${p.minEducation}`)}</DetailItem>
          <DetailItem label={t("positions.page.experience")}>{t(`experienceBand.${p.experience}`)}</DetailItem>
          <DetailItem label={t("positions.page.skills")}>
            {skills.length === 0 ? t("positions.page.noSkills") : <ol className="list-decimal space-y-1 pl-5">{skills.map((s) => <li key={s}>{s}</li>)}</ol>}
          </DetailItem>
          <DetailItem label={t("positions.page.educationFields")}>
            {educationFields.length === 0 ? t("positions.page.anyField") : <ul className="list-disc space-y-1 pl-5">{educationFields.map((f) => <li key={f}>{f}</li>)}</ul>}
          </DetailItem>
        </dl>
      </section>

      {!manages ? (
        <ApplySection open={p.open} signedIn={signedIn} mayApply={mayApply} application={application} positionId={p.id} result={result?.intent === "apply" ? result : undefined} />
      ) : null}

      {manages ? (
        <section aria-labelledby="position-history" className="card space-y-3">
          <h2 id="position-history">{t("positions.history.title")}</h2>
          {history.revisions.length === 0 ? <p className="text-slate-700">{t("positions.history.empty")}</p> : (
            <ol className="space-y-2">
              {history.revisions.map((r) => (
                <li key={r.revision} className="text-sm">
                  <p>{t("positions.history.entry", { n: String(r.revision), at: r.at, by: r.by ?? t("positions.history.someone") })}</p>
                  {r.changed === null ? <p className="text-slate-600">{t("positions.history.created")}</p> : (
                    <details>
                      <summary>{t("positions.history.changed", { count: r.changed.length })}</summary>
                      <ul className="list-disc pl-5 text-slate-700">
                        {r.changed.map((field) => <li key={field}>{t(`positions.field.${field}`)}</li>)}
                      </ul>
                    </details>
                  )}
                </li>
              ))}
            </ol>
          )}
          <Pagination page={history.page} pages={history.pages} />
        </section>
      ) : null}
    </article>
  );
}

function ManageSection({ status, positionId }: { status: string; positionId: string }) {
  const { t } = useTranslation();
  const editable = status === "draft" || status === "published";
  return (
    <section aria-labelledby="position-manage" className="card space-y-3">
      <h2 id="position-manage">{t("positions.actions.title")}</h2>
      <p className="text-sm text-slate-700">{t(`positions.actions.lead.${status as "draft"}`)}</p>
      <div className="flex flex-wrap items-center gap-3">
        {editable ? <Link to={`/positions/${positionId}/edit`} className="btn-secondary">{t("positions.actions.edit")}</Link> : null}
        {status === "draft" ? (
          <Form method="post">
            <button type="submit" name="intent" value="publish" className="btn-primary">{t("positions.actions.publish")}</button>
          </Form>
        ) : null}
        {status === "published" ? (
          <Form method="post">
            <button type="submit" name="intent" value="close" className="btn-secondary">{t("positions.actions.close")}</button>
          </Form>
        ) : null}
      </div>
    </section>
  );
}

function ApplySection({ open, signedIn, mayApply, application, positionId, result }: {
  open: boolean;
  signedIn: boolean;
  mayApply: boolean;
  application: { id: string; stage: string; at: string } | null;
  positionId: string;
  result?: ActionResult;
}) {
  const { t } = useTranslation();
  const [form, fields] = useZodForm(applySchema, { lastResult: result?.result, id: "apply" });
  let body: React.ReactNode;
  if (application) {
    body = (
      <p>
        {application.stage === "invited"
          ? t("positions.apply.invited", { at: application.at })
          : t("positions.apply.applied", { at: application.at, stage: t(`positions.stage.${application.stage as "applied"}`) })}{" "}
        <Link to={`/applications/${application.id}`}>{t("positions.apply.viewApplication")}</Link>
      </p>
    );
  } else if (!open) {
    body = <p className="text-slate-700">{t("positions.apply.notOpen")}</p>;
  } else if (!signedIn) {
    body = <p><Link to={`/login?${new URLSearchParams({ redirectTo: `/positions/${positionId}` })}`}>{t("positions.apply.logIn")}</Link></p>;
  } else if (!mayApply) {
    body = <p className="text-slate-700">{t("positions.apply.talentsOnly")}</p>;
  } else {
    body = (
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <input type="hidden" name="intent" value="apply" />
        <div>
          <label htmlFor={fields.coverNote.id} className="field-label">{t("positions.apply.coverNote")}</label>
          <p id={`${fields.coverNote.id}-hint`} className="text-xs text-slate-600">{t("positions.apply.coverNoteHint")}</p>
          <textarea
            id={fields.coverNote.id} name={fields.coverNote.name} defaultValue={fields.coverNote.initialValue} rows={5} maxLength={COVER_NOTE_MAX}
            aria-invalid={fields.coverNote.errors ? true : undefined}
            aria-describedby={`${fields.coverNote.id}-hint${fields.coverNote.errors ? ` ${fields.coverNote.errorId}` : ""}`}
            className="field-input aria-[invalid=true]:border-red-600"
          />
          <ErrorList id={fields.coverNote.errorId} errors={fields.coverNote.errors} />
        </div>
        <button type="submit" className="btn-primary">{t("positions.apply.submit")}</button>
      </Form>
    );
  }
  return (
    <section aria-labelledby="position-apply" className="card space-y-3">
      <h2 id="position-apply">{t("positions.apply.title")}</h2>
      {result?.message ? <FormMessage tone={result.ok ? "success" : "error"}>{t(result.message as never)}</FormMessage> : null}
      {body}
    </section>
  );
}

