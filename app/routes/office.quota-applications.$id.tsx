// One unit's quota application for the programme office: the plan as submitted, the document check
// (complete, or returned with the reasons the unit will read), and the panel's reviews with each
// reviewer's scores, conflicts declared, and the weighted total.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound, requirePermission } from "~/auth/guards.server";
import { ErrorList, FormMessage } from "~/components/forms";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { PlanSummary, planSummary } from "~/placement/plan-summary";
import { getQuotaApplicationFor, markDocumentsComplete, returnQuotaApplication } from "~/placement/quota-applications.server";
import { reviewsOf } from "~/placement/quota-reviews.server";
import { documentCheckSchema } from "~/placement/quota-schema";
import { explainRefusal } from "~/placement/refusal-text.server";
import { isPlacementRefusal } from "~/placement/refusals";
import { reviewerTotal, weightedTotal } from "~/placement/review-totals";
import { getRound } from "~/placement/rounds.server";

export const meta: MetaFunction = () => [{ title: "培訓單位申請 · Unit quota application" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const officer = requirePermission(request, context, "approve:unit-application:any");
  const db = context.services.db;
  const found = await getQuotaApplicationFor(db, officer, params.id ?? "");
  if (!found) throw notFound();
  const locale = await getLocale(request);
  const [view, reviews] = await Promise.all([getRound(db, found.application.roundId), reviewsOf(db, found.application.id)]);
  const criteria = view!.criteria;
  const one = new Intl.NumberFormat(locale === "en" ? "en-US" : "zh-TW", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const total = weightedTotal(criteria, reviews.map((r) => ({ conflictDeclared: r.assignment.conflictDeclared, submittedAt: r.assignment.submittedAt, scores: r.scores })));
  const { application } = found;
  return {
    round: { id: view!.round.id, title: pick(locale, view!.round.titleZh, view!.round.titleEn) },
    unit: pick(locale, found.unit.nameZh, found.unit.nameEn),
    status: application.status,
    version: application.version,
    submittedAt: application.submittedAt ? formatDateTime(application.submittedAt, locale) : null,
    returnedReason: application.returnedReason,
    allocatedQuota: application.allocatedQuota,
    plan: planSummary(found),
    criteria: criteria.map((c) => ({ key: c.key, label: pick(locale, c.labelZh, c.labelEn), maxScore: c.maxScore })),
    reviews: reviews.map((r) => {
      const own = reviewerTotal(criteria, r.scores);
      return {
        id: r.assignment.id,
        reviewer: r.reviewer.displayName,
        conflict: r.assignment.conflictDeclared,
        conflictNote: r.assignment.conflictNote,
        submittedAt: r.assignment.submittedAt ? formatDateTime(r.assignment.submittedAt, locale) : null,
        comment: r.assignment.comment,
        scores: r.scores,
        total: r.assignment.submittedAt && own !== null ? one.format(own) : null,
      };
    }),
    total: total.total === null ? null : one.format(total.total),
    scoredBy: total.scoredBy,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const officer = requirePermission(request, context, "approve:unit-application:any");
  const { db, env, mail } = context.services;
  const formData = await request.formData();
  const parsed = documentCheckSchema.safeParse({ ...Object.fromEntries(formData), version: Number(formData.get("version")) || undefined });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0] === "reason" ? "reason" : null;
    return data({ ok: false, text: issue?.message.includes(".") ? issue.message : "validation.choose", field }, { status: 400 });
  }
  const id = params.id ?? "";
  try {
    if (parsed.data.intent === "complete") {
      await markDocumentsComplete(db, officer, id, parsed.data.version, context.clientIp);
      return { ok: true, text: "placement.office.markedComplete", field: null };
    }
    await returnQuotaApplication(db, officer, id, parsed.data.version, parsed.data.reason, { publicUrl: env.PUBLIC_URL }, context.clientIp);
    mail.wake();
    return { ok: true, text: "placement.office.returned", field: null };
  } catch (error) {
    if (!isPlacementRefusal(error)) throw error;
    const refusal = explainRefusal(error, await getLocale(request));
    if (refusal.status === 404) throw notFound();
    return data({ ok: false, text: refusal.text, field: refusal.field === "reason" ? "reason" : null }, { status: refusal.status });
  }
}

export default function OfficeQuotaApplication() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  // The reason's error shows beside the field, unless the form is gone (the application was already
  // completed or returned): then above, like any other refusal.
  const reasonError = result && !result.ok && result.field === "reason" && page.status === "submitted" ? [result.text] : null;
  return (
    <div className="space-y-8">
      <nav aria-label={t("placement.breadcrumb")} className="text-sm"><Link to={`/office/rounds/${page.round.id}`}>← {page.round.title}</Link></nav>
      <header className="space-y-2">
        <h1>{page.unit}</h1>
        <p className="text-slate-700">
          {t("common.labelValue", { label: t("placement.quota.status"), value: t(`placement.quotaStatus.${page.status}`) })}
          {page.submittedAt ? ` · ${t("common.labelValue", { label: t("placement.quota.submittedAt"), value: page.submittedAt })}` : null}
        </p>
      </header>
      {result && !reasonError ? <FormMessage tone={result.ok ? "success" : "error"}>{t(result.text as never, { defaultValue: result.text })}</FormMessage> : null}

      <PlanSummary plan={page.plan} />

      {page.status === "submitted" ? (
        <section aria-labelledby="check" className="card space-y-4">
          <h2 id="check">{t("placement.office.documentCheck")}</h2>
          <p className="text-sm text-slate-700">{t("placement.office.documentCheckLead")}</p>
          <Form method="post">
            <input type="hidden" name="version" value={page.version} />
            <button type="submit" name="intent" value="complete" className="btn-primary">{t("placement.office.markComplete")}</button>
          </Form>
          <Form method="post" className="space-y-3">
            <input type="hidden" name="version" value={page.version} />
            <div>
              <label htmlFor="reason" className="field-label">{t("placement.office.returnReason")}</label>
              <textarea
                id="reason" name="reason" rows={4} maxLength={4000} className="field-input aria-[invalid=true]:border-red-600"
                aria-invalid={reasonError ? true : undefined} aria-describedby={reasonError ? "reason-error" : undefined}
              />
              <ErrorList id="reason-error" errors={reasonError} />
            </div>
            <button type="submit" name="intent" value="return" className="btn-secondary">{t("placement.office.return")}</button>
          </Form>
        </section>
      ) : page.status === "returned" && page.returnedReason ? (
        <FormMessage tone="info">{t("common.labelValue", { label: t("placement.quota.returnedReason"), value: page.returnedReason })}</FormMessage>
      ) : null}

      <section aria-labelledby="reviews" className="space-y-3">
        <h2 id="reviews">{t("placement.office.reviews")}</h2>
        <p>{page.total === null ? t("placement.office.noTotal") : t("placement.office.totalOf100", { total: page.total, count: page.scoredBy })}</p>
        {page.reviews.length === 0 ? (
          <p className="card text-slate-700">{t("placement.office.noReviewers")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("placement.office.reviewer")}</th>
                  {page.criteria.map((c) => <th key={c.key} scope="col">{t("placement.review.criterionOf", { label: c.label, max: String(c.maxScore) })}</th>)}
                  <th scope="col">{t("placement.office.reviewerTotal")}</th>
                  <th scope="col">{t("placement.review.comment")}</th>
                </tr>
              </thead>
              <tbody>
                {page.reviews.map((r) => (
                  <tr key={r.id}>
                    <th scope="row" className="text-left font-normal">{r.reviewer}</th>
                    {r.conflict ? (
                      <td colSpan={page.criteria.length + 2}>{t("placement.reviewState.conflict")}{r.conflictNote ? ` · ${r.conflictNote}` : ""}</td>
                    ) : (
                      <>
                        {page.criteria.map((c) => <td key={c.key}>{r.submittedAt ? (r.scores[c.key] ?? "—") : "—"}</td>)}
                        <td>{r.total ?? t("placement.reviewState.pending")}</td>
                        <td className="whitespace-pre-line">{r.comment ?? ""}</td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
