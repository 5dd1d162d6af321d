// The programmes a training unit's staff (their approved units' programmes) or the office (every programme) keep.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { FormMessage } from "~/components/forms";
import { getLocale } from "~/i18n/locale.server";
import { pick } from "~/i18n/resources";
import { isOffice, listCatalogue, unitsOf } from "~/programmes/catalogue.server";

export const meta: MetaFunction = () => [{ title: "課程目錄 · Programme catalogue" }];

const PAGE = 50;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requirePermission(request, context, "update:programme:organisation");
  // At most page 100,000: ?page=1e308 would otherwise ask Postgres for an offset of Infinity (a 500).
  const page = Math.min(100_000, Math.max(1, Math.floor(Number(new URL(request.url).searchParams.get("page"))) || 1));
  const rows = await listCatalogue(context.services.db, viewer, { limit: PAGE + 1, offset: (page - 1) * PAGE });
  const locale = await getLocale(request);
  return {
    mayCreate: isOffice(viewer) || unitsOf(viewer).length > 0,
    page,
    more: rows.length > PAGE,
    programmes: rows.slice(0, PAGE).map((p) => ({ key: p.key, type: p.type, status: p.status, title: pick(locale, p.titleZh, p.titleEn), provider: pick(locale, p.providerZh, p.providerEn), fromReports: !!p.sourceFile })),
  };
}

export default function Catalogue() {
  const { mayCreate, programmes, page, more } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1>{t("catalogue.title")}</h1>
        {mayCreate ? <Link to="/catalogue/new" className="btn-primary">{t("catalogue.new")}</Link> : null}
      </header>
      {!mayCreate ? <FormMessage tone="info">{t("catalogue.noUnit")}</FormMessage> : null}
      {programmes.length === 0 ? (
        <p className="card text-slate-700">{t("catalogue.empty")}</p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("catalogue.title")}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("catalogue.form.titleZh")}</th>
                <th scope="col">{t("catalogue.form.type")}</th>
                <th scope="col">{t("programmes.provider")}</th>
                <th scope="col">{t("catalogue.statusLabel")}</th>
              </tr>
            </thead>
            <tbody>
              {programmes.map((p) => (
                <tr key={p.key}>
                  <th scope="row" className="font-normal"><Link to={`/catalogue/${p.key}/edit`}>{p.title}</Link>{p.fromReports ? ` (${t("catalogue.fromReports")})` : ""}</th>
                  <td>{t(`programmeType.${p.type}`)}</td>
                  <td>{p.provider}</td>
                  <td>{t(`catalogue.status.${p.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={t("catalogue.pages")} className="flex gap-4">
        {page > 1 ? <Link to={`?page=${page - 1}`}>{t("catalogue.previous")}</Link> : null}
        {more ? <Link to={`?page=${page + 1}`}>{t("catalogue.next")}</Link> : null}
      </nav>
    </div>
  );
}
