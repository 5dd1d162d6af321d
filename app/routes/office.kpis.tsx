// The programme office's KPIs for every round, unit and programme, with drill-down to the records.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { getLocale } from "~/i18n/locale.server";
import { sendDownloadsToExportRoute } from "~/kpis/export.server";
import { loadKpiPage } from "~/kpis/kpi-page.server";
import { KpiView, type KpiPageData } from "~/kpis/kpi-view";

export const meta: MetaFunction = () => [{ title: "計畫成果指標 · Programme KPIs" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "read:placement:any");
  sendDownloadsToExportRoute(request);
  const result = await loadKpiPage(context.services.db, await getLocale(request), new URL(request.url), "all", "/office/kpis/records");
  if (result.download) return result.download;
  return result.page satisfies KpiPageData;
}

export default function OfficeKpis() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return <KpiView title={t("kpis.officeTitle")} data={data as unknown as KpiPageData} />;
}
