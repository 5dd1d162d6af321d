// A position or survey occupation recommended to a talent, with the breakdown of its score: on the
// talent's dashboard (the top few) and on the full recommendations page.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Stage } from "~/applications/stages";
import { pick, type Locale } from "~/i18n/resources";
import type { MatchScore } from "~/matching/score";
import { formatSalary } from "~/positions/format";
import { ScoreBreakdown, type MatchNames } from "./score-breakdown";

export interface RecommendedPosition {
  position: { id: string; title: string; city: string; salaryMinNtd: number | null; salaryMaxNtd: number | null; organisationZh: string; organisationEn: string };
  score: MatchScore;
  application: { id: string; stage: Stage } | null;
}

export function PositionRecommendation({ result, names, headingLevel = 3 }: { result: RecommendedPosition; names: MatchNames; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { position, application } = result;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <li className="card space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Heading className="text-lg"><Link to={`/positions/${position.id}`}>{position.title}</Link></Heading>
        {application ? <span className="badge bg-slate-100 text-slate-800">{t("matching.my.applied", { stage: t(`applications.stage.${application.stage}`) })}</span> : null}
      </div>
      <p className="text-sm text-slate-700">
        {[pick(locale, position.organisationZh, position.organisationEn), position.city, formatSalary(position.salaryMinNtd, position.salaryMaxNtd, locale, t)].join(" · ")}
      </p>
      <ScoreBreakdown score={result.score} names={names} />
    </li>
  );
}

export interface RecommendedOccupation {
  occupation: { id: string; code: string; surveyKey: string; surveyYear: number; titleZh: string; titleEn: string };
  score: MatchScore;
}

export function OccupationRecommendation({ result, names }: { result: RecommendedOccupation; names: MatchNames }) {
  const { t, i18n } = useTranslation();
  const { occupation } = result;
  return (
    <li className="card space-y-3">
      <h2 className="text-lg">
        <Link to={`/occupations/${occupation.surveyKey}/${occupation.code}`}>{pick(i18n.language as Locale, occupation.titleZh, occupation.titleEn)}</Link>
      </h2>
      <p className="text-sm text-slate-700">{[occupation.code, t("matching.recommendations.survey", { year: String(occupation.surveyYear) })].join(" · ")}</p>
      <ScoreBreakdown score={result.score} names={names} />
    </li>
  );
}
