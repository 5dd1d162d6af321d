// A training unit's own KPIs: the same page as the office's, limited to the units the viewer staffs,
// without individual records (those are on the unit's placement pages).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { getLocale } from "~/i18n/locale.server";
import { sendDownloadsToExportRoute } from "~/kpis/export.server";
import { visibleUnitIds } from "~/kpis/kpi-data.server";
import { loadKpiPage } from "~/kpis/kpi-page.server";
import { KpiView, type KpiPageData } from "~/kpis/kpi-view";

export const meta: MetaFunction = () => [{ title: "單位成果指標 · Unit KPIs" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requirePermission(request, context, "read:placement:organisation");
  sendDownloadsToExportRoute(request);
  const result = await loadKpiPage(context.services.db, await getLocale(request), new URL(request.url), visibleUnitIds(viewer), null);
  if (result.download) return result.download;
  return result.page satisfies KpiPageData;
}

export default function UnitKpis() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return <KpiView title={t("kpis.unitTitle")} data={data as unknown as KpiPageData} />;
}
