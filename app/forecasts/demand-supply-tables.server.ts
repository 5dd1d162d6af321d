// The demand-supply page's two tables, shared by the page, its exports and the annual report.
import type { Locale } from "../i18n/resources";
import type { ExportTable } from "../kpis/export.server";
import { translator } from "../kpis/kpi-tables.server";
import type { loadDemandSupply } from "./demand-supply.server";

type DemandSupply = NonNullable<Awaited<ReturnType<typeof loadDemandSupply>>>;

export function demandSupplyTables(locale: Locale, ds: DemandSupply): { yearly: ExportTable; byOccupation: ExportTable } {
  const t = translator(locale);
  const yearly: ExportTable = {
    name: "demand-supply-yearly",
    title: t("demandSupply.yearlyTitle"),
    headers: [t("demandSupply.year"), t("demandSupply.demand"), t("demandSupply.completers"), t("demandSupply.portalHires"), t("demandSupply.overseasHires"), t("demandSupply.supply"), t("demandSupply.gap")],
    rows: ds.yearly.map((y) => [String(y.year), y.demand, y.completers, y.portalHires, y.overseasHires, y.total, y.gap]),
  };
  const byOccupation: ExportTable = {
    name: "demand-supply-occupations",
    title: t("demandSupply.byOccupationTitle"),
    headers: [
      t("demandSupply.occupation"),
      t("demandSupply.code"),
      ...ds.years.flatMap((year) => [`${year} ${t("demandSupply.completers")}`, `${year} ${t("demandSupply.portalHires")}`, `${year} ${t("demandSupply.overseasHires")}`]),
    ],
    rows: ds.occupations.map((o) => [o.title, o.code, ...o.byYear.flatMap((y) => [y.completers, y.portalHires, y.overseasHires])]),
  };
  return { yearly, byOccupation };
}
