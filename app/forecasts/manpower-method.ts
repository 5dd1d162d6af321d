// The 2021 survey's manpower-requirements method (ITRI 110年, 000 section 5 and table 2):
//   employment(N) = employment(N-1) × (1 + revenue growth(N)) ÷ (1 + productivity growth(N))
//   new demand(N)  = employment(N) − employment(N-1)
// The published "new professional demand" is the flat scenario's new employment times the professional
// share of it; optimistic = flat × 1.05 and conservative = flat × 0.95, each rounded to whole persons
// from the unrounded flat value (which is why 2027's 803 × 1.05 is published as 844, not 843).
// Pure: no database, so the tests can check it against the published tables number for number.
import { z } from "zod";

export const scenarios = ["optimistic", "flat", "conservative"] as const;
export type Scenario = (typeof scenarios)[number];

export const forecastYearSchema = z.object({
  year: z.number().int().min(1990).max(2100),
  /** Percent, e.g. 10 for 10 %. */
  revenueGrowthPct: z.number().min(-90).max(500),
  productivityGrowthPct: z.number().min(-90).max(500),
});

export const forecastInputSchema = z.object({
  baseYear: z.number().int().min(1990).max(2100),
  baseEmployment: z.number().min(0).max(100_000_000),
  /** Percent of new employment that is professional staff (table 2 counts professionals only). */
  professionalSharePct: z.number().min(0).max(100),
  optimisticFactor: z.number().min(0.5).max(2),
  conservativeFactor: z.number().min(0.5).max(2),
  years: z.array(forecastYearSchema).min(1).max(10),
});
export type ForecastInput = z.infer<typeof forecastInputSchema>;

export interface ForecastYearResult {
  year: number;
  employment: number;
  employmentRounded: number;
  newEmployment: number;
  /** Unrounded flat new professional demand; the scenarios are rounded from it. */
  flatUnrounded: number;
  newDemand: Record<Scenario, number>;
  /** New flat demand as a percentage of the year's employment (the 2025 survey's 占比). */
  sharePct: number;
}

/** Half away from zero, as the reports round ("四捨五入"); Math.round rounds −0.5 up. */
export function roundHalfUp(value: number, digits = 0): number {
  const factor = 10 ** digits;
  const scaled = Math.abs(value) * factor;
  // Cancels binary noise such as 1.005 × 100 = 100.49999999999999.
  const rounded = Math.floor(scaled + 0.5 + 1e-9);
  return (Math.sign(value) * rounded) / factor;
}

/** The three scenario figures from an unrounded flat figure. */
export function scenarioValues(flat: number, optimisticFactor = 1.05, conservativeFactor = 0.95): Record<Scenario, number> {
  return {
    optimistic: roundHalfUp(flat * optimisticFactor),
    flat: roundHalfUp(flat),
    conservative: roundHalfUp(flat * conservativeFactor),
  };
}

export function runManpowerForecast(input: ForecastInput): ForecastYearResult[] {
  const years = [...input.years].sort((a, b) => a.year - b.year);
  let previous = input.baseEmployment;
  return years.map((y) => {
    const employment = (previous * (1 + y.revenueGrowthPct / 100)) / (1 + y.productivityGrowthPct / 100);
    const newEmployment = employment - previous;
    const flatUnrounded = newEmployment * (input.professionalSharePct / 100);
    previous = employment;
    return {
      year: y.year,
      employment,
      employmentRounded: roundHalfUp(employment),
      newEmployment,
      flatUnrounded,
      newDemand: scenarioValues(flatUnrounded, input.optimisticFactor, input.conservativeFactor),
      sharePct: employment === 0 ? 0 : roundHalfUp((flatUnrounded / employment) * 100, 1),
    };
  });
}

/**
 * The inputs table 2 of the 2021 survey rests on. Stated in the report: base year 2021, 13,776
 * employees, revenue growth 10 % a year, the scenario factors. Not stated, and derived once from the
 * table's own employment row (14,995 / 16,360 / 17,900) and new-demand row (662 / 741 / 836): the
 * yearly productivity growth (1.058 %, 0.822 %, 0.536 %) and the professional share of new employment
 * (54.29 %: 662/1219, 741/1365 and 836/1540 all give it; the 56.9 % the report states is the share of
 * the whole workforce). See docs/decisions/0017-kpi-charts-exports-and-forecast-tool.md.
 */
export const survey2021Inputs: ForecastInput = {
  baseYear: 2021,
  baseEmployment: 13_776,
  professionalSharePct: 54.29,
  optimisticFactor: 1.05,
  conservativeFactor: 0.95,
  years: [
    { year: 2022, revenueGrowthPct: 10, productivityGrowthPct: 1.058 },
    { year: 2023, revenueGrowthPct: 10, productivityGrowthPct: 0.822 },
    { year: 2024, revenueGrowthPct: 10, productivityGrowthPct: 0.536 },
  ],
};
