// The coverage matrix as a real table: occupations as rows (sticky while scrolling sideways), skills as
// columns; each cell is coloured by how many published programmes teach the skill, and also says it in
// text and symbol, so colour is never the only signal.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export interface MatrixColumn { key: string; name: string }
export interface MatrixRow {
  id: string;
  code: string;
  title: string;
  covered: number;
  required: number;
  /** Programme titles teaching each required skill, by skill key; skills the occupation does not require are absent. */
  cells: Record<string, string[]>;
}

export const coverageTone = (count: number) =>
  count === 0 ? { symbol: "✕", className: "bg-red-100 text-red-900" }
  : count === 1 ? { symbol: "◐", className: "bg-amber-100 text-amber-900" }
  : { symbol: "✓", className: "bg-emerald-100 text-emerald-900" };

export function CoverageMatrixTable({ caption, survey, columns, rows }: { caption: string; survey: string; columns: MatrixColumn[]; rows: MatrixRow[] }) {
  const { t } = useTranslation();
  return (
    <div role="region" aria-label={t("gaps.matrix.scrollRegion")} tabIndex={0} className="max-w-full overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="data-table">
        <caption className="p-3 text-left text-sm text-slate-700">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 z-10 min-w-[12rem]">{t("gaps.matrix.occupationHeader")}</th>
            <th scope="col" className="whitespace-nowrap">{t("gaps.matrix.shareHeader")}</th>
            {columns.map((c) => <th key={c.key} scope="col" className="min-w-[7rem] align-bottom text-xs">{c.name}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="sticky left-0 z-10 bg-white font-normal">
                <Link to={`/occupations/${survey}/${row.code}`}>{row.title}</Link>
              </th>
              <td className="whitespace-nowrap tabular-nums">
                {t("gaps.matrix.share", { covered: String(row.covered), required: String(row.required), percent: String(row.required ? Math.round((100 * row.covered) / row.required) : 0) })}
              </td>
              {columns.map((c) => {
                const programmes = row.cells[c.key];
                if (!programmes) {
                  return (
                    <td key={c.key} className="text-center text-slate-500">
                      <span aria-hidden="true">·</span>
                      <span className="sr-only">{t("gaps.matrix.notRequired", { skill: c.name })}</span>
                    </td>
                  );
                }
                const tone = coverageTone(programmes.length);
                return (
                  <td key={c.key} className={`text-center font-semibold tabular-nums ${tone.className}`} title={programmes.join("\n") || undefined}>
                    <span aria-hidden="true">{tone.symbol} {programmes.length}</span>
                    <span className="sr-only">
                      {programmes.length === 0 ? t("gaps.matrix.cellNone", { skill: c.name }) : t("gaps.matrix.cell", { skill: c.name, count: programmes.length })}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CoverageLegend() {
  const { t } = useTranslation();
  const entries = [
    { ...coverageTone(0), label: t("gaps.matrix.legendNone") },
    { ...coverageTone(1), label: t("gaps.matrix.legendOne") },
    { ...coverageTone(2), label: t("gaps.matrix.legendMany") },
    { symbol: "·", className: "bg-white text-slate-500 border border-slate-200", label: t("gaps.matrix.legendNotRequired") },
  ];
  return (
    <section aria-labelledby="legend" className="space-y-2">
      <h2 id="legend" className="text-base">{t("gaps.matrix.legend")}</h2>
      <ul className="flex flex-wrap gap-3 text-sm">
        {entries.map((e) => (
          <li key={e.label} className="flex items-center gap-2">
            <span aria-hidden="true" className={`inline-flex h-7 min-w-[2.5rem] items-center justify-center rounded font-semibold ${e.className}`}>{e.symbol}</span>
            {e.label}
          </li>
        ))}
      </ul>
    </section>
  );
}
