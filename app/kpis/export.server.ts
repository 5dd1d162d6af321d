// Every table the office sees on the KPI pages can be downloaded as CSV or XLSX. CSV starts with a
// UTF-8 byte-order mark so Excel opens the Chinese headers as UTF-8 instead of Big5; a cell that
// starts with = + - @ (or a tab or CR) gets a leading apostrophe so a spreadsheet does not run it
// as a formula (CSV injection). XLSX is written by exceljs with numbers kept as numbers.
import { redirect } from "@remix-run/node";
import ExcelJS from "exceljs";
import { z } from "zod";

export type Cell = string | number | null;

export interface ExportTable {
  /** File name without extension: ASCII, so Content-Disposition needs no encoding games. */
  name: string;
  title: string;
  headers: string[];
  rows: Cell[][];
}

export const exportFormatSchema = z.enum(["csv", "xlsx"]);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** The requested format, or null for the HTML page; anything else is a 400. */
export function requestedFormat(url: URL): ExportFormat | null {
  const raw = url.searchParams.get("format");
  if (raw === null || raw === "") return null;
  const parsed = exportFormatSchema.safeParse(raw);
  if (!parsed.success) throw new Response("Unknown export format", { status: 400 });
  return parsed.data;
}

/**
 * Remix hands a document request's returned Response to the page as data, so downloads are served by
 * resource routes (`…/export`) that run the page's loader with a required ?format=.
 */
export function requireExportFormat(request: Request): void {
  if (requestedFormat(new URL(request.url)) === null) throw new Response("Add ?format=csv or ?format=xlsx", { status: 400 });
}

/** A page asked for ?format= is sent to its export route, which answers with the file itself. */
export function sendDownloadsToExportRoute(request: Request): void {
  const url = new URL(request.url);
  if (!url.searchParams.has("format") || url.pathname.endsWith("/export")) return;
  throw redirect(`${url.pathname.replace(/\/$/, "")}/export${url.search}`);
}

const BOM = "\uFEFF";

function csvText(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  const guarded = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export function toCsv(table: ExportTable): string {
  const lines = [table.headers, ...table.rows].map((row) => row.map(csvText).join(","));
  return BOM + lines.join("\r\n") + "\r\n";
}

export async function toXlsx(table: ExportTable): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "precision-health-talent-portal";
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const sheet = workbook.addWorksheet(table.title.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Sheet1");
  sheet.addRow(table.headers).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((c) => (typeof c === "number" && !Number.isFinite(c) ? null : c)));
  sheet.columns.forEach((column, i) => {
    const widest = Math.max(...[table.headers[i] ?? "", ...table.rows.map((r) => String(r[i] ?? ""))].map((s) => s.length));
    column.width = Math.min(60, Math.max(10, widest * 2));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

export async function exportResponse(table: ExportTable, format: ExportFormat): Promise<Response> {
  const safeName = table.name.replace(/[^A-Za-z0-9_-]/g, "-");
  if (format === "csv") {
    return new Response(toCsv(table), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${safeName}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  }
  return new Response(Buffer.from(await toXlsx(table)), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${safeName}.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}

/** Picks the table named in ?table= among the page's tables, or the first; an unknown name is a 404. */
export function chooseTable(tables: ExportTable[], url: URL): ExportTable {
  const name = url.searchParams.get("table");
  const table = name ? tables.find((t) => t.name === name) : tables[0];
  if (!table) throw new Response("No such table", { status: 404 });
  return table;
}
