// One search result of any kind, linking to its page.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Locale } from "~/i18n/resources";
import type { SearchKind } from "~/search/kinds";
import { DifficultyBadge, OverseasBadge } from "./badges";
import { Highlighted, plain } from "./highlighted";

type Hit = Record<string, unknown>;
const str = (value: unknown) => (typeof value === "string" ? value : "");

export function hitHref(kind: SearchKind, hit: Hit): string {
  switch (kind) {
    case "occupations":
      return `/occupations/${plain(hit.surveyKey)}/${plain(hit.code)}`;
    case "programmes":
      return `/programmes/${plain(hit.key)}`;
    case "skills":
      return `/search?kind=occupations&skill=${encodeURIComponent(plain(hit.key))}`;
    case "positions":
      return `/positions/${encodeURIComponent(plain(hit.id))}`;
  }
}

export function hitTitle(kind: SearchKind, hit: Hit, locale: Locale): unknown {
  const en = locale === "en";
  switch (kind) {
    case "occupations":
    case "programmes":
      return en ? hit.titleEn : hit.titleZh;
    case "skills":
      return en ? hit.en : hit.zh;
    case "positions":
      return hit.title;
  }
}

export function SearchHit({ kind, hit, locale }: { kind: SearchKind; hit: Hit; locale: Locale }) {
  const { t } = useTranslation();
  const href = hitHref(kind, hit);
  const title = <Highlighted value={hitTitle(kind, hit, locale)} />;
  const en = locale === "en";
  return (
    <article className="card space-y-1">
      <h3 className="text-base">{href ? <Link to={href}>{title}</Link> : title}</h3>
      {kind === "occupations" && (
        <>
          <p className="text-sm text-slate-600">
            <Highlighted value={hit.code} /> · <Highlighted value={en ? hit.titleZh : hit.titleEn} />
          </p>
          <p className="text-sm text-slate-700">
            {((en ? hit.skillsEn : hit.skillsZh) as unknown[] | undefined)?.map((s, i) => (
              <span key={i}>{i > 0 && (en ? "; " : "、")}<Highlighted value={s} /></span>
            ))}
          </p>
          <div className="flex flex-wrap gap-2">
            {typeof hit.difficulty === "string" && <DifficultyBadge difficulty={hit.difficulty as "easy" | "normal" | "hard"} />}
            {hit.overseasNeeded === true && <OverseasBadge />}
          </div>
        </>
      )}
      {kind === "skills" && (
        <p className="text-sm text-slate-600">
          <Highlighted value={en ? hit.zh : hit.en} /> · {t("search.occupationsWithSkill")}: {Array.isArray(hit.occupationCodes) ? hit.occupationCodes.length : 0}
        </p>
      )}
      {kind === "programmes" && (
        <>
          <p className="text-xs font-medium text-brand-700">{t(`programmeType.${str(hit.type) as "spark_course"}`)}</p>
          <p className="text-sm text-slate-700"><Highlighted value={en ? hit.summaryEn : hit.summaryZh} /></p>
        </>
      )}
      {kind === "positions" && (
        <p className="text-sm text-slate-600">
          <Highlighted value={en ? hit.organisationEn : hit.organisationZh} /> · <Highlighted value={hit.city} />
          {hit.openToOverseas === true && <> · {t("search.overseasOpen")}</>}
        </p>
      )}
    </article>
  );
}
