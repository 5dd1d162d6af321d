// The forecasting tool's GET form: flat field names, parsed with zod; a missing query means the
// 2021 survey's inputs. Each field error names its bounds, so the page can say what it accepts.
import { z } from "zod";
import { survey2021Inputs, type ForecastInput } from "./manpower-method";

export const toolYears = 3;

const bounds = {
  baseYear: [1990, 2097],
  baseEmployment: [0, 100_000_000],
  professionalSharePct: [0, 100],
  optimisticFactor: [0.5, 2],
  conservativeFactor: [0.5, 2],
  growth: [-90, 500],
} as const;

export type ToolField = "baseYear" | "baseEmployment" | "professionalSharePct" | "optimisticFactor" | "conservativeFactor" | `g${number}` | `p${number}`;

const num = ([min, max]: readonly [number, number]) => z.coerce.number({ error: "number" }).finite().min(min).max(max);

const toolSchema = z.object({
  baseYear: num(bounds.baseYear).int(),
  baseEmployment: num(bounds.baseEmployment),
  professionalSharePct: num(bounds.professionalSharePct),
  optimisticFactor: num(bounds.optimisticFactor),
  conservativeFactor: num(bounds.conservativeFactor),
  ...Object.fromEntries(Array.from({ length: toolYears }, (_, i) => [[`g${i + 1}`, num(bounds.growth)], [`p${i + 1}`, num(bounds.growth)]]).flat()),
});

export function boundsOf(field: string): readonly [number, number] {
  if (field in bounds) return bounds[field as keyof typeof bounds];
  return bounds.growth;
}

export function defaultToolValues(): Record<string, string> {
  const d = survey2021Inputs;
  const values: Record<string, string> = {
    baseYear: String(d.baseYear),
    baseEmployment: String(d.baseEmployment),
    professionalSharePct: String(d.professionalSharePct),
    optimisticFactor: String(d.optimisticFactor),
    conservativeFactor: String(d.conservativeFactor),
  };
  d.years.forEach((y, i) => {
    values[`g${i + 1}`] = String(y.revenueGrowthPct);
    values[`p${i + 1}`] = String(y.productivityGrowthPct);
  });
  return values;
}

export type ToolParse = { values: Record<string, string>; input: ForecastInput | null; errors: Record<string, [number, number]> };

export function parseToolQuery(params: URLSearchParams): ToolParse {
  const names = Object.keys(defaultToolValues());
  const given = names.some((n) => params.has(n));
  const values = given ? Object.fromEntries(names.map((n) => [n, (params.get(n) ?? "").slice(0, 40)])) : defaultToolValues();
  const parsed = toolSchema.safeParse(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim() === "" ? undefined : v.trim()])));
  if (!parsed.success) {
    const errors: Record<string, [number, number]> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      errors[field] = [...boundsOf(field)] as [number, number];
    }
    return { values, input: null, errors };
  }
  const v = parsed.data as Record<string, number>;
  return {
    values,
    errors: {},
    input: {
      baseYear: v.baseYear!,
      baseEmployment: v.baseEmployment!,
      professionalSharePct: v.professionalSharePct!,
      optimisticFactor: v.optimisticFactor!,
      conservativeFactor: v.conservativeFactor!,
      years: Array.from({ length: toolYears }, (_, i) => ({ year: v.baseYear! + i + 1, revenueGrowthPct: v[`g${i + 1}`]!, productivityGrowthPct: v[`p${i + 1}`]! })),
    },
  };
}
