// A server-rendered bar chart of a survey's forecast, with the same numbers in a table beside it
// (the table is what screen readers and keyboard users read; the chart is decorative to them).
import { useTranslation } from "react-i18next";

export interface ForecastRow {
  year: number;
  scenario: "optimistic" | "flat" | "conservative";
  newDemand: number;
  newDemandSharePct: number | null;
  employment: number | null;
  revenueHundredMillionNtd: number | null;
}

const scenarios = ["optimistic", "flat", "conservative"] as const;
const fills: Record<(typeof scenarios)[number], string> = {
  optimistic: "#0f766e",
  flat: "#64748b",
  conservative: "#c2410c",
};

export function ForecastChart({ rows }: { rows: ForecastRow[] }) {
  const { t } = useTranslation();
  const years = [...new Set(rows.map((r) => r.year))].sort();
  const max = Math.max(...rows.map((r) => r.newDemand), 1);
  const value = (year: number, scenario: string) => rows.find((r) => r.year === year && r.scenario === scenario);
  const width = 560;
  const height = 240;
  const chartTop = 16;
  const chartBottom = height - 32;
  const groupWidth = (width - 40) / Math.max(years.length, 1);
  const barWidth = Math.min(40, (groupWidth - 24) / 3);
  const scale = (n: number) => ((chartBottom - chartTop) * n) / (max * 1.1);
  const hasEmployment = rows.some((r) => r.employment !== null);
  const hasShare = rows.some((r) => r.newDemandSharePct !== null);
  const hasRevenue = rows.some((r) => r.revenueHundredMillionNtd !== null);
  const from = years[0];
  const to = years[years.length - 1];

  return (
    <figure className="space-y-4">
      <figcaption className="text-sm font-medium text-slate-700">{t("forecast.chartTitle", { from: String(from), to: String(to) })}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full max-w-xl" aria-hidden="true" focusable="false">
        <line x1="20" x2={width - 20} y1={chartBottom} y2={chartBottom} stroke="#94a3b8" />
        {years.map((year, gi) => {
          const x0 = 20 + gi * groupWidth + (groupWidth - barWidth * 3 - 8) / 2;
          return (
            <g key={year}>
              {scenarios.map((scenario, si) => {
                const row = value(year, scenario);
                if (!row) return null;
                const h = scale(row.newDemand);
                const x = x0 + si * (barWidth + 4);
                return (
                  <g key={scenario}>
                    <rect x={x} y={chartBottom - h} width={barWidth} height={h} fill={fills[scenario]} rx="2" />
                    <text x={x + barWidth / 2} y={chartBottom - h - 4} textAnchor="middle" fontSize="11" fill="#0f172a">
                      {row.newDemand}
                    </text>
                  </g>
                );
              })}
              <text x={20 + gi * groupWidth + groupWidth / 2} y={height - 10} textAnchor="middle" fontSize="13" fill="#334155">
                {year}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="flex flex-wrap gap-4 text-sm" aria-hidden="true">
        {scenarios.map((s) => (
          <li key={s} className="flex items-center gap-2">
            <svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill={fills[s]} rx="2" /></svg>
            {t(`forecast.${s}`)}
          </li>
        ))}
      </ul>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("forecast.tableCaption")}>
        <table className="data-table">
          <caption className="mb-2 text-left text-sm text-slate-600">{t("forecast.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("forecast.year")}</th>
              {scenarios.map((s) => <th scope="col" key={s}>{t(`forecast.${s}`)}</th>)}
              {hasShare && <th scope="col">{t("forecast.share")}</th>}
              {hasRevenue && <th scope="col">{t("forecast.revenue")}</th>}
              {hasEmployment && <th scope="col">{t("forecast.employment")}</th>}
            </tr>
          </thead>
          <tbody>
            {years.map((year) => {
              const flat = value(year, "flat");
              return (
                <tr key={year}>
                  <th scope="row">{year}</th>
                  {scenarios.map((s) => <td key={s} className="tabular-nums">{value(year, s)?.newDemand.toLocaleString("en-US") ?? "–"}</td>)}
                  {hasShare && <td className="tabular-nums">{scenarios.map((s) => value(year, s)?.newDemandSharePct ?? "–").join(" / ")}</td>}
                  {hasRevenue && <td className="tabular-nums">{scenarios.map((s) => value(year, s)?.revenueHundredMillionNtd ?? "–").join(" / ")}</td>}
                  {hasEmployment && <td className="tabular-nums">{flat?.employment?.toLocaleString("en-US") ?? "–"}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
