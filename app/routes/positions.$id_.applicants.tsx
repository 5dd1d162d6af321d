// A position's applicants, for the members of its company (and, read-only and audited, the programme
// office): filtered by stage in the URL, with the count at every stage, 50 to a page. Named `$id_` so it
// is a page of its own rather than nested in the position page's <Outlet>.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { listApplicants } from "~/applications/lists.server";
import { allStages, type Stage } from "~/applications/stages";
import { forbidden, notFound, requirePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { logPersonalDataRead } from "~/auth/visibility.server";
import { FormMessage } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { getPositionFor } from "~/positions/positions.server";

export const meta: MetaFunction = () => [{ title: "應徵者 · Applicants" }];

const PAGE_SIZE = 50;
const paramsSchema = z.object({
  stage: z.enum(allStages as [Stage, ...Stage[]]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  // Members of the position's company; the programme office reads it, audited.
  const viewer = requirePermission(request, context, "read:application:organisation");
  const db = context.services.db;
  const view = await getPositionFor(db, viewer, params.id ?? "");
  if (!view) throw notFound();
  const office = can(viewer.roles, "read:application:any");
  if (!view.manages && !office) throw forbidden();
  const locale = await getLocale(request);
  const query = paramsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));

  const everyone = await listApplicants(db, view.position.id);
  const counts = Object.fromEntries(allStages.map((stage) => [stage, everyone.filter((a) => a.stage === stage).length])) as Record<Stage, number>;
  const matching = query.stage ? everyone.filter((a) => a.stage === query.stage) : everyone;
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const shown = matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  if (!view.manages) await logPersonalDataRead(db, viewer, "application", shown.map((a) => a.id), context.clientIp);

  return {
    position: { id: view.position.id, title: view.position.title, organisation: pick(locale, view.organisation.nameZh, view.organisation.nameEn) },
    readOnly: !view.manages,
    stage: query.stage ?? null,
    total: everyone.length,
    counts,
    page,
    pages,
    applicants: shown.map((a) => ({ id: a.id, name: a.displayName, stage: a.stage, origin: a.origin, appliedAt: formatDateTime(a.createdAt, locale) })),
  };
}

export default function PositionApplicants() {
  const { position, readOnly, stage, total, counts, page, pages, applicants } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const tabs: Array<{ stage: Stage | null; label: string; count: number }> = [
    { stage: null, label: t("applications.applicants.all"), count: total },
    ...allStages.map((s) => ({ stage: s, label: t(`applications.stage.${s}`), count: counts[s] })),
  ];
  const selected = stage ? t(`applications.stage.${stage}`) : t("applications.applicants.all");
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1>{t("applications.applicants.title", { title: position.title })}</h1>
        <p className="text-slate-700">{position.organisation}</p>
        <p className="text-slate-700">{t("applications.applicants.lead")}</p>
        <Link to={`/positions/${position.id}`}>{t("applications.applicants.backToPosition")}</Link>
      </header>
      {readOnly ? <FormMessage tone="info">{t("applications.applicants.officeNotice")}</FormMessage> : null}

      <nav aria-label={t("applications.applicants.filter")}>
        <ul className="flex flex-wrap gap-2">
          {tabs.map((tab) => {
            const current = tab.stage === stage;
            return (
              <li key={tab.stage ?? "all"}>
                <Link
                  to={`/positions/${position.id}/applicants${tab.stage ? `?stage=${tab.stage}` : ""}`}
                  aria-current={current ? "page" : undefined}
                  className={current ? "btn-primary" : "btn-secondary"}
                >
                  {t("applications.applicants.tab", { label: tab.label, count: tab.count })}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      {applicants.length === 0 ? (
        <p className="card text-slate-700">{total === 0 ? t("applications.applicants.empty") : t("applications.applicants.emptyStage", { stage: selected })}</p>
      ) : (
        <div className="card overflow-x-auto p-0">
          <table className="w-full text-left text-sm">
            <caption className="px-4 pt-3 text-left font-semibold">{t("applications.applicants.caption", { stage: selected })}</caption>
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="px-4 py-2">{t("applications.applicants.name")}</th>
                <th scope="col" className="px-4 py-2">{t("applications.applicants.stage")}</th>
                <th scope="col" className="px-4 py-2">{t("applications.applicants.origin")}</th>
                <th scope="col" className="px-4 py-2">{t("applications.applicants.appliedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {applicants.map((a) => (
                <tr key={a.id} className="border-b border-slate-100 last:border-0">
                  <th scope="row" className="px-4 py-2 font-normal"><Link to={`/applications/${a.id}`}>{a.name}</Link></th>
                  <td className="px-4 py-2">{t(`applications.stage.${a.stage}`)}</td>
                  <td className="px-4 py-2">{t(`applications.origin.${a.origin}`)}</td>
                  <td className="px-4 py-2">{a.appliedAt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pages={pages} />
    </div>
  );
}
