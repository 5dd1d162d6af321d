// The talent's dashboard: their applications and invitations (invitations first, as they wait for an
// answer), and the open positions that suit their profile best, each with the parts of its score.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { listTalentApplications } from "~/applications/lists.server";
import { requirePermission } from "~/auth/guards.server";
import { Pagination } from "~/components/pagination";
import { PositionRecommendation } from "~/components/recommendation-cards";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { matchNames } from "~/matching/names.server";
import { rankPositionsForTalent } from "~/matching/ranking.server";

export const meta: MetaFunction = () => [{ title: "我的求職 · My applications" }];

const APPLICATIONS_PAGE_SIZE = 20;
const RECOMMENDED = 5;
const paramsSchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requirePermission(request, context, "read:application:own");
  const db = context.services.db;
  const locale = await getLocale(request);
  const { page } = paramsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [applications, recommended] = await Promise.all([
    listTalentApplications(db, viewer.id),
    rankPositionsForTalent(db, viewer.id, { page: 1, pageSize: RECOMMENDED }),
  ]);
  // Invitations wait for the talent's answer, so they come first; each group newest activity first.
  const ordered = [...applications.filter((a) => a.stage === "invited"), ...applications.filter((a) => a.stage !== "invited")];
  const pages = Math.max(1, Math.ceil(ordered.length / APPLICATIONS_PAGE_SIZE));
  const shown = ordered.slice((Math.min(page, pages) - 1) * APPLICATIONS_PAGE_SIZE, Math.min(page, pages) * APPLICATIONS_PAGE_SIZE);
  return {
    applications: shown.map((a) => ({
      id: a.id,
      stage: a.stage,
      positionId: a.positionId,
      positionTitle: a.positionTitle,
      organisation: pick(locale, a.organisationZh, a.organisationEn),
      lastChange: formatDateTime(a.updatedAt, locale),
    })),
    page: Math.min(page, pages),
    pages,
    profileEmpty: recommended.profileEmpty,
    recommended: recommended.results,
    names: await matchNames(db, locale, recommended.results.map((r) => r.score)),
  };
}

export default function TalentDashboard() {
  const { applications, page, pages, profileEmpty, recommended, names } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1>{t("matching.my.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("matching.my.lead")}</p>
        <p><Link to="/my/gaps">{t("gaps.talent.dashboardLink")}</Link></p>
        <p><Link to="/my/programmes">{t("catalogue.my.dashboardLink")}</Link></p>
      </header>

      <section aria-labelledby="applications" className="space-y-3">
        <h2 id="applications">{t("matching.my.applications")}</h2>
        {applications.length === 0 ? <p className="card text-slate-700">{t("matching.my.noApplications")}</p> : (
          <div className="overflow-x-auto">
            <table className="data-table bg-white">
              <caption className="sr-only">{t("matching.my.applications")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("matching.my.position")}</th>
                  <th scope="col">{t("matching.my.company")}</th>
                  <th scope="col">{t("matching.my.stage")}</th>
                  <th scope="col">{t("matching.my.lastChange")}</th>
                  <th scope="col"><span className="sr-only">{t("matching.my.view")}</span></th>
                </tr>
              </thead>
              <tbody>
                {applications.map((a) => (
                  <tr key={a.id} className={a.stage === "invited" ? "bg-amber-50" : undefined}>
                    <th scope="row" className="bg-transparent font-normal"><Link to={`/positions/${a.positionId}`}>{a.positionTitle}</Link></th>
                    <td>{a.organisation}</td>
                    <td>{a.stage === "invited" ? <strong>{t("applications.stage.invited")}</strong> : t(`applications.stage.${a.stage}`)}</td>
                    <td>{a.lastChange}</td>
                    <td>
                      <Link to={`/applications/${a.id}`} aria-label={`${a.stage === "invited" ? t("matching.my.respond") : t("matching.my.view")}: ${a.positionTitle}`}>
                        {a.stage === "invited" ? t("matching.my.respond") : t("matching.my.view")}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pages={pages} />
      </section>

      <section aria-labelledby="recommended" className="space-y-3">
        <h2 id="recommended">{t("matching.my.recommended")}</h2>
        {profileEmpty ? (
          <div className="card space-y-3">
            <p className="text-slate-700">{t("matching.my.emptyProfile")}</p>
            <Link to="/profile" className="btn-primary">{t("matching.my.fillProfile")}</Link>
          </div>
        ) : recommended.length === 0 ? <p className="card text-slate-700">{t("matching.my.noPositions")}</p> : (
          <ol className="space-y-4">
            {recommended.map((result) => <PositionRecommendation key={result.position.id} result={result} names={names} />)}
          </ol>
        )}
        <p><Link to="/my/recommendations">{t("matching.my.allRecommendations")}</Link></p>
      </section>
    </div>
  );
}
