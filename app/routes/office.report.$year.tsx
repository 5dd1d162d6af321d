// The printable annual report: a year's KPIs by training unit and the latest survey's demand and
// supply (flat scenario), laid out for the browser's print command (print CSS in tailwind.css).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { notFound, requirePermission } from "~/auth/guards.server";
import { loadDemandSupply } from "~/forecasts/demand-supply.server";
import { demandSupplyTables } from "~/forecasts/demand-supply-tables.server";
import { formatDateTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { INDUSTRY_TARGET } from "~/kpis/compute";
import { RateChart } from "~/kpis/charts";
import { DataTable } from "~/kpis/data-table";
import { chooseTable, exportResponse, requestedFormat, type ExportTable, sendDownloadsToExportRoute } from "~/kpis/export.server";
import { loadKpis } from "~/kpis/kpi-data.server";
import { kpiTable } from "~/kpis/kpi-tables.server";

export const meta: MetaFunction<typeof loader> = ({ params }) => [{ title: `${params.year ?? ""} 年度成果報告 · Annual report` }];

const yearSchema = z.coerce.number().int().min(2000).max(2100);

interface ReportData {
  year: number;
  generatedAt: string;
  kpis: ExportTable;
  bars: { label: string; rate: number | null }[];
  demand: { survey: string; yearly: ExportTable } | null;
  search: string;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "read:placement:any");
  sendDownloadsToExportRoute(request);
  const parsed = yearSchema.safeParse(params.year);
  if (!parsed.success) throw notFound();
  const year = parsed.data;
  const url = new URL(request.url);
  const locale = await getLocale(request);
  const format = requestedFormat(url);
  const db = context.services.db;
  const [kpis, ds] = await Promise.all([loadKpis(db, locale, { groupBy: "unit", year }, "all"), loadDemandSupply(db, locale, { scenario: "flat" })]);
  const table = kpiTable(locale, kpis.groups, kpis.total, "annual-kpis");
  const yearly = ds ? demandSupplyTables(locale, ds).yearly : null;
  if (format) return exportResponse(chooseTable(yearly ? [table, yearly] : [table], url), format);
  return {
    year,
    generatedAt: formatDateTime(new Date(), locale),
    kpis: table,
    bars: kpis.groups.map((g) => ({ label: g.label, rate: g.kpis.industryEmployment.rate })),
    demand: ds && yearly ? { survey: ds.survey.title, yearly } : null,
    search: "",
  } satisfies ReportData;
}

export default function AnnualReport() {
  const data = useLoaderData<typeof loader>() as unknown as ReportData;
  const { t } = useTranslation();
  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <h1>{t("annualReport.title", { year: data.year })}</h1>
        <p className="max-w-3xl text-slate-700">{t("annualReport.lead", { year: data.year })}</p>
        <p className="text-sm text-slate-600">{t("annualReport.generatedAt", { at: data.generatedAt })}</p>
        <p className="text-sm text-slate-600 print:hidden">{t("annualReport.printHint")}</p>
      </header>
      <section aria-labelledby="report-kpis" className="space-y-4">
        <h2 id="report-kpis">{t("annualReport.kpisHeading")}</h2>
        {data.kpis.rows.length === 0 ? (
          <p className="card text-slate-700">{t("annualReport.noRound", { year: data.year })}</p>
        ) : (
          <>
            <RateChart title={t("kpis.chartTitle")} bars={data.bars} target={INDUSTRY_TARGET} targetLabel={t("kpis.chartTarget")} />
            <DataTable table={data.kpis} caption={t("kpis.tableCaption")} search={data.search} />
          </>
        )}
      </section>
      {data.demand ? (
        <section aria-labelledby="report-demand" className="space-y-4">
          <h2 id="report-demand">{t("annualReport.demandHeading", { survey: data.demand.survey })}</h2>
          <DataTable table={data.demand.yearly} caption={data.demand.yearly.title} search={data.search} />
        </section>
      ) : null}
    </article>
  );
}
