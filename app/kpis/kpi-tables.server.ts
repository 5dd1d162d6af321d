// The tables the KPI pages show, built once on the server with headers in the reader's language, so
// the page, the CSV and the XLSX show exactly the same rows.
import { i18nFor, type Locale } from "../i18n/resources";
import { roundHalfUp } from "../forecasts/manpower-method";
import type { KpiSet, Ratio } from "./compute";
import type { ExportTable } from "./export.server";

export const percent = (r: Ratio): number | null => (r.rate === null ? null : roundHalfUp(r.rate * 100, 1));

export function translator(locale: Locale) {
  return i18nFor(locale).t;
}

export interface KpiGroupRow {
  key: string;
  label: string;
  kpis: KpiSet;
}

export function kpiTable(locale: Locale, groups: KpiGroupRow[], total: KpiSet | null, name = "kpis"): ExportTable {
  const t = translator(locale);
  const yesNo = (v: boolean | null) => (v === null ? t("kpis.notApplicable") : v ? t("kpis.yes") : t("kpis.no"));
  const row = (label: string, k: KpiSet) => [
    label,
    k.trainees,
    k.started,
    k.completed,
    percent(k.completion),
    percent(k.industryEmployment),
    yesNo(k.meetsIndustryTarget),
    percent(k.longInternship),
    k.medianMonthsToEmployment,
    percent(k.employedAtCompletion),
    percent(k.shortageOccupation),
    percent(k.surveyResponse),
    k.surveyResponse.denominator,
  ];
  return {
    name,
    title: t("kpis.tableTitle"),
    headers: [
      t("kpis.group"), t("kpis.trainees"), t("kpis.started"), t("kpis.completed"), t("kpis.completionRate"), t("kpis.industryRate"),
      t("kpis.meetsTarget"), t("kpis.longInternship"), t("kpis.medianMonths"), t("kpis.employedAtCompletion"), t("kpis.shortageShare"),
      t("kpis.responseRate"), t("kpis.linksSent"),
    ],
    rows: [...groups.map((g) => row(g.label, g.kpis)), ...(total && groups.length > 1 ? [row(t("kpis.total"), total)] : [])],
  };
}
