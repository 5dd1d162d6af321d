// Everything recommended to a talent: open positions, or the surveys' shortage occupations, ranked for
// their profile by the same score companies see, with filters, sort and page in the URL.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { FormMessage } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { CityFilter, RankingFilters } from "~/components/ranking-filters";
import { OccupationRecommendation, PositionRecommendation } from "~/components/recommendation-cards";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { matchNames } from "~/matching/names.server";
import { rankingOptions, rankingParams } from "~/matching/ranking-params";
import { rankOccupationsForTalent, rankPositionsForTalent } from "~/matching/ranking.server";
import { listSurveys } from "~/occupations/queries.server";

export const meta: MetaFunction = () => [{ title: "為您推薦 · Recommended for you" }];

const PAGE_SIZE = 20;
const kinds = ["positions", "occupations"] as const;
const paramsSchema = rankingParams.extend({
  kind: z.enum(kinds).catch("positions"),
  overseas: z.literal("1").optional().catch(undefined),
  survey: z.string().regex(/^[a-z0-9-]{1,64}$/).optional().catch(undefined),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requirePermission(request, context, "read:talent-profile:own");
  const db = context.services.db;
  const locale = await getLocale(request);
  const query = paramsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const options = rankingOptions(query, PAGE_SIZE);
  const surveys = (await listSurveys(db)).map((s) => ({ key: s.key, title: pick(locale, s.titleZh, s.titleEn) }));
  if (query.kind === "positions") {
    const ranking = await rankPositionsForTalent(db, viewer.id, { ...options, openToOverseas: query.overseas === "1" });
    return { query, surveys, ranking: { ...ranking, kind: "positions" as const }, names: await matchNames(db, locale, ranking.results.map((r) => r.score)) };
  }
  const ranking = await rankOccupationsForTalent(db, viewer.id, { ...options, city: undefined, survey: query.survey });
  return { query, surveys, ranking: { ...ranking, kind: "occupations" as const }, names: await matchNames(db, locale, ranking.results.map((r) => r.score)) };
}

export default function Recommendations() {
  const { query, surveys, ranking, names } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1>{t("matching.recommendations.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("matching.recommendations.lead")}</p>
      </header>
      <nav aria-label={t("matching.recommendations.kinds")}>
        <ul className="flex gap-2">
          {kinds.map((kind) => (
            <li key={kind}>
              <Link to={kind === "positions" ? "/my/recommendations" : `/my/recommendations?kind=${kind}`} aria-current={query.kind === kind ? "page" : undefined}
                className={`btn ${query.kind === kind ? "bg-brand-700 text-white hover:text-white" : "border border-slate-300 bg-white text-slate-800"}`}>
                {t(`matching.recommendations.${kind}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {ranking.profileEmpty ? (
        <FormMessage tone="info">
          {t("matching.recommendations.emptyProfile")} <Link to="/profile">{t("matching.my.fillProfile")}</Link>
        </FormMessage>
      ) : null}

      <RankingFilters params={query} newest={query.kind === "positions"}>
        <input type="hidden" name="kind" value={query.kind} />
        {query.kind === "positions" ? (
          <>
            <CityFilter value={query.city} />
            <label className="flex items-center gap-2 self-center text-sm">
              <input type="checkbox" name="overseas" value="1" defaultChecked={query.overseas === "1"} />
              {t("matching.filters.overseas")}
            </label>
          </>
        ) : (
          <div>
            <label htmlFor="survey" className="field-label">{t("matching.filters.survey")}</label>
            <select id="survey" name="survey" defaultValue={query.survey ?? ""} className="field-input">
              <option value="">{t("matching.filters.anySurvey")}</option>
              {surveys.map((s) => <option key={s.key} value={s.key}>{s.title}</option>)}
            </select>
          </div>
        )}
      </RankingFilters>

      <p role="status" className="text-sm text-slate-700">{t("matching.recommendations.count", { count: ranking.total })}</p>
      {ranking.results.length === 0 ? <p className="card text-slate-700">{t("matching.recommendations.empty")}</p> : ranking.kind === "positions" ? (
        <ol className="space-y-4">
          {ranking.results.map((result) => <PositionRecommendation key={result.position.id} result={result} names={names} headingLevel={2} />)}
        </ol>
      ) : (
        <ol className="space-y-4">
          {ranking.results.map((result) => <OccupationRecommendation key={result.occupation.id} result={result} names={names} />)}
        </ol>
      )}
      <Pagination page={ranking.page} pages={ranking.pages} />
    </div>
  );
}
