// Public: the programme's outcomes as aggregates only; a group of fewer than 5 completers is not shown.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getLocale } from "~/i18n/locale.server";
import { loadPublicOutcomes, type PublicRow } from "~/kpis/public-outcomes.server";

export const meta: MetaFunction = () => [{ title: "培訓就業成果 · Outcomes" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return loadPublicOutcomes(context.services.db, await getLocale(request));
}

function OutcomeTable({ id, caption, groupHeader, rows }: { id: string; caption: string; groupHeader: string; rows: PublicRow[] }) {
  const { t } = useTranslation();
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption} id={id}>
      <table className="data-table">
        <caption className="mb-2 text-left text-sm text-slate-600">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{groupHeader}</th>
            <th scope="col">{t("kpis.completed")}</th>
            <th scope="col">{t("kpis.completionRate")}</th>
            <th scope="col">{t("kpis.industryRate")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              {r.suppressed ? (
                <td colSpan={3} className="text-slate-600">{t("publicOutcomes.suppressed")}</td>
              ) : (
                <>
                  <td className="tabular-nums">{r.size ?? "—"}</td>
                  <td className="tabular-nums">{r.completionPct ?? "—"}</td>
                  <td className="tabular-nums">{r.industryPct ?? "—"}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function PublicOutcomes() {
  const { byYear, byProgramme } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1>{t("publicOutcomes.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("publicOutcomes.lead")}</p>
        <p className="text-sm text-slate-700">{t("publicOutcomes.target")}</p>
      </header>
      {byYear.length === 0 ? (
        <p className="card text-slate-700">{t("publicOutcomes.empty")}</p>
      ) : (
        <>
          <OutcomeTable id="by-year" caption={t("publicOutcomes.byYearCaption")} groupHeader={t("kpis.year")} rows={byYear} />
          <OutcomeTable id="by-programme" caption={t("publicOutcomes.byProgrammeCaption")} groupHeader={t("kpis.programme")} rows={byProgramme} />
        </>
      )}
    </div>
  );
}
