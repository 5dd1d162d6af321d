// A table the office can read on the page and download as CSV or XLSX with the page's filters.
import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Cell, ExportTable } from "./export.server";

export type ShownTable = ExportTable;

/** The page's export resource route (the page path + /export) with its filters, table and format. */
export function exportHref(pathname: string, search: string, table: string, format: "csv" | "xlsx"): string {
  const params = new URLSearchParams(search);
  params.delete("format");
  params.delete("table");
  params.set("table", table);
  params.set("format", format);
  return `${pathname.replace(/\/$/, "")}/export?${params.toString()}`;
}

const shown = (cell: Cell, locale: string) => (cell === null ? "—" : typeof cell === "number" ? cell.toLocaleString(locale === "en" ? "en-US" : "zh-TW") : cell);

export function ExportLinks({ table, search }: { table: ShownTable; search: string }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <p className="flex flex-wrap gap-3 text-sm print:hidden">
      {/* The visible text starts the accessible name (WCAG 2.5.3); the table's title follows for screen readers. */}
      <a className="underline" href={exportHref(pathname, search, table.name, "csv")} download>
        {t("kpis.exportCsv")}<span className="sr-only">{` (${table.title})`}</span>
      </a>
      <a className="underline" href={exportHref(pathname, search, table.name, "xlsx")} download>
        {t("kpis.exportXlsx")}<span className="sr-only">{` (${table.title})`}</span>
      </a>
    </p>
  );
}

/**
 * The first column heads each row. `rowLinks` adds a last column of links (drill-down), one per row,
 * null where a row has none; `search` (the page's query) turns on the export links.
 */
export function DataTable({ table, caption, search, rowLinks, linkHeader }: { table: ShownTable; caption: string; search?: string; rowLinks?: ({ href: string; label: string; text: string } | null)[]; linkHeader?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="space-y-2">
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("kpis.scrollRegion")}>
        <table className="data-table">
          <caption className="mb-2 text-left text-sm text-slate-600">{caption}</caption>
          <thead>
            <tr>
              {table.headers.map((h) => <th scope="col" key={h}>{h}</th>)}
              {rowLinks ? <th scope="col">{linkHeader}</th> : null}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, ri) => (
              <tr key={ri}>
                {row.map((cell, ci) =>
                  ci === 0 ? <th scope="row" key={ci}>{shown(cell, i18n.language)}</th> : <td key={ci} className="tabular-nums">{shown(cell, i18n.language)}</td>,
                )}
                {rowLinks ? <td>{rowLinks[ri] ? <a className="underline" href={rowLinks[ri]!.href}>{rowLinks[ri]!.text}<span className="sr-only">{` (${rowLinks[ri]!.label})`}</span></a> : null}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {search !== undefined ? <ExportLinks table={table} search={search} /> : null}
    </div>
  );
}
