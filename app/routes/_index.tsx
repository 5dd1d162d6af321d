import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { listOccupations } from "~/occupations/queries.server";
import { listProgrammes } from "~/programmes/queries.server";
import { dbFrom } from "~/services.server";
import { surveySummaries } from "~/surveys/queries.server";
import { DifficultyBadge } from "~/components/badges";

export const meta: MetaFunction = () => [{ title: "精準健康人才媒合平台 · Precision Health Talent Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Public page.
  const db = dbFrom(context);
  const [locale, surveys, programmes, hard] = await Promise.all([
    getLocale(request),
    surveySummaries(db),
    listProgrammes(db),
    listOccupations(db, { survey: undefined, difficulty: "hard" }),
  ]);
  const latest = surveys[surveys.length - 1]?.key;
  return { locale, surveys, programmes, hardest: hard.filter((o) => o.surveyKey === latest).slice(0, 6) };
}

export default function Home() {
  const { locale, surveys, programmes, hardest } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-10">
      <section className="space-y-4">
        <h1>{t("home.title")}</h1>
        <p className="max-w-3xl text-lg text-slate-700">{t("home.lead")}</p>
        <div className="flex flex-wrap gap-3">
          <Link to="/occupations" className="btn-primary">{t("home.browseOccupations")}</Link>
          <Link to="/programmes" className="btn-secondary">{t("home.browseProgrammes")}</Link>
        </div>
      </section>

      <section aria-labelledby="surveys-heading" className="space-y-4">
        <h2 id="surveys-heading">{t("home.surveysHeading")}</h2>
        <ul className="grid gap-4 md:grid-cols-2">
          {surveys.map((s) => {
            const demand = s.flatDemand.map((d) => d.newDemand);
            return (
              <li key={s.key} className="card space-y-3">
                <h3>
                  <Link to={`/occupations?survey=${s.key}`}>{pick(locale, s.titleZh, s.titleEn)}</Link>
                </h3>
                <p className="text-sm text-slate-600">{pick(locale, s.publisherZh, s.publisherEn)}</p>
                <dl className="grid grid-cols-3 gap-2 text-center">
                  <Stat label={t("home.occupationCount")} value={s.occupationCount} />
                  <Stat label={t("home.hardCount")} value={s.hardCount} />
                  <Stat label={t("home.overseasCount")} value={s.overseasCount} />
                </dl>
                {demand.length > 0 && (
                  <p className="text-sm text-slate-700">
                    {t("home.forecastRange", { from: String(s.forecastFromYear), to: String(s.forecastToYear) })}{" "}
                    <strong className="tabular-nums">{demand.join(" → ")}</strong>
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      {hardest.length > 0 && (
        <section aria-labelledby="hardest-heading" className="space-y-4">
          <h2 id="hardest-heading">{t("home.hardestHeading")}</h2>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {hardest.map((o) => (
              <li key={o.id} className="card space-y-2">
                <Link to={`/occupations/${o.surveyKey}/${o.code}`} className="font-semibold">
                  {pick(locale, o.titleZh, o.titleEn)}
                </Link>
                <p className="text-sm text-slate-600">{o.code}</p>
                <DifficultyBadge difficulty={o.difficulty} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="programmes-heading" className="space-y-4">
        <h2 id="programmes-heading">{t("home.programmesHeading")}</h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          {programmes.map((p) => (
            <li key={p.key} className="card space-y-1">
              <Link to={`/programmes/${p.key}`} className="font-semibold">{pick(locale, p.titleZh, p.titleEn)}</Link>
              <p className="text-sm text-slate-600">{t(`programmeType.${p.type}`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="flex flex-col-reverse rounded-md bg-slate-50 p-2">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-2xl font-bold tabular-nums text-brand-800">{value}</dd>
    </div>
  );
}
