// A talent's own employment outcomes: what they answered through survey links, what their unit
// recorded, and hires recorded in the portal, with the office's verification.
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { myOutcomes } from "~/outcomes/completers.server";

export const meta: MetaFunction = () => [{ title: "我的就業情形 · My employment outcomes" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = requirePermission(request, context, "read:employment-outcome:own");
  const rows = await myOutcomes(context.services.db, viewer.id);
  return { rows: rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString().slice(0, 10) })) };
}

export default function MyOutcomes() {
  const { rows } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1>{t("outcomes.my.title")}</h1>
        <p className="text-slate-700">{t("outcomes.my.lead")}</p>
      </header>
      {rows.length === 0 ? <p className="text-slate-700">{t("outcomes.my.empty")}</p> : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("outcomes.my.caption")}>
          <table className="data-table">
            <caption className="sr-only">{t("outcomes.my.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("outcomes.list.checkpoint")}</th>
                <th scope="col">{t("outcomes.list.outcome")}</th>
                <th scope="col">{t("outcomes.fields.salaryBand")}</th>
                <th scope="col">{t("outcomes.list.verification")}</th>
                <th scope="col">{t("outcomes.my.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row" className="font-normal">{t(`outcomes.checkpoint.${r.checkpoint}`)}</th>
                  <td>
                    {t(`outcomes.status.${r.status}`)}
                    {r.employerName ? ` · ${r.employerName}` : ""}
                    {r.occupationCode ? ` · ${r.occupationCode}${r.isShortage ? ` (${t("outcomes.list.shortage")})` : ""}` : ""}
                    <br /><span className="text-xs text-slate-600">{t(`outcomes.source.${r.source}`)}</span>
                  </td>
                  <td>{t(`outcomes.salaryBand.${r.salaryBand}`)}</td>
                  <td>{t(`outcomes.verification.${r.verification}`)}</td>
                  <td>{r.updatedAt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
