import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { DifficultyBadge, OverseasBadge } from "~/components/badges";
import { companiesHiringFor } from "~/occupations/hiring.server";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { listOccupations, listSurveys } from "~/occupations/queries.server";
import { dbFrom } from "~/services.server";

export const meta: MetaFunction = () => [{ title: "短缺職缺 · Shortage occupations" }];

// Filters live in the URL, so a filtered list can be shared and the back button works.
// Unknown values are ignored rather than refused: a stale link still shows a list.
const filtersSchema = z.object({
  survey: z.string().regex(/^[a-z0-9-]{1,64}$/).optional().catch(undefined),
  difficulty: z.enum(["easy", "normal", "hard"]).optional().catch(undefined),
  overseas: z.literal("1").optional().catch(undefined),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Public page.
  const db = dbFrom(context);
  const filters = filtersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [locale, surveys, occupations] = await Promise.all([
    getLocale(request),
    listSurveys(db),
    listOccupations(db, { survey: filters.survey, difficulty: filters.difficulty, overseas: filters.overseas === "1" }),
  ]);
  // Occupations the surveys say need overseas recruitment are shown with the companies hiring for them.
  const hiring = await companiesHiringFor(db, occupations.filter((o) => o.overseasNeeded).map((o) => o.code));
  return {
    locale,
    surveys,
    occupations: occupations.map((o) => ({ ...o, hiring: o.overseasNeeded ? (hiring.get(o.code) ?? []).map((c) => pick(locale, c.nameZh, c.nameEn)) : [] })),
    filters,
  };
}

export default function OccupationList() {
  const { locale, surveys, occupations, filters } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const location = useLocation();
  const surveyTitle = new Map(surveys.map((s) => [s.key, pick(locale, s.titleZh, s.titleEn)]));
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1>{t("occupations.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("occupations.lead")}</p>
      </header>

      <Form key={location.search} method="get" className="card grid gap-4 sm:grid-cols-4 sm:items-end" aria-label={t("occupations.filters")}>
        <div>
          <label htmlFor="survey" className="field-label">{t("occupations.survey")}</label>
          <select id="survey" name="survey" defaultValue={filters.survey ?? ""} className="field-input">
            <option value="">{t("occupations.allSurveys")}</option>
            {surveys.map((s) => (
              <option key={s.key} value={s.key}>{pick(locale, s.titleZh, s.titleEn)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="difficulty" className="field-label">{t("occupations.difficulty")}</label>
          <select id="difficulty" name="difficulty" defaultValue={filters.difficulty ?? ""} className="field-input">
            <option value="">{t("occupations.allDifficulties")}</option>
            {(["hard", "normal", "easy"] as const).map((d) => (
              <option key={d} value={d}>{t(`difficulty.${d}`)}</option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-2 sm:pb-2">
          <input id="overseas" type="checkbox" name="overseas" value="1" defaultChecked={filters.overseas === "1"} className="h-4 w-4" />
          <label htmlFor="overseas" className="text-sm">{t("occupations.overseas")}</label>
        </div>
        <div className="flex gap-2">
          <button type="submit" className="btn-primary">{t("occupations.apply")}</button>
          <Link to="/occupations" className="btn-secondary">{t("occupations.clear")}</Link>
        </div>
      </Form>

      <p role="status" className="text-sm text-slate-700">{t("occupations.resultCount", { count: occupations.length })}</p>

      {occupations.length === 0 ? (
        <p className="card text-slate-700">{t("occupations.empty")}</p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2">
          {occupations.map((o) => (
            <li key={o.id} className={`card space-y-2${o.overseasNeeded ? " border-sky-400 ring-1 ring-sky-300" : ""}`} data-overseas={o.overseasNeeded ? "needed" : undefined}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-lg">
                  <Link to={`/occupations/${o.surveyKey}/${o.code}`}>{pick(locale, o.titleZh, o.titleEn)}</Link>
                </h2>
                <span className="text-sm tabular-nums text-slate-600">{o.code}</span>
              </div>
              <p className="text-xs text-slate-600">{surveyTitle.get(o.surveyKey)}</p>
              <p className="text-sm text-slate-700">
                {t("common.labelValue", { label: t("occupations.minEducation"), value: t(`education.${o.minEducation}`) })} ·{" "}
                {t("common.labelValue", { label: t("occupations.experience"), value: t(`experienceBand.${o.experience}`) })}
              </p>
              <p className="text-sm text-slate-700">{o.skills.map((s) => pick(locale, s.zh, s.en)).join(locale === "en" ? "; " : "、")}</p>
              <div className="flex flex-wrap gap-2">
                <DifficultyBadge difficulty={o.difficulty} />
                {o.overseasNeeded && <OverseasBadge />}
              </div>
              {o.overseasNeeded && o.hiring.length > 0 ? (
                <p className="text-sm text-sky-900">
                  <strong>{t("occupationOverseas.companiesHiring", { count: o.hiring.length })}</strong>: {o.hiring.slice(0, 5).join(locale === "en" ? ", " : "、")}
                  {o.hiring.length > 5 ? "…" : ""}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
