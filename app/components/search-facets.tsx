// Facets as links that add or remove one value from the URL, with the count each would show.
// Plain links work without JavaScript, can be shared, and the back button undoes them.
import type { TFunction } from "i18next";
import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { SearchKind } from "~/search/kinds";

type Facets = Record<string, Record<string, number>>;

export function FacetPanel({ kind, facets, selection }: { kind: SearchKind; facets: Facets; selection: Record<string, string[]>; q: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const fields = Object.keys(facets).filter((field) => Object.keys(facets[field] ?? {}).length > 0);
  if (fields.length === 0) return <div />;

  const toggle = (field: string, value: string) => {
    const params = new URLSearchParams(location.search);
    const current = params.getAll(field);
    params.delete(field);
    params.delete("page");
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    for (const v of next) params.append(field, v);
    return `${location.pathname}?${params}`;
  };
  const clear = () => {
    const params = new URLSearchParams(location.search);
    for (const field of fields) params.delete(field);
    params.delete("skill");
    params.delete("page");
    return `${location.pathname}?${params}`;
  };
  const anySelected = Object.keys(selection).length > 0;

  return (
    <aside aria-labelledby="facets-heading" className="space-y-4">
      <h2 id="facets-heading" className="text-base">{t("search.facets")}</h2>
      {fields.map((field) => (
        <fieldset key={field} className="space-y-1">
          <legend className="text-sm font-medium text-slate-700">{facetLabel(t, kind, field)}</legend>
          <ul className="space-y-1">
            {Object.entries(facets[field] ?? {})
              .sort((a, b) => b[1] - a[1])
              .map(([value, count]) => {
                const selected = selection[field]?.includes(value) ?? false;
                return (
                  <li key={value}>
                    <Link to={toggle(field, value)} aria-current={selected ? "true" : undefined}
                      className={`flex justify-between gap-2 rounded px-2 py-1 text-sm no-underline ${selected ? "bg-brand-50 font-semibold text-brand-800" : "text-slate-800 hover:bg-slate-100"}`}>
                      <span><span aria-hidden="true">{selected ? "☑ " : "☐ "}</span>{facetValueLabel(t, field, value)}</span>
                      <span className="tabular-nums text-slate-600">{count}</span>
                    </Link>
                  </li>
                );
              })}
          </ul>
        </fieldset>
      ))}
      {anySelected && <Link to={clear()} className="text-sm">{t("search.clearFacets")}</Link>}
    </aside>
  );
}

// i18next's own type: deriving it from useTranslation gets "excessively deep" once the message tree grows.
type T = TFunction;

function facetLabel(t: T, kind: SearchKind, field: string): string {
  switch (field) {
    case "surveyKey": return t("search.survey");
    case "difficulty": return t("occupations.difficulty");
    case "overseasNeeded": return t("occupations.overseas");
    case "minEducation": return t("occupations.minEducation");
    case "experience": return t("occupations.experience");
    case "type": return t("search.programmeType");
    case "city": return t("search.city");
    case "openToOverseas": return t("search.overseasOpen");
    default: return `${t(`search.kinds.${kind}`)} · ${field}`;
  }
}

function facetValueLabel(t: T, field: string, value: string): string {
  switch (field) {
    case "difficulty": return t(`difficulty.${value as "hard"}`);
    case "minEducation": return t(`education.${value as "phd"}`);
    case "experience": return t(`experienceBand.${value as "any"}`);
    case "type": return t(`programmeType.${value as "spark_course"}`);
    case "overseasNeeded":
    case "openToOverseas": return value === "true" ? t("search.yes") : t("search.no");
    case "surveyKey": return value === "precision-health-2021" ? "2021" : value === "precision-health-2025" ? "2024–2027" : value;
    default: return value;
  }
}
