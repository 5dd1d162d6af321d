// The public page of a PhD programme round: its calendar and stipend, and once the office has published
// the review meeting's results, each training unit's focus and allocated quota (公告員額審查結果).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound } from "~/auth/guards.server";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { CalendarTable, calendarRows } from "~/placement/calendar-table";
import { listPublishedAllocations } from "~/placement/quota-allocations.server";
import { resultsPublished } from "~/placement/quota-applications.server";
import { getOpenedRoundByYear } from "~/placement/rounds.server";
import { formatNtd } from "~/positions/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.round.title} · ${data.round.titleEn}` : "Not found" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  // Public page: a round the office has opened; drafts and unknown years are 404.
  const year = params.year ?? "";
  if (!/^\d{4}$/.test(year)) throw notFound();
  const db = context.services.db;
  const view = await getOpenedRoundByYear(db, Number(year));
  if (!view) throw notFound();
  const locale = await getLocale(request);
  const { round, programme } = view;
  const [allocations, published] = await Promise.all([listPublishedAllocations(db, round.id), resultsPublished(db, round.id)]);
  return {
    round: {
      title: pick(locale, round.titleZh, round.titleEn),
      titleEn: round.titleEn,
      programme: pick(locale, programme.titleZh, programme.titleEn),
      programmeKey: programme.key,
      stipend: formatNtd(round.monthlyStipendNtd, locale),
      totalQuota: round.totalQuota,
    },
    calendar: calendarRows(round, locale),
    published,
    allocations: allocations.map((a) => ({ id: a.applicationId, unit: pick(locale, a.nameZh, a.nameEn), focus: a.focus, quota: a.allocatedQuota ?? 0 })),
  };
}

export default function PublicRound() {
  const { round, calendar, published, allocations } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const allocated = allocations.reduce((n, a) => n + a.quota, 0);
  return (
    <article className="space-y-8">
      <nav aria-label={t("placement.breadcrumb")} className="text-sm"><Link to={`/programmes/${round.programmeKey}`}>← {round.programme}</Link></nav>
      <header className="space-y-2">
        <h1>{round.title}</h1>
        <p className="text-slate-700">{t("placement.public.lead", { stipend: round.stipend, total: String(round.totalQuota) })}</p>
      </header>

      <section aria-labelledby="results" className="space-y-3">
        <h2 id="results">{t("placement.public.results")}</h2>
        {allocations.length === 0 ? (
          <p className="card text-slate-700">{published ? t("placement.public.noneAllocated") : t("placement.public.notYet")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data-table max-w-3xl">
              <caption className="pb-2 text-left text-sm text-slate-600">{t("placement.public.caption", { allocated: String(allocated), count: allocations.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("placement.quota.unit")}</th>
                  <th scope="col">{t("placement.quota.focus")}</th>
                  <th scope="col">{t("placement.quota.allocatedQuota")}</th>
                </tr>
              </thead>
              <tbody>
                {allocations.map((a) => (
                  <tr key={a.id}>
                    <th scope="row" className="text-left font-normal">{a.unit}</th>
                    <td>{t(`placement.focus.${a.focus}`)}</td>
                    <td>{a.quota}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="calendar" className="space-y-3">
        <h2 id="calendar">{t("placement.round.calendar")}</h2>
        <CalendarTable calendar={calendar} />
      </section>
    </article>
  );
}
