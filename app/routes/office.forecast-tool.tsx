// The forecasting tool: the 2021 survey's manpower method on inputs the office chooses (a GET form,
// so a forecast has a URL), with the published table beside it when the years match a survey's.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { and, eq, inArray } from "drizzle-orm";
import { useTranslation } from "react-i18next";
import * as t from "../../db/schema";
import { requirePermission } from "~/auth/guards.server";
import { runManpowerForecast } from "~/forecasts/manpower-method";
import { parseToolQuery, toolYears } from "~/forecasts/tool-form";
import { getLocale } from "~/i18n/locale.server";
import { PairBarChart } from "~/kpis/charts";
import { DataTable } from "~/kpis/data-table";
import { chooseTable, exportResponse, requestedFormat, type ExportTable, sendDownloadsToExportRoute } from "~/kpis/export.server";
import { translator } from "~/kpis/kpi-tables.server";

export const meta: MetaFunction = () => [{ title: "人才需求推估工具 · Forecast tool" }];

interface ToolData {
  values: Record<string, string>;
  errors: Record<string, [number, number]>;
  result: ExportTable | null;
  comparison: ExportTable | null;
  bars: { label: string; first: number | null; second: number | null }[];
  search: string;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "read:placement:any");
  sendDownloadsToExportRoute(request);
  const url = new URL(request.url);
  const locale = await getLocale(request);
  const tr = translator(locale);
  const format = requestedFormat(url);
  const { values, input, errors } = parseToolQuery(url.searchParams);
  if (!input) {
    if (format) throw new Response("Invalid forecast inputs", { status: 400 });
    return { values, errors, result: null, comparison: null, bars: [], search: "" } satisfies ToolData;
  }
  const rows = runManpowerForecast(input);
  const result: ExportTable = {
    name: "forecast",
    title: tr("forecastTool.resultTitle"),
    headers: [tr("forecastTool.year"), tr("forecastTool.employment"), tr("forecastTool.newEmployment"), tr("forecastTool.optimistic"), tr("forecastTool.flat"), tr("forecastTool.conservative"), tr("forecastTool.sharePct")],
    rows: rows.map((r) => [String(r.year), r.employmentRounded, Math.round(r.newEmployment), r.newDemand.optimistic, r.newDemand.flat, r.newDemand.conservative, r.sharePct]),
  };
  // A survey whose published flat rows cover exactly these years is shown beside the result.
  const years = rows.map((r) => r.year);
  const published = await context.services.db
    .select({ surveyKey: t.forecasts.surveyKey, year: t.forecasts.year, newDemand: t.forecasts.newDemand, employment: t.forecasts.employment })
    .from(t.forecasts)
    .where(and(eq(t.forecasts.scenario, "flat"), inArray(t.forecasts.year, years)));
  const surveyKey = [...new Set(published.map((p) => p.surveyKey))].find((key) => years.every((y) => published.some((p) => p.surveyKey === key && p.year === y)));
  const comparison: ExportTable | null = surveyKey
    ? {
        name: "forecast-vs-published",
        title: tr("forecastTool.publishedTitle"),
        headers: [tr("forecastTool.year"), `${tr("forecastTool.published")} ${tr("forecastTool.flat")}`, `${tr("forecastTool.computed")} ${tr("forecastTool.flat")}`, tr("forecastTool.difference"), `${tr("forecastTool.published")} ${tr("forecastTool.employment")}`, `${tr("forecastTool.computed")} ${tr("forecastTool.employment")}`],
        rows: rows.map((r) => {
          const p = published.find((x) => x.surveyKey === surveyKey && x.year === r.year)!;
          return [String(r.year), p.newDemand, r.newDemand.flat, r.newDemand.flat - p.newDemand, p.employment, r.employmentRounded];
        }),
      }
    : null;
  if (format) return exportResponse(chooseTable(comparison ? [result, comparison] : [result], url), format);
  const search = new URLSearchParams([...url.searchParams].filter(([k]) => k !== "format" && k !== "table")).toString();
  const bars = rows.map((r) => ({ label: String(r.year), first: r.newDemand.flat, second: surveyKey ? published.find((x) => x.surveyKey === surveyKey && x.year === r.year)!.newDemand : null }));
  return { values, errors, result, comparison, bars, search } satisfies ToolData;
}

function NumberField({ name, label, data }: { name: string; label: string; data: ToolData }) {
  const { t } = useTranslation();
  const error = data.errors[name];
  const errorId = `${name}-error`;
  return (
    <label className="flex flex-col gap-1 text-sm">
      {label}
      <input name={name} type="text" inputMode="decimal" defaultValue={data.values[name]} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} className="w-40" />
      {error ? <span id={errorId} className="text-red-700">{t("forecastTool.errorNumber", { min: error[0], max: error[1] })}</span> : null}
    </label>
  );
}

export default function ForecastTool() {
  const data = useLoaderData<typeof loader>() as unknown as ToolData;
  const { t } = useTranslation();
  const baseYear = Number(data.values.baseYear) || 2021;
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1>{t("forecastTool.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("forecastTool.lead")}</p>
      </header>
      <Form method="get" className="card space-y-4" aria-labelledby="tool-inputs">
        <h2 id="tool-inputs">{t("forecastTool.inputs")}</h2>
        {Object.keys(data.errors).length > 0 ? <p role="alert" className="text-red-700">{t("forecastTool.errorSummary")}</p> : null}
        <div className="flex flex-wrap gap-4">
          <NumberField name="baseYear" label={t("forecastTool.baseYear")} data={data} />
          <NumberField name="baseEmployment" label={t("forecastTool.baseEmployment")} data={data} />
          <NumberField name="professionalSharePct" label={t("forecastTool.professionalShare")} data={data} />
          <NumberField name="optimisticFactor" label={t("forecastTool.optimisticFactor")} data={data} />
          <NumberField name="conservativeFactor" label={t("forecastTool.conservativeFactor")} data={data} />
        </div>
        {Array.from({ length: toolYears }, (_, i) => (
          <fieldset key={i} className="flex flex-wrap gap-4">
            <legend className="font-medium">{t("forecastTool.yearHeading", { n: i + 1, year: baseYear + i + 1 })}</legend>
            <NumberField name={`g${i + 1}`} label={t("forecastTool.revenueGrowth")} data={data} />
            <NumberField name={`p${i + 1}`} label={t("forecastTool.productivityGrowth")} data={data} />
          </fieldset>
        ))}
        <p className="max-w-3xl text-sm text-slate-600">{t("forecastTool.defaultsNote")}</p>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="btn-primary">{t("forecastTool.compute")}</button>
          <a href="?" className="text-sm underline">{t("forecastTool.reset")}</a>
        </div>
      </Form>
      {data.result ? (
        <section aria-labelledby="tool-result" className="space-y-4">
          <h2 id="tool-result">{data.result.title}</h2>
          <DataTable table={data.result} caption={t("forecastTool.resultCaption")} search={data.search} />
          {data.comparison ? (
            <>
              <PairBarChart title={t("forecastTool.publishedCaption")} firstLabel={t("forecastTool.computed")} secondLabel={t("forecastTool.published")} bars={data.bars} />
              <DataTable table={data.comparison} caption={t("forecastTool.publishedCaption")} search={data.search} />
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
