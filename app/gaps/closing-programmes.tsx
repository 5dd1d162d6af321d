// "Programmes that close this gap" on an occupation page: published programmes ordered by how many of
// the occupation's required skills they teach, each with those skills and levels.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pick, type Locale } from "~/i18n/resources";

interface ClosingProgramme {
  key: string;
  titleZh: string;
  titleEn: string;
  targetsOccupation: boolean;
  skills: { key: string; zh: string; en: string; level: number }[];
}

export function ClosingProgrammes({ locale, survey, occupationId, requiredCount, programmes, isTalent }: {
  locale: Locale;
  survey: string;
  occupationId: string;
  requiredCount: number;
  programmes: ClosingProgramme[];
  isTalent: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="closing-gap" className="card space-y-3">
      <h2 id="closing-gap">{t("gaps.occupation.heading")}</h2>
      <p className="text-sm text-slate-700">{t("gaps.occupation.lead")}</p>
      {programmes.length === 0 ? <p className="text-slate-700">{t("gaps.occupation.none")}</p> : (
        <ol className="space-y-3">
          {programmes.map((p) => (
            <li key={p.key} className="space-y-1">
              <Link to={`/programmes/${p.key}`} className="font-semibold">{pick(locale, p.titleZh, p.titleEn)}</Link>
              {p.targetsOccupation && <span className="text-sm text-slate-600"> · {t("gaps.occupation.targets")}</span>}
              <p className="text-sm text-slate-700">
                {t("gaps.occupation.teaches", { count: p.skills.length, total: String(requiredCount) })}{" "}
                {p.skills.map((s) => t("gaps.occupation.skillLevel", { skill: pick(locale, s.zh, s.en), level: String(s.level) })).join(" · ")}
              </p>
            </li>
          ))}
        </ol>
      )}
      <ul className="flex flex-wrap gap-4 text-sm">
        <li><Link to={`/gaps?${new URLSearchParams({ survey, occupation: occupationId })}`}>{t("gaps.occupation.matrixLink")}</Link></li>
        {isTalent && <li><Link to={`/my/gaps?${new URLSearchParams({ occupation: occupationId })}`}>{t("gaps.occupation.myGapLink")}</Link></li>}
      </ul>
    </section>
  );
}
