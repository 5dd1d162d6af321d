// The programme office's overview of a PhD round's placements: counts by status, trainees in training,
// internships under 6 months, the 24-hour common course; each placement with its unit, check-in,
// period, internship months (flagged) and course hours, where the office records missed check-ins
// (the seat goes down the waitlist), common-course hours and completion. 50 a page; reads audited.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { notFound, requirePermission } from "~/auth/guards.server";
import { logPersonalDataRead } from "~/auth/visibility.server";
import { FormMessage } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { handlePlacementAction } from "~/placement/placement-actions.server";
import { HoursForm, PlacementButton } from "~/placement/placement-forms";
import { listPlacements, placementTotals } from "~/placement/placements.server";
import { progressView } from "~/placement/progress-view.server";
import { getRound } from "~/placement/rounds.server";

export const meta: MetaFunction = () => [{ title: "培訓進度總覽 · Placements overview" }];

const PAGE_SIZE = 50;
const querySchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });
const statuses = ["admitted", "checked_in", "completed", "declined", "withdrawn", "terminated"] as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const officer = requirePermission(request, context, "manage:placement-round:any");
  const db = context.services.db;
  const view = await getRound(db, params.id ?? "");
  if (!view || view.round.status === "draft") throw notFound();
  const locale = await getLocale(request);
  const { page } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { round } = view;
  const [list, totals] = await Promise.all([listPlacements(db, round.id, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }), placementTotals(db, round.id)]);
  await logPersonalDataRead(db, officer, "placement", list.rows.map((r) => r.placement.id), context.clientIp);
  const now = new Date();
  return {
    round: { id: round.id, title: pick(locale, round.titleZh, round.titleEn) },
    counts: statuses.map((status) => ({ status, n: totals.byStatus[status] ?? 0 })),
    totals: { inTraining: totals.inTraining, short: totals.internshipsUnderSixMonths, courseDone: totals.courseComplete },
    page,
    pages: Math.max(1, Math.ceil(list.total / PAGE_SIZE)),
    placements: list.rows.map(({ placement: p, name, unitZh, unitEn, progress }) => ({
      id: p.id,
      name,
      unit: pick(locale, unitZh, unitEn),
      status: p.status,
      checkInBy: formatDateTime(p.checkInBy, locale),
      missable: p.status === "admitted" && now >= p.checkInBy,
      active: p.status === "admitted" || p.status === "checked_in" || p.status === "completed",
      progress: progressView(p, progress, round.monthlyStipendNtd, locale),
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const officer = requirePermission(request, context, "manage:placement-round:any");
  const locale = await getLocale(request);
  const reply = await handlePlacementAction(await request.formData(), { db: context.services.db, viewer: officer, locale, ip: context.clientIp, publicUrl: context.services.env.PUBLIC_URL });
  if (reply.status === 404) throw notFound();
  if (reply.ok && reply.intent === "missed") context.services.mail.wake();
  return data(reply, { status: reply.status });
}

export default function OfficePlacements() {
  const page = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="space-y-8">
      <nav aria-label={t("placement.breadcrumb")} className="text-sm"><Link to={`/office/rounds/${page.round.id}/match`}>← {t("matchRuns.office.title")}</Link></nav>
      <header className="space-y-2">
        <p className="text-sm font-medium text-brand-700">{page.round.title}</p>
        <h1>{t("matchRuns.progress.officeTitle")}</h1>
        <p className="max-w-3xl text-slate-700">{t("matchRuns.progress.lead")}</p>
      </header>
      {reply?.message ? <FormMessage tone={reply.ok ? "success" : "error"}>{t(reply.message as never, { defaultValue: reply.message })}</FormMessage> : null}

      <section aria-labelledby="counts" className="space-y-3">
        <h2 id="counts">{t("matchRuns.progress.counts")}</h2>
        <dl className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {page.counts.map((c) => (
            <div key={c.status} className="card">
              <dt className="text-sm text-slate-600">{t(`matchRuns.status.${c.status}`)}</dt>
              <dd className="text-lg font-semibold">{c.n}</dd>
            </div>
          ))}
        </dl>
        <dl className="grid gap-3 sm:grid-cols-3">
          <div className="card"><dt className="text-sm text-slate-600">{t("matchRuns.progress.inTraining")}</dt><dd className="text-lg font-semibold">{page.totals.inTraining}</dd></div>
          <div className="card"><dt className="text-sm text-slate-600">{t("matchRuns.progress.shortInternships")}</dt><dd className="text-lg font-semibold">{page.totals.short}</dd></div>
          <div className="card"><dt className="text-sm text-slate-600">{t("matchRuns.progress.courseDone")}</dt><dd className="text-lg font-semibold">{page.totals.courseDone}</dd></div>
        </dl>
      </section>

      <section aria-labelledby="placements" className="space-y-3">
        <h2 id="placements">{t("matchRuns.progress.trainee")}</h2>
        {page.placements.length === 0 ? <p className="card text-slate-700">{t("matchRuns.progress.noPlacements")}</p> : (
          <div className="overflow-x-auto">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("matchRuns.progress.trainee")}</th>
                  <th scope="col">{t("matchRuns.progress.unit")}</th>
                  <th scope="col">{t("matchRuns.progress.status")}</th>
                  <th scope="col">{t("matchRuns.progress.period")}</th>
                  <th scope="col">{t("matchRuns.progress.internship")}</th>
                  <th scope="col">{t("matchRuns.progress.course")}</th>
                  <th scope="col">{t("matchRuns.progress.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {page.placements.map((p) => {
                  const hoursReply = reply && reply.placementId === p.id && reply.intent === "hours" ? reply.result : undefined;
                  return (
                    <tr key={p.id} className="align-top">
                      <th scope="row" className="font-normal">{p.name}</th>
                      <td>{p.unit}</td>
                      <td>
                        {t(`matchRuns.status.${p.status}`)}
                        {p.status === "admitted" ? <div className="text-xs text-slate-600">{t("common.labelValue", { label: t("matchRuns.progress.checkInBy"), value: p.checkInBy })}</div> : null}
                      </td>
                      <td>{p.progress.period ? t("matchRuns.progress.periodValue", { from: p.progress.period.from, to: p.progress.period.to }) : t("matchRuns.progress.noPeriod")}</td>
                      <td className={p.progress.internshipTooShort && p.active ? "font-medium text-amber-800" : undefined}>
                        {t("matchRuns.progress.internshipMonths", { months: p.progress.internshipMonths })}
                        {p.progress.internshipTooShort && p.active ? <div className="text-xs">{t("matchRuns.progress.shortInternships")}</div> : null}
                      </td>
                      <td>{t("matchRuns.progress.courseHours", { hours: p.progress.courseHours })}</td>
                      <td className="space-y-2">
                        {p.missable ? <PlacementButton placementId={p.id} intent="missed" label={t("matchRuns.progress.markMissed", { name: p.name })} /> : null}
                        {p.status === "checked_in" ? <PlacementButton placementId={p.id} intent="complete" label={t("matchRuns.progress.complete")} /> : null}
                        {p.active ? <HoursForm placementId={p.id} lastResult={hoursReply} /> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page.page} pages={page.pages} />
      </section>
    </div>
  );
}
