// The programme office's view of open work-permit cases: the step each waits on, whose it is and how
// many days it has gone without progress, sortable; stalled longest first by default.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { logPersonalDataRead } from "~/auth/visibility.server";
import { Pagination } from "~/components/pagination";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { listStalledCases, PAGE_SIZE } from "~/work-permits/stalls.server";
import { stallSorts } from "~/work-permits/steps";

export const meta: MetaFunction = () => [{ title: "Work-permit cases · 工作許可案件" }];

// A bad value falls back to the default rather than refusing a page of filters.
const querySchema = z.object({
  sort: z.enum(stallSorts).catch("stalled"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requirePermission(request, context, "read:work-permit-case:any");
  const db = context.services.db;
  const locale = await getLocale(request);
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { rows, total } = await listStalledCases(db, query);
  await logPersonalDataRead(db, viewer, "work-permit-case", rows.map((r) => r.caseId), context.clientIp);
  return {
    query,
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: rows.map((r) => ({
      caseId: r.caseId,
      talent: r.talent,
      nationality: r.nationality,
      organisation: pick(locale, r.organisationZh, r.organisationEn),
      openedAt: formatDateTime(r.openedAt, locale),
      step: r.step,
      position: r.position,
      owner: r.owner,
      status: r.status,
      dueOn: r.dueOn,
      days: r.days,
      overdue: r.overdue,
    })),
  };
}

export default function OfficeWorkPermitsPage() {
  const { query, total, pages, rows } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1>{t("workPermit.office.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("workPermit.office.lead")}</p>
      </header>
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="sort" className="field-label">{t("workPermit.office.sortBy")}</label>
          <select id="sort" name="sort" defaultValue={query.sort} className="field-input">
            {stallSorts.map((sort) => <option key={sort} value={sort}>{t(`workPermit.office.sorts.${sort}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="dir" className="field-label">{t("workPermit.office.direction")}</label>
          <select id="dir" name="dir" defaultValue={query.dir} className="field-input">
            <option value="desc">{t("workPermit.office.desc")}</option>
            <option value="asc">{t("workPermit.office.asc")}</option>
          </select>
        </div>
        <button type="submit" className="btn-secondary">{t("workPermit.office.apply")}</button>
      </Form>
      {rows.length === 0 ? (
        <p className="card text-slate-700">{t("workPermit.office.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table w-full text-sm">
            <caption className="text-left font-semibold">{t("workPermit.office.caption", { count: total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("workPermit.talent")}</th>
                <th scope="col">{t("workPermit.company")}</th>
                <th scope="col">{t("workPermit.openedAt")}</th>
                <th scope="col">{t("workPermit.office.currentStep")}</th>
                <th scope="col">{t("workPermit.owner")}</th>
                <th scope="col">{t("workPermit.status")}</th>
                <th scope="col">{t("workPermit.due")}</th>
                <th scope="col">{t("workPermit.office.stalledDays")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.caseId} data-case={r.caseId}>
                  <th scope="row"><Link to={`/work-permits/${r.caseId}`}>{r.talent}</Link>{r.nationality ? ` (${r.nationality})` : ""}</th>
                  <td>{r.organisation}</td>
                  <td>{r.openedAt}</td>
                  <td>{r.position}. {t(`workPermit.kinds.${r.step}`)}</td>
                  <td>{t(`workPermit.owners.${r.owner}`)}</td>
                  <td>{t(`workPermit.statuses.${r.status}`)}</td>
                  <td>{r.dueOn ?? t("workPermit.noDue")}{r.overdue ? <> · <strong className="text-red-700">{t("workPermit.office.overdue")}</strong></> : null}</td>
                  <td data-days={r.days}>{t("workPermit.office.days", { count: r.days })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={query.page} pages={pages} />
    </div>
  );
}
