// The company dashboard: for each of the recruiter's companies, its positions with applicants per stage,
// and the median time from application to hire.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listCompanyPositions, medianDaysToHire } from "~/applications/lists.server";
import { allStages } from "~/applications/stages";
import { requirePermission } from "~/auth/guards.server";
import { FormMessage } from "~/components/forms";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { formatCalendarDate } from "~/positions/format";

export const meta: MetaFunction = () => [{ title: "企業儀表板 · Company dashboard" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Company recruiters; each sees only the companies they are a member of.
  const viewer = requirePermission(request, context, "create:position:organisation");
  const db = context.services.db;
  const locale = await getLocale(request);
  const days = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const companies = await Promise.all(
    viewer.memberships
      .filter((m) => m.kind === "company")
      .map(async (m) => {
        const [positions, median] = await Promise.all([listCompanyPositions(db, [m.organisationId]), medianDaysToHire(db, [m.organisationId])]);
        return {
          id: m.organisationId,
          slug: m.slug,
          name: pick(locale, m.nameZh, m.nameEn),
          approved: m.approval === "approved",
          median: { days: median.days === null ? null : days.format(median.days), hires: median.hires },
          positions: positions.map((p) => ({
            id: p.id,
            title: p.title,
            status: p.status,
            headcount: p.headcount,
            remaining: p.remainingHeadcount,
            deadline: p.applicationDeadline ? formatCalendarDate(p.applicationDeadline, locale) : null,
            editable: p.status === "draft" || p.status === "published",
            stages: allStages.map((stage) => p.stages[stage] ?? 0),
          })),
        };
      }),
  );
  return { companies };
}

export default function CompanyDashboard() {
  const { companies } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-2">
          <h1>{t("applications.dashboard.title")}</h1>
          <p className="text-slate-700">{t("applications.dashboard.lead")}</p>
        </div>
        {companies.length > 0 ? <Link to="/positions/new" className="btn-primary">{t("applications.dashboard.post")}</Link> : null}
      </header>
      {companies.length === 0 ? (
        <div className="card space-y-3">
          <p>{t("applications.dashboard.noCompany")}</p>
          <Link to="/organisations/new" className="btn-primary">{t("applications.dashboard.createCompany")}</Link>
        </div>
      ) : null}
      {companies.map((company) => (
        <section key={company.id} aria-labelledby={`company-${company.id}`} className="card space-y-4">
          <h2 id={`company-${company.id}`}><Link to={`/organisations/${company.slug}`}>{company.name}</Link></h2>
          {company.approved ? null : <FormMessage tone="info">{t("applications.dashboard.notApproved")}</FormMessage>}
          <div>
            <h3 className="text-base">{t("applications.dashboard.median")}</h3>
            <p>{company.median.days === null ? t("applications.dashboard.medianNone") : t("applications.dashboard.medianValue", { days: company.median.days, count: company.median.hires })}</p>
            <p className="text-xs text-slate-600">{t("applications.dashboard.medianHint")}</p>
          </div>
          {company.positions.length === 0 ? (
            <p className="text-slate-700">{t("applications.dashboard.noPositions")}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="text-left font-semibold">{t("applications.dashboard.caption", { company: company.name })}</caption>
                <thead>
                  <tr className="border-b border-slate-200">
                    <th scope="col" className="py-2 pr-3">{t("applications.dashboard.position")}</th>
                    <th scope="col" className="py-2 pr-3">{t("applications.dashboard.status")}</th>
                    <th scope="col" className="py-2 pr-3">{t("applications.dashboard.headcount")}</th>
                    <th scope="col" className="py-2 pr-3">{t("applications.dashboard.deadline")}</th>
                    {allStages.map((stage) => <th key={stage} scope="col" className="py-2 pr-3 text-right">{t(`applications.stage.${stage}`)}</th>)}
                    <th scope="col" className="py-2">{t("applications.dashboard.links")}</th>
                  </tr>
                </thead>
                <tbody>
                  {company.positions.map((p) => (
                    <tr key={p.id} className="border-b border-slate-100 align-top last:border-0">
                      <th scope="row" className="py-2 pr-3 font-normal"><Link to={`/positions/${p.id}`}>{p.title}</Link></th>
                      <td className="py-2 pr-3">{t(`applications.positionStatus.${p.status}`)}</td>
                      <td className="py-2 pr-3">{t("applications.dashboard.headcountValue", { remaining: String(p.remaining), total: String(p.headcount) })}</td>
                      <td className="py-2 pr-3">{p.deadline ?? t("applications.dashboard.noDeadline")}</td>
                      {p.stages.map((n, i) => <td key={allStages[i]} className="py-2 pr-3 text-right tabular-nums">{n}</td>)}
                      <td className="py-2">
                        <span className="flex flex-wrap gap-x-3">
                          <Link to={`/positions/${p.id}/applicants`} aria-label={t("applications.dashboard.applicantsOf", { title: p.title })}>{t("applications.dashboard.applicants")}</Link>
                          {p.editable ? <Link to={`/positions/${p.id}/edit`} aria-label={t("applications.dashboard.editOf", { title: p.title })}>{t("applications.dashboard.edit")}</Link> : null}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </div>
  );
}
