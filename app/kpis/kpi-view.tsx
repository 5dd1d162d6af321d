// The KPI page as the office and the units see it: filters (a GET form, so every view has a URL),
// the chart, the table with its exports, the drill-down links (office only) and the definitions.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RateChart } from "./charts";
import { DataTable, type ShownTable } from "./data-table";
import { INDUSTRY_TARGET } from "./compute";
import { groupings, type KpiFilter } from "./filters";

export interface KpiPageData {
  filter: KpiFilter;
  options: { years: number[]; programmes: { id: string; title: string }[]; units: { id: string; name: string }[] };
  table: ShownTable;
  search: string;
  bars: { label: string; rate: number | null }[];
  drillLinks: ({ href: string; label: string } | null)[] | null;
}

const definitionKeys = ["completion", "industry", "internship", "time", "shortage", "response"] as const;

export function KpiView({ title, data }: { title: string; data: KpiPageData }) {
  const { t } = useTranslation();
  const { filter, options, table } = data;
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1>{title}</h1>
        <p className="max-w-3xl text-slate-700">{t("kpis.lead")}</p>
      </header>

      <Form method="get" className="card flex flex-wrap items-end gap-4 print:hidden" aria-labelledby="kpi-filters">
        <h2 id="kpi-filters" className="sr-only">{t("kpis.filters")}</h2>
        <label className="flex flex-col gap-1 text-sm">
          {t("kpis.groupBy")}
          <select name="groupBy" defaultValue={filter.groupBy}>
            {groupings.map((g) => <option key={g} value={g}>{t(`kpis.groupBy_${g}`)}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("kpis.year")}
          <select name="year" defaultValue={filter.year ?? ""}>
            <option value="">{t("kpis.anyYear")}</option>
            {options.years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("kpis.programme")}
          <select name="programme" defaultValue={filter.programme ?? ""}>
            <option value="">{t("kpis.anyProgramme")}</option>
            {options.programmes.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("kpis.unit")}
          <select name="unit" defaultValue={filter.unit ?? ""}>
            <option value="">{t("kpis.anyUnit")}</option>
            {options.units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </label>
        <button type="submit" className="btn-primary">{t("kpis.apply")}</button>
        <a href="?" className="text-sm underline">{t("kpis.clear")}</a>
      </Form>

      {table.rows.length === 0 ? (
        <p className="card text-slate-700">{t("kpis.empty")}</p>
      ) : (
        <section aria-labelledby="kpi-results" className="space-y-4">
          <h2 id="kpi-results">{t("kpis.tableTitle")}</h2>
          <RateChart title={t("kpis.chartTitle")} bars={data.bars} target={INDUSTRY_TARGET} targetLabel={t("kpis.chartTarget")} />
          <p className="text-sm text-slate-600">{t("kpis.chartNote")}</p>
          <DataTable
            table={table}
            caption={t("kpis.tableCaption")}
            search={data.search}
            linkHeader={data.drillLinks ? t("kpis.drillDown") : undefined}
            rowLinks={data.drillLinks?.map((l) => (l ? { href: l.href, label: l.label, text: t("kpis.drillDown") } : null))}
          />
        </section>
      )}

      <section aria-labelledby="kpi-definitions" className="space-y-2">
        <h2 id="kpi-definitions">{t("kpis.definitionsHeading")}</h2>
        <ul className="list-disc space-y-1 pl-6 text-sm text-slate-700">
          {definitionKeys.map((k) => <li key={k}>{t(`kpis.definitions.${k}`)}</li>)}
        </ul>
      </section>
    </div>
  );
}
