// One round for a training unit's staff (?unit= picks which of their units): the calendar, the review
// criteria the panel will use, and the unit's quota application: the form while it is a draft or
// returned and the unit-application deadline is ahead, otherwise the plan as submitted, its status,
// the office's reasons for returning it, and the quota allocated once the results are published.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound, requirePermission } from "~/auth/guards.server";
import { FormMessage } from "~/components/forms";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { CalendarTable, calendarRows } from "~/placement/calendar-table";
import { hasPassed } from "~/placement/calendar";
import { PlanSummary, planSummary } from "~/placement/plan-summary";
import { getUnitApplication, resultsPublished, saveQuotaApplication, chosenUnit, unitsOf } from "~/placement/quota-applications.server";
import { QuotaForm } from "~/placement/quota-form";
import { namedPartners, quotaPlanSchema } from "~/placement/quota-schema";
import { explainRefusal } from "~/placement/refusal-text.server";
import { isPlacementRefusal } from "~/placement/refusals";
import { getRound } from "~/placement/rounds.server";
import { formatNtd } from "~/positions/format";

export const meta: MetaFunction = () => [{ title: "培訓單位員額申請 · Unit quota application" }];

/** The unit the page is about: ?unit= when it is one of the viewer's, else their first; null when they have none. */

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = requirePermission(request, context, "update:unit-application:organisation");
  const db = context.services.db;
  const view = await getRound(db, params.id ?? "");
  if (!view || view.round.status === "draft") throw notFound();
  const unit = chosenUnit(viewer, new URL(request.url).searchParams.get("unit"));
  if (unit === "foreign") throw notFound();
  const locale = await getLocale(request);
  const { round, criteria } = view;
  const now = new Date();
  const done = new URL(request.url).searchParams.get("done");
  const base = {
    notice: done === "submitted" ? "placement.unit.submitted" : done === "saved" ? "placement.unit.saved" : null,
    round: {
      id: round.id,
      title: pick(locale, round.titleZh, round.titleEn),
      stipend: formatNtd(round.monthlyStipendNtd, locale),
      deadline: formatDateTime(round.unitApplicationsCloseAt, locale),
    },
    calendar: calendarRows(round, locale, now),
    criteria: criteria.map((c) => ({ key: c.key, label: pick(locale, c.labelZh, c.labelEn), weight: c.weight, maxScore: c.maxScore })),
    units: unitsOf(viewer).map((u) => ({ id: u.organisationId, name: pick(locale, u.nameZh, u.nameEn) })),
  };
  if (!unit) return { ...base, unit: null, application: null, form: null };
  const [found, roundPublished] = await Promise.all([getUnitApplication(db, viewer, round.id, unit.organisationId), resultsPublished(db, round.id)]);
  const a = found?.application ?? null;
  const published = a?.status === "allocated" || a?.status === "not_allocated";
  const editable = !roundPublished && !hasPassed(round, "unitApplications", now) && (!a || a.status === "draft" || a.status === "returned");
  return {
    ...base,
    unit: { id: unit.organisationId, name: pick(locale, unit.nameZh, unit.nameEn), approved: unit.approval === "approved" },
    application: a
      ? {
          status: a.status,
          submittedAt: a.submittedAt ? formatDateTime(a.submittedAt, locale) : null,
          returnedReason: a.status === "returned" ? a.returnedReason : null,
          allocatedQuota: published ? a.allocatedQuota : null,
          plan: planSummary(found!),
        }
      : null,
    form: editable
      ? {
          action: `/unit/rounds/${round.id}?unit=${unit.organisationId}`,
          defaults: a
            ? {
                organisationId: unit.organisationId,
                version: String(a.version),
                focus: a.focus,
                planZh: a.planZh,
                planEn: a.planEn ?? "",
                courses: a.courses,
                internshipMonths: String(a.internshipMonths),
                requestedTrainees: String(a.requestedTrainees),
                partners: found!.partners.map((p) => ({ name: p.name, isMedicalCentre: p.isMedicalCentre ? "on" : "" })),
              }
            : { organisationId: unit.organisationId, internshipMonths: "6", requestedTrainees: "1", partners: [] },
        }
      : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = requirePermission(request, context, "update:unit-application:organisation");
  const submission = parseWithZod(await request.formData(), { schema: quotaPlanSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { intent, organisationId, version, partners, ...plan } = submission.value;
  try {
    await saveQuotaApplication(
      context.services.db,
      viewer,
      { roundId: params.id ?? "", organisationId, expectedVersion: version ?? null, submit: intent === "submit" },
      { ...plan, planEn: plan.planEn ?? null, partners: namedPartners(partners) },
      context.clientIp,
    );
    // Back to the page (and its new version) rather than a form that still holds the old one.
    return redirect(`/unit/rounds/${params.id}?${new URLSearchParams({ unit: organisationId, done: intent === "submit" ? "submitted" : "saved" })}`);
  } catch (error) {
    if (!isPlacementRefusal(error)) throw error;
    const refusal = explainRefusal(error, await getLocale(request));
    if (refusal.status === 404) throw notFound();
    const result = refusal.field ? submission.reply({ fieldErrors: { [refusal.field]: [refusal.text] } }) : submission.reply({ formErrors: [refusal.text] });
    return data({ result }, { status: refusal.status });
  }
}

export default function UnitRound() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const { application } = page;
  return (
    <div className="space-y-8">
      <nav aria-label={t("placement.breadcrumb")} className="text-sm"><Link to="/unit/rounds">← {t("placement.unit.title")}</Link></nav>
      <header className="space-y-2">
        <h1>{page.round.title}</h1>
        {page.unit ? <p className="text-lg text-slate-800">{page.unit.name}</p> : null}
        <p className="text-slate-700">{t("placement.unit.roundLead", { deadline: page.round.deadline, stipend: page.round.stipend })}</p>
      </header>
      {page.units.length > 1 ? (
        <nav aria-label={t("placement.unit.otherUnits")} className="flex flex-wrap gap-3 text-sm">
          {page.units.map((u) => (u.id === page.unit?.id ? <span key={u.id} aria-current="page" className="font-semibold">{u.name}</span> : <Link key={u.id} to={`/unit/rounds/${page.round.id}?unit=${u.id}`}>{u.name}</Link>))}
        </nav>
      ) : null}
      {page.notice && !actionData ? <FormMessage tone="success">{t(page.notice as never)}</FormMessage> : null}

      {!page.unit ? (
        <FormMessage tone="info">{t("placement.unit.noUnit")} <Link to="/organisations/new">{t("placement.unit.createUnit")}</Link></FormMessage>
      ) : (
        <section aria-labelledby="status" className="card space-y-2">
          <h2 id="status">{t("placement.unit.statusTitle")}</h2>
          <p>
            {application ? t(`placement.quotaStatus.${application.status}`) : page.form ? t("placement.unit.notStarted") : t("placement.unit.notApplied")}
            {application?.submittedAt ? ` · ${t("common.labelValue", { label: t("placement.quota.submittedAt"), value: application.submittedAt })}` : null}
          </p>
          {application?.returnedReason ? (
            <FormMessage tone="error">{t("common.labelValue", { label: t("placement.quota.returnedReason"), value: application.returnedReason })}</FormMessage>
          ) : null}
          {application?.allocatedQuota != null ? (
            <p className="text-lg font-semibold">{t("common.labelValue", { label: t("placement.quota.allocatedQuota"), value: String(application.allocatedQuota) })}</p>
          ) : null}
          {application?.status === "allocated" ? <p><Link to={`/unit/rounds/${page.round.id}/applicants?unit=${page.unit.id}`}>{t("trainees.unit.link")}</Link></p> : null}
          {application?.status === "allocated" ? <p><Link to={`/unit/rounds/${page.round.id}/match?unit=${page.unit.id}`}>{t("matchRuns.unit.title")}</Link></p> : null}
          {!page.unit.approved ? <p className="text-sm text-slate-700">{t("placement.unit.notApproved")}</p> : null}
        </section>
      )}

      {page.unit && page.form ? (
        <QuotaForm lastResult={actionData?.result} defaultValue={page.form.defaults} action={page.form.action} mayStillSubmit={page.unit.approved} />
      ) : application ? (
        <PlanSummary plan={application.plan} />
      ) : null}

      <section aria-labelledby="criteria" className="space-y-3">
        <h2 id="criteria">{t("placement.round.criteria")}</h2>
        <ul className="list-disc pl-5">
          {page.criteria.map((c) => <li key={c.key}>{t("placement.unit.criterion", { label: c.label, weight: String(c.weight), max: String(c.maxScore) })}</li>)}
        </ul>
      </section>

      <section aria-labelledby="calendar" className="space-y-3">
        <h2 id="calendar">{t("placement.round.calendar")}</h2>
        <CalendarTable calendar={page.calendar} />
      </section>
    </div>
  );
}
