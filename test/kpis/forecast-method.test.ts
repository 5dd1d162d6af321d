// The forecasting tool against the published tables. Tolerance: the employment and new-demand rows
// of the 2021 survey's table 2 are reproduced exactly (0 persons) from its inputs; a scenario figure
// computed from a *published* (already rounded) flat figure may differ from the published one by at
// most 1 person, because the flat figure is off by up to 0.5 and × 1.05 makes that 0.525.
import { describe, expect, it } from "vitest";
import survey2021 from "../../seeds/data/survey-2021.json";
import survey2025 from "../../seeds/data/survey-2025.json";
import { roundHalfUp, runManpowerForecast, scenarioValues, scenarios, survey2021Inputs } from "~/forecasts/manpower-method";

type Row = { year: number; scenario: string; newDemand: number; employment: number | null; revenueHundredMillionNtd: number | null; newDemandSharePct: number | null };
const published = (rows: Row[], year: number, scenario: string) => rows.find((r) => r.year === year && r.scenario === scenario)!;

describe("the 2021 survey's method", () => {
  const rows = survey2021.forecast.rows as Row[];
  const result = runManpowerForecast(survey2021Inputs);

  it("reproduces table 2's employment row exactly", () => {
    expect(result.map((r) => r.employmentRounded)).toEqual([14_995, 16_360, 17_900]);
    for (const r of result) expect(r.employmentRounded).toBe(published(rows, r.year, "flat").employment);
  });

  it("reproduces all nine new-demand figures of table 2 exactly", () => {
    for (const r of result) for (const s of scenarios) expect(r.newDemand[s], `${r.year} ${s}`).toBe(published(rows, r.year, s).newDemand);
  });

  it("follows the formula: employment(N) = employment(N-1) × (1+g) ÷ (1+p), demand the difference", () => {
    const one = runManpowerForecast({ ...survey2021Inputs, professionalSharePct: 100, years: [{ year: 2022, revenueGrowthPct: 10, productivityGrowthPct: 0 }] });
    expect(one[0]!.employment).toBeCloseTo(15_153.6, 6);
    expect(one[0]!.flatUnrounded).toBeCloseTo(1_377.6, 6);
    expect(one[0]!.newDemand).toEqual({ optimistic: 1_446, flat: 1_378, conservative: 1_309 });
  });

  it("reproduces the scenario revenues from the flat revenue row exactly", () => {
    for (const year of [2022, 2023, 2024]) {
      const flat = published(rows, year, "flat").revenueHundredMillionNtd!;
      const v = scenarioValues(flat);
      expect(v.optimistic).toBe(published(rows, year, "optimistic").revenueHundredMillionNtd);
      expect(v.conservative).toBe(published(rows, year, "conservative").revenueHundredMillionNtd);
    }
  });

  it("would miss the table with the stated 56.9 % share, so the share is not decoration", () => {
    const wrong = runManpowerForecast({ ...survey2021Inputs, professionalSharePct: 56.9 });
    expect(wrong[0]!.newDemand.flat).not.toBe(662);
  });
});

describe("the 2025 survey's scenario factors", () => {
  const rows = survey2025.forecast.rows as Row[];
  it("give each optimistic and conservative figure from the published flat one within 1 person", () => {
    let exact = 0;
    for (const year of [2025, 2026, 2027]) {
      const v = scenarioValues(published(rows, year, "flat").newDemand);
      for (const s of ["optimistic", "conservative"] as const) {
        const diff = Math.abs(v[s] - published(rows, year, s).newDemand);
        expect(diff, `${year} ${s}`).toBeLessThanOrEqual(1);
        if (diff === 0) exact += 1;
      }
    }
    // Only 2027's optimistic 844 needs the unrounded flat figure (803 × 1.05 = 843.15).
    expect(exact).toBe(5);
    expect(scenarioValues(803.4).optimistic).toBe(844);
  });
});

describe("roundHalfUp", () => {
  it("rounds halves away from zero and ignores binary noise", () => {
    expect(roundHalfUp(628.5)).toBe(629);
    expect(roundHalfUp(-2.5)).toBe(-3);
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(703.95)).toBe(704);
  });
});
