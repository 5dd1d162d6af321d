// One of a reviewer's assignments: the unit's plan, the round's published criteria, and the scoring form
// (each criterion 0 to its maximum, and a comment) until the review closes; or the declaration of a
// conflict of interest, after which the reviewer does not score. Another reviewer's assignment is a 404.
import { getFormProps, getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound, requirePermission } from "~/auth/guards.server";
import { ErrorList, FormMessage } from "~/components/forms";
import { useZodForm } from "~/components/use-zod-form";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { hasPassed } from "~/placement/calendar";
import { PlanSummary, planSummary } from "~/placement/plan-summary";
import { declareConflict, getOwnAssignment, submitReview } from "~/placement/quota-reviews.server";
import { reviewSchema } from "~/placement/quota-schema";
import { explainRefusal } from "~/placement/refusal-text.server";
import { isPlacementRefusal } from "~/placement/refusals";

export const meta: MetaFunction = () => [{ title: "員額審查 · Quota review" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const reviewer = requirePermission(request, context, "create:unit-review:assigned");
  const found = await getOwnAssignment(context.services.db, reviewer, params.id ?? "");
  if (!found) throw notFound();
  const locale = await getLocale(request);
  const { assignment, plan, round, criteria, scores } = found;
  const settled = plan.application.status === "allocated" || plan.application.status === "not_allocated";
  const done = new URL(request.url).searchParams.get("done");
  return {
    notice: done === "scored" ? "placement.review.saved" : done === "conflict" ? "placement.review.conflictSaved" : null,
    unit: pick(locale, plan.unit.nameZh, plan.unit.nameEn),
    round: pick(locale, round.titleZh, round.titleEn),
    closesAt: formatDateTime(round.reviewCloseAt, locale),
    plan: planSummary(plan),
    criteria: criteria.map((c) => ({ key: c.key, label: pick(locale, c.labelZh, c.labelEn), weight: c.weight, maxScore: c.maxScore })),
    conflict: assignment.conflictDeclared,
    submittedAt: assignment.submittedAt ? formatDateTime(assignment.submittedAt, locale) : null,
    open: !hasPassed(round, "review") && !settled && !assignment.conflictDeclared,
    defaults: { intent: "score", scores: Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, String(v)])), comment: assignment.comment ?? "" },
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const reviewer = requirePermission(request, context, "create:unit-review:assigned");
  const submission = parseWithZod(await request.formData(), { schema: reviewSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const id = params.id ?? "";
  const value = submission.value;
  try {
    if (value.intent === "conflict") await declareConflict(context.services.db, reviewer, id, value.note ?? "", context.clientIp);
    else await submitReview(context.services.db, reviewer, id, { scores: value.scores, comment: value.comment ?? "" }, context.clientIp);
    return redirect(`/review/${id}?done=${value.intent === "conflict" ? "conflict" : "scored"}`);
  } catch (error) {
    if (!isPlacementRefusal(error)) throw error;
    const refusal = explainRefusal(error, await getLocale(request));
    if (refusal.status === 404) throw notFound();
    const result = refusal.field ? submission.reply({ fieldErrors: { [refusal.field]: [refusal.text] } }) : submission.reply({ formErrors: [refusal.text] });
    return data({ result }, { status: refusal.status });
  }
}

export default function Review() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useZodForm(reviewSchema, { lastResult: actionData?.result, defaultValue: page.defaults, id: "review" });
  const scores = fields.scores.getFieldset();
  const noteErrors = form.allErrors.note;
  const refusals = page.open ? form.errors : [...new Set(Object.values(form.allErrors).flat())];
  return (
    <div className="space-y-8">
      <nav aria-label={t("placement.breadcrumb")} className="text-sm"><Link to="/review">← {t("placement.review.title")}</Link></nav>
      <header className="space-y-2">
        <p className="text-sm font-medium text-brand-700">{page.round}</p>
        <h1>{page.unit}</h1>
        <p className="text-slate-700">{t("common.labelValue", { label: t("placement.calendar.review"), value: page.closesAt })}</p>
      </header>
      {page.notice && !actionData ? <FormMessage tone="success">{t(page.notice as never)}</FormMessage> : null}
      {page.conflict ? <FormMessage tone="info">{t("placement.review.conflictDeclared")}</FormMessage> : null}
      {/* Refusals of either form; once the forms are gone (a conflict declared meanwhile, the review closed), every refusal shows here. */}
      {refusals?.length ? <FormMessage><ErrorList errors={refusals} /></FormMessage> : null}

      <PlanSummary plan={page.plan} />

      {page.open ? (
        <>
          <Form method="post" {...getFormProps(form)} className="card space-y-4">
            <h2>{t("placement.review.scoreTitle")}</h2>
            {page.submittedAt ? <p className="text-sm text-slate-700">{t("placement.review.lastSaved", { at: page.submittedAt })}</p> : null}
            <input type="hidden" name="intent" value="score" />
            <ol className="space-y-3">
              {page.criteria.map((c) => {
                const meta = scores[c.key];
                const id = `score-${c.key}`;
                return (
                  <li key={c.key}>
                    <label htmlFor={id} className="field-label">{t("placement.review.criterionOf", { label: c.label, max: String(c.maxScore) })}</label>
                    <p id={`${id}-hint`} className="text-xs text-slate-600">{t("placement.review.weight", { weight: String(c.weight) })}</p>
                    <input
                      id={id} name={`scores.${c.key}`} inputMode="numeric" required defaultValue={String(meta?.initialValue ?? "")}
                      aria-invalid={meta?.errors ? true : undefined} aria-describedby={`${id}-hint${meta?.errors ? ` ${id}-error` : ""}`}
                      className="field-input max-w-32 aria-[invalid=true]:border-red-600"
                    />
                    <ErrorList id={`${id}-error`} errors={meta?.errors} />
                  </li>
                );
              })}
            </ol>
            <div>
              <label htmlFor={fields.comment.id} className="field-label">{t("placement.review.comment")}</label>
              <textarea {...getTextareaProps(fields.comment)} key={fields.comment.key} rows={5} className="field-input" />
              <ErrorList id={fields.comment.errorId} errors={fields.comment.errors} />
            </div>
            <button type="submit" className="btn-primary">{t("placement.review.submit")}</button>
          </Form>

          <Form method="post" className="card space-y-3">
            <h2>{t("placement.review.conflictTitle")}</h2>
            <p className="text-sm text-slate-700">{t("placement.review.conflictLead")}</p>
            <input type="hidden" name="intent" value="conflict" />
            <div>
              <label htmlFor="conflict-note" className="field-label">{t("placement.review.conflictNote")}</label>
              <input
                id="conflict-note" name="note" maxLength={2000} className="field-input aria-[invalid=true]:border-red-600"
                aria-invalid={noteErrors?.length ? true : undefined} aria-describedby={noteErrors?.length ? "conflict-note-error" : undefined}
              />
              <ErrorList id="conflict-note-error" errors={noteErrors} />
            </div>
            <button type="submit" className="btn-secondary">{t("placement.review.declareConflict")}</button>
          </Form>
        </>
      ) : !page.conflict ? (
        <p className="card text-slate-700">{page.submittedAt ? t("placement.review.closedScored", { at: page.submittedAt }) : t("placement.review.closed")}</p>
      ) : null}
    </div>
  );
}
