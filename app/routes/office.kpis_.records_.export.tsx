// The drill-down's trainee records (audited like the page) as CSV or XLSX (a resource route: the page's own loader, with ?format= required).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireExportFormat } from "~/kpis/export.server";
import { loader as pageLoader } from "./office.kpis_.records";

export async function loader(args: LoaderFunctionArgs) {
  requireExportFormat(args.request);
  return pageLoader(args);
}
