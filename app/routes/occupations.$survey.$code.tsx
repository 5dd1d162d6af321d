import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DifficultyBadge, OverseasBadge } from "~/components/badges";
import { ForecastChart } from "~/components/forecast-chart";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { getOccupation } from "~/occupations/queries.server";
import { companiesHiringFor } from "~/occupations/hiring.server";
import { OpenPositions } from "~/positions/open-positions";
import { countOpenPositionsForOccupation, listOpenPositionsForOccupation } from "~/positions/positions.server";
import { dbFrom } from "~/services.server";
import { DetailItem } from "~/components/detail-item";
import { ClosingProgrammes } from "~/gaps/closing-programmes";
import { programmesClosingGap } from "~/gaps/coverage.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.occupation.titleZh} ${data.occupation.titleEn} (${data.occupation.code})` : "Not found" },
];

const OPEN_POSITIONS_PER_PAGE = 10;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // Public page.
  const code = params.code ?? "";
  const survey = params.survey ?? "";
  if (!/^\d{6}$/.test(code) || !/^[a-z0-9-]{1,64}$/.test(survey)) throw new Response("Not found", { status: 404 });
  const found = await getOccupation(dbFrom(context), survey, code);
  if (!found) throw new Response("Not found", { status: 404 });
  const db = dbFrom(context);
  const pages = Math.max(1, Math.ceil((await countOpenPositionsForOccupation(db, code)) / OPEN_POSITIONS_PER_PAGE));
  const page = Math.min(pages, Math.max(1, Number(new URL(request.url).searchParams.get("page")) || 1));
  const positions = await listOpenPositionsForOccupation(db, code, OPEN_POSITIONS_PER_PAGE, (page - 1) * OPEN_POSITIONS_PER_PAGE);
  const closingGap = await programmesClosingGap(db, found.occupation.id);
  const isTalent = context.viewer?.roles.includes("talent") ?? false;
  const locale = await getLocale(request);
  const hiring = found.occupation.overseasNeeded
    ? ((await companiesHiringFor(db, [code])).get(code) ?? []).map((c) => ({ id: c.organisationId, name: pick(locale, c.nameZh, c.nameEn), positions: c.positions, openToOverseas: c.openToOverseas }))
    : null;
  return { locale, ...found, openPositions: { page, pages, positions }, closingGap: closingGap?.programmes ?? [], isTalent, hiring };
}

export default function OccupationPage() {
  const { locale, occupation: o, survey, skills, educationFields, reasons, forecast, otherSurveys, programmes, openPositions, closingGap, isTalent, hiring } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article className="space-y-8">
      <nav aria-label="breadcrumb" className="text-sm">
        <Link to="/occupations">← {t("occupations.back")}</Link>
      </nav>
      <header className="space-y-3">
        <p className="text-sm text-slate-600">{pick(locale, survey.titleZh, survey.titleEn)}</p>
        <h1>
          {pick(locale, o.titleZh, o.titleEn)} <span className="text-lg font-normal text-slate-600">({o.code})</span>
        </h1>
        <p className="text-slate-700" lang={locale === "en" ? "zh-Hant-TW" : "en"}>{pick(locale, o.titleEn, o.titleZh)}</p>
        <div className="flex flex-wrap gap-2">
          <DifficultyBadge difficulty={o.difficulty} />
          {o.overseasNeeded && <OverseasBadge />}
        </div>
      </header>

      {hiring ? (
        <section aria-labelledby="overseas-hiring" className="card space-y-2 border-sky-400 bg-sky-50" data-overseas="needed">
          <h2 id="overseas-hiring">{t("occupationOverseas.hiringHeading")}</h2>
          <p className="text-sm text-sky-900"><strong>{t("occupationOverseas.highlight")}</strong>. {t("occupationOverseas.hiringLead")}</p>
          {hiring.length === 0 ? (
            <p className="text-sm text-slate-700">{t("occupationOverseas.noneHiring")}</p>
          ) : (
            <ul className="list-disc space-y-1 pl-5 text-sm">
              {hiring.map((c) => (
                <li key={c.id}>
                  {c.name}: {t("occupationOverseas.openPositions", { count: c.positions })}
                  {c.openToOverseas > 0 ? <> · <span className="badge bg-sky-100 text-sky-900">{t("search.overseasOpen")}</span></> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <section aria-labelledby="requirements" className="card space-y-4">
        <h2 id="requirements">{t("occupations.requirements")}</h2>
        <dl className="grid gap-4 sm:grid-cols-2">
          <DetailItem label={t("occupations.description")}>{pick(locale, o.descriptionZh, o.descriptionEn)}</DetailItem>
          <DetailItem label={t("occupations.minEducation")}>{t(`education.${o.minEducation}`)}</DetailItem>
          <DetailItem label={t("occupations.experience")}>{t(`experienceBand.${o.experience}`)}</DetailItem>
          <DetailItem label={t("occupations.icapLevel")}>{o.icapLevel ?? t("occupations.icapNone")}</DetailItem>
          <DetailItem label={t("occupations.skills")}>
            <ol className="list-decimal space-y-1 pl-5">
              {skills.map((s) => <li key={s.key}>{pick(locale, s.asWritten, s.en)}</li>)}
            </ol>
          </DetailItem>
          <DetailItem label={t("occupations.educationFields")}>
            <ol className="list-decimal space-y-1 pl-5">
              {educationFields.map((f) => <li key={f.code}>{pick(locale, f.zh, f.en)} ({f.code})</li>)}
              {o.anyEducationField && <li>{t("occupations.anyField")}</li>}
            </ol>
          </DetailItem>
        </dl>
      </section>

      <section aria-labelledby="recruitment" className="card space-y-4">
        <h2 id="recruitment">{t("occupations.recruitment")}</h2>
        <dl className="grid gap-4 sm:grid-cols-2">
          <DetailItem label={t("occupations.difficulty")}>{t(`difficulty.${o.difficulty}`)}</DetailItem>
          <DetailItem label={t("occupations.overseas")}>{o.overseasNeeded ? t("occupations.overseasNeeded") : t("occupations.overseasNotNeeded")}</DetailItem>
          <DetailItem label={t("occupations.shortageReasons")}>
            <ol className="list-decimal space-y-1 pl-5">
              {reasons.map((r) => <li key={r.key}>{pick(locale, r.asWritten, r.en)}</li>)}
            </ol>
          </DetailItem>
        </dl>
        <p className="text-xs text-slate-600">{t("occupations.source", { file: o.sourceFile, location: o.sourceLocation })}</p>
      </section>

      {forecast.length > 0 && (
        <section aria-labelledby="forecast" className="card space-y-3">
          <h2 id="forecast">{t("occupations.forecastHeading")}</h2>
          <p className="text-sm text-slate-700">{t("occupations.forecastNote")}</p>
          <ForecastChart rows={forecast} />
          <p className="text-xs text-slate-600">{t("occupations.source", { file: forecast[0]?.sourceFile ?? "", location: forecast[0]?.sourceLocation ?? "" })}</p>
        </section>
      )}

      <section aria-labelledby="programmes" className="card space-y-3">
        <h2 id="programmes">{t("occupations.programmesHeading")}</h2>
        {programmes.length === 0 ? (
          <p className="text-slate-700">{t("occupations.noProgrammes")}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            {programmes.map((p) => (
              <li key={p.key}>
                <Link to={`/programmes/${p.key}`}>{pick(locale, p.titleZh, p.titleEn)}</Link>{" "}
                <span className="text-sm text-slate-600">· {t(`programmeType.${p.type}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <ClosingProgrammes locale={locale} survey={survey.key} occupationId={o.id} requiredCount={skills.length} programmes={closingGap} isTalent={isTalent} />

      <OpenPositions locale={locale} occupationId={o.id} {...openPositions} />

      {otherSurveys.length > 0 && (
        <section aria-labelledby="other-surveys" className="space-y-2">
          <h2 id="other-surveys">{t("occupations.otherSurvey")}</h2>
          <ul className="list-disc pl-5">
            {otherSurveys.map((other) => (
              <li key={other.surveyKey}>
                <Link to={`/occupations/${other.surveyKey}/${o.code}`}>{pick(locale, other.titleZh, other.titleEn)} ({other.year})</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

