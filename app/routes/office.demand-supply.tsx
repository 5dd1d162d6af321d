// Forecast new demand (scenario switch) against the supply the portal sees, per year and occupation.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { loadDemandSupply, parseDemandSupplyFilter } from "~/forecasts/demand-supply.server";
import { demandSupplyTables } from "~/forecasts/demand-supply-tables.server";
import { scenarios } from "~/forecasts/manpower-method";
import { getLocale } from "~/i18n/locale.server";
import { PairBarChart } from "~/kpis/charts";
import { DataTable } from "~/kpis/data-table";
import { chooseTable, exportResponse, requestedFormat, sendDownloadsToExportRoute } from "~/kpis/export.server";

export const meta: MetaFunction = () => [{ title: "短缺職缺供需比較 · Demand and supply" }];

type DemandSupplyData = NonNullable<Awaited<ReturnType<typeof loadDemandSupply>>>;
interface PageData {
  ds: DemandSupplyData | null;
  tables: ReturnType<typeof demandSupplyTables> | null;
  search: string;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "read:placement:any");
  sendDownloadsToExportRoute(request);
  const url = new URL(request.url);
  const locale = await getLocale(request);
  const format = requestedFormat(url);
  const ds = await loadDemandSupply(context.services.db, locale, parseDemandSupplyFilter(url));
  if (!ds) {
    if (format) throw new Response("No survey", { status: 404 });
    return { ds: null, tables: null, search: "" } satisfies PageData;
  }
  const tables = demandSupplyTables(locale, ds);
  if (format) return exportResponse(chooseTable([tables.yearly, tables.byOccupation], url), format);
  const search = new URLSearchParams([...url.searchParams].filter(([k]) => k !== "format" && k !== "table")).toString();
  return { ds, tables, search } satisfies PageData;
}

export default function DemandSupply() {
  const { ds, tables, search } = useLoaderData<typeof loader>() as unknown as PageData;
  const { t } = useTranslation();
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1>{t("demandSupply.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("demandSupply.lead")}</p>
      </header>
      {!ds || !tables ? (
        <p className="card text-slate-700">{t("demandSupply.noSurvey")}</p>
      ) : (
        <>
          <Form method="get" className="card flex flex-wrap items-end gap-4 print:hidden">
            <label className="flex flex-col gap-1 text-sm">
              {t("demandSupply.survey")}
              <select name="survey" defaultValue={ds.survey.key}>
                {ds.surveys.map((s) => <option key={s.key} value={s.key}>{s.title}</option>)}
              </select>
            </label>
            <fieldset className="flex flex-wrap gap-3 text-sm">
              <legend className="mb-1">{t("demandSupply.scenario")}</legend>
              {scenarios.map((s) => (
                <label key={s} className="flex items-center gap-1">
                  <input type="radio" name="scenario" value={s} defaultChecked={ds.scenario === s} />
                  {t(`demandSupply.scenario_${s}`)}
                </label>
              ))}
            </fieldset>
            <button type="submit" className="btn-primary">{t("demandSupply.apply")}</button>
          </Form>
          <section aria-labelledby="ds-yearly" className="space-y-4">
            <h2 id="ds-yearly">{tables.yearly.title}</h2>
            <PairBarChart
              title={t("demandSupply.chartTitle")}
              firstLabel={t("demandSupply.chartDemand")}
              secondLabel={t("demandSupply.chartSupply")}
              bars={ds.yearly.map((y) => ({ label: String(y.year), first: y.demand, second: y.total }))}
            />
            <DataTable table={tables.yearly} caption={t("demandSupply.yearlyCaption", { survey: ds.survey.title, scenario: t(`demandSupply.scenario_${ds.scenario}`) })} search={search} />
          </section>
          <section aria-labelledby="ds-occupations" className="space-y-4">
            <h2 id="ds-occupations">{tables.byOccupation.title}</h2>
            <p className="max-w-3xl text-sm text-slate-600">{t("demandSupply.demandNote")}</p>
            <DataTable table={tables.byOccupation} caption={t("demandSupply.byOccupationCaption")} search={search} />
          </section>
        </>
      )}
    </div>
  );
}
