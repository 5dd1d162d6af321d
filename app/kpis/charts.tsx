// Server-rendered SVG charts (decision 0017): no script, no inline style (our CSP forbids both), and
// hidden from assistive technology because the same numbers are in the table beside each chart.

export interface RateBar {
  label: string;
  /** 0–1, or null for a group with nothing to measure (no bar is drawn). */
  rate: number | null;
}

const trim = (label: string, max = 18) => (label.length > max ? `${label.slice(0, max - 1)}…` : label);

/** Horizontal bars of a rate per group, with a dashed line at the target. */
export function RateChart({ title, bars, target, targetLabel }: { title: string; bars: RateBar[]; target?: number; targetLabel?: string }) {
  const labelWidth = 170;
  const plotWidth = 360;
  const rowHeight = 26;
  const top = 22;
  const height = top + bars.length * rowHeight + 24;
  const x = (rate: number) => labelWidth + rate * plotWidth;
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm font-medium text-slate-700">{title}</figcaption>
      <svg viewBox={`0 0 ${labelWidth + plotWidth + 60} ${height}`} className="h-auto w-full max-w-2xl" aria-hidden="true" focusable="false">
        {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={top - 6} y2={height - 20} stroke="#e2e8f0" />
            <text x={x(tick)} y={height - 6} textAnchor="middle" fontSize="11" fill="#475569">{`${tick * 100}%`}</text>
          </g>
        ))}
        {bars.map((bar, i) => {
          const y = top + i * rowHeight;
          const meets = target !== undefined && bar.rate !== null && bar.rate >= target - 1e-12;
          return (
            <g key={`${bar.label}-${i}`}>
              <text x={labelWidth - 8} y={y + 15} textAnchor="end" fontSize="12" fill="#0f172a">{trim(bar.label)}</text>
              {bar.rate === null ? (
                <text x={labelWidth + 4} y={y + 15} fontSize="12" fill="#64748b">—</text>
              ) : (
                <>
                  <rect x={labelWidth} y={y + 4} width={Math.max(1, bar.rate * plotWidth)} height={rowHeight - 10} rx="2" fill={meets ? "#0f766e" : "#c2410c"} />
                  <text x={x(bar.rate) + 4} y={y + 15} fontSize="11" fill="#0f172a">{`${(bar.rate * 100).toFixed(1)}%`}</text>
                </>
              )}
            </g>
          );
        })}
        {target !== undefined ? (
          <g>
            <line x1={x(target)} x2={x(target)} y1={top - 10} y2={height - 20} stroke="#1e293b" strokeDasharray="4 3" />
            <text x={x(target)} y={top - 12} textAnchor="middle" fontSize="11" fill="#1e293b">{targetLabel}</text>
          </g>
        ) : null}
      </svg>
    </figure>
  );
}

export interface PairBar {
  label: string;
  first: number | null;
  second: number | null;
}

/** Two bars per category (e.g. demand and supply per year), with a legend. */
export function PairBarChart({ title, bars, firstLabel, secondLabel }: { title: string; bars: PairBar[]; firstLabel: string; secondLabel: string }) {
  const width = 560;
  const height = 240;
  const bottom = height - 30;
  const top = 16;
  const max = Math.max(1, ...bars.flatMap((b) => [b.first ?? 0, b.second ?? 0]));
  const groupWidth = (width - 40) / Math.max(1, bars.length);
  const barWidth = Math.min(48, (groupWidth - 24) / 2);
  const h = (n: number) => ((bottom - top) * n) / (max * 1.1);
  const colours = ["#0f766e", "#c2410c"] as const;
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm font-medium text-slate-700">{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full max-w-xl" aria-hidden="true" focusable="false">
        <line x1="20" x2={width - 20} y1={bottom} y2={bottom} stroke="#94a3b8" />
        {bars.map((bar, gi) => {
          const x0 = 20 + gi * groupWidth + (groupWidth - barWidth * 2 - 6) / 2;
          return (
            <g key={bar.label}>
              {[bar.first, bar.second].map((value, si) =>
                value === null ? null : (
                  <g key={si}>
                    <rect x={x0 + si * (barWidth + 6)} y={bottom - h(value)} width={barWidth} height={Math.max(0.5, h(value))} rx="2" fill={colours[si]} />
                    <text x={x0 + si * (barWidth + 6) + barWidth / 2} y={bottom - h(value) - 4} textAnchor="middle" fontSize="11" fill="#0f172a">{value}</text>
                  </g>
                ),
              )}
              <text x={20 + gi * groupWidth + groupWidth / 2} y={height - 10} textAnchor="middle" fontSize="13" fill="#334155">{bar.label}</text>
            </g>
          );
        })}
      </svg>
      <ul className="flex flex-wrap gap-4 text-sm" aria-hidden="true">
        {[firstLabel, secondLabel].map((label, i) => (
          <li key={label} className="flex items-center gap-2">
            <svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" rx="2" fill={colours[i]} /></svg>
            {label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
