// What the office's and the units' KPI pages load: the filter choices, the KPI table (also as CSV or
// XLSX with ?format=), the chart's bars, and for the office the drill-down links.
import type { Database } from "../../db/client";
import type { Locale } from "../i18n/resources";
import { chooseTable, exportResponse, requestedFormat } from "./export.server";
import { kpiFilterOptions, loadKpis, parseKpiFilter } from "./kpi-data.server";
import { kpiTable } from "./kpi-tables.server";

export async function loadKpiPage(db: Database, locale: Locale, url: URL, units: string[] | "all", drillDownBase: string | null) {
  const filter = parseKpiFilter(url);
  const format = requestedFormat(url);
  const [kpis, options] = await Promise.all([loadKpis(db, locale, filter, units), kpiFilterOptions(db, locale, units)]);
  const table = kpiTable(locale, kpis.groups, kpis.total);
  if (format) return { download: await exportResponse(chooseTable([table], url), format) };
  const drill = (key: string) => {
    if (!drillDownBase) return null;
    const params = new URLSearchParams();
    if (filter.year !== undefined) params.set("year", String(filter.year));
    if (filter.programme) params.set("programme", filter.programme);
    if (filter.unit) params.set("unit", filter.unit);
    params.set(filter.groupBy, key);
    return `${drillDownBase}?${params.toString()}`;
  };
  const placementGroups = new Set(kpis.placements.map((p) => (filter.groupBy === "round" ? p.roundId : filter.groupBy === "unit" ? p.unitId : p.programmeId)));
  const courseGroups = new Set(kpis.enrolments.map((e) => e.programmeId));
  const hasRecords = (key: string) => placementGroups.has(key) || courseGroups.has(key);
  const search = new URLSearchParams([...url.searchParams].filter(([k]) => k !== "format" && k !== "table")).toString();
  return {
    download: null,
    page: {
      filter,
      options,
      table,
      search,
      bars: kpis.groups.map((g) => ({ label: g.label, rate: g.kpis.industryEmployment.rate })),
      // The drill-down lists a row's placements and, for a catalogue programme, its course enrolments.
      drillLinks: drillDownBase
        ? [...kpis.groups.map((g) => (hasRecords(g.key) ? { href: drill(g.key)!, label: g.label } : null)), ...(kpis.groups.length > 1 ? [null] : [])]
        : null,
    },
  };
}
