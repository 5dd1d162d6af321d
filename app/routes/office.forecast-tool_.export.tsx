// The forecast tool's tables as CSV or XLSX (a resource route: the page's own loader, with ?format= required).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireExportFormat } from "~/kpis/export.server";
import { loader as pageLoader } from "./office.forecast-tool";

export async function loader(args: LoaderFunctionArgs) {
  requireExportFormat(args.request);
  return pageLoader(args);
}
