// Drill-down from a KPI row to the individual trainees (office only; every view is audited).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { Pagination } from "~/components/pagination";
import { getLocale } from "~/i18n/locale.server";
import { DataTable } from "~/kpis/data-table";
import { chooseTable, exportResponse, requestedFormat, type ExportTable, sendDownloadsToExportRoute } from "~/kpis/export.server";
import { parseKpiFilter } from "~/kpis/filters";
import { loadCourseRecordsTable, loadRecordsTable } from "~/kpis/records.server";

export const meta: MetaFunction = () => [{ title: "學員個別紀錄 · Trainee records" }];

const pageSchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

interface RecordsData {
  table: ExportTable;
  total: number;
  courses: ExportTable;
  courseTotal: number;
  page: number;
  pages: number;
  search: string;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const officer = requirePermission(request, context, "read:placement:any");
  sendDownloadsToExportRoute(request);
  const url = new URL(request.url);
  const locale = await getLocale(request);
  const filter = parseKpiFilter(url);
  const format = requestedFormat(url);
  const { page } = pageSchema.parse({ page: url.searchParams.get("page") ?? undefined });
  const db = context.services.db;
  const [placements, courses] = await Promise.all([
    loadRecordsTable(db, officer, context.clientIp, locale, filter, format ? null : page),
    loadCourseRecordsTable(db, officer, context.clientIp, locale, filter, format ? null : page),
  ]);
  if (format) return exportResponse(chooseTable([placements.table, courses.table], url), format);
  const search = new URLSearchParams([...url.searchParams].filter(([k]) => !["format", "table", "page"].includes(k))).toString();
  // One page number for both lists: page n shows the n-th hundred of each.
  return {
    table: placements.table, total: placements.total, courses: courses.table, courseTotal: courses.total,
    page, pages: Math.max(placements.pages, courses.pages), search,
  } satisfies RecordsData;
}

export default function KpiRecords() {
  const data = useLoaderData<typeof loader>() as unknown as RecordsData;
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1>{t("kpis.records.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("kpis.records.lead")}</p>
        <p><Link to="/office/kpis">{t("kpis.records.back")}</Link></p>
      </header>
      {data.total === 0 && data.courseTotal === 0 ? <p className="card text-slate-700">{t("kpis.empty")}</p> : null}
      {data.total > 0 ? <DataTable table={data.table} caption={t("kpis.records.caption", { count: data.total })} search={data.search} /> : null}
      {data.courseTotal > 0 ? <DataTable table={data.courses} caption={t("kpis.records.courseCaption", { count: data.courseTotal })} search={data.search} /> : null}
      <Pagination page={data.page} pages={data.pages} />
    </div>
  );
}
