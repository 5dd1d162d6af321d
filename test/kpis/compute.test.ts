// KPI definitions on a fixture whose expected values are worked out by hand in the comments.
import { describe, expect, it } from "vitest";
import { computeGroupedKpis, computeKpis, internshipMonths, median, monthsBetween, type OutcomeFact, type PlacementFact, type SurveyLinkFact } from "~/kpis/compute";

const six = [{ startsOn: "2025-01-01", endsOn: "2025-07-01" }]; // exactly 6 months
const five = [{ startsOn: "2025-01-01", endsOn: "2025-06-01" }]; // 5 months
const split = [
  { startsOn: "2025-01-01", endsOn: "2025-04-01" }, // 3 months
  { startsOn: "2025-05-01", endsOn: "2025-08-01" }, // + 3 months = 6
];

// Eight trainees: p1–p5 completed, p6 terminated, p7 still training, p8 declined (never started).
const placements: PlacementFact[] = [
  { placementId: "p1", status: "completed", internships: six },
  { placementId: "p2", status: "completed", internships: split },
  { placementId: "p3", status: "completed", internships: five },
  { placementId: "p4", status: "completed", internships: six },
  { placementId: "p5", status: "completed", internships: [] },
  { placementId: "p6", status: "terminated", internships: five },
  { placementId: "p7", status: "checked_in", internships: six },
  { placementId: "p8", status: "declined", internships: [] },
];

const outcomes: OutcomeFact[] = [
  // p1: seeking at completion, industry (shortage) at 6 months → employed at 6 months, latest industry.
  { placementId: "p1", checkpoint: "completion", status: "seeking", isShortageOccupation: false },
  { placementId: "p1", checkpoint: "six_months", status: "industry", isShortageOccupation: true },
  // p2: industry at completion (not shortage), still industry at 12 months in a shortage occupation.
  { placementId: "p2", checkpoint: "completion", status: "industry", isShortageOccupation: false },
  { placementId: "p2", checkpoint: "twelve_months", status: "industry", isShortageOccupation: true },
  // p3: academia at completion → employed (month 0), not industry.
  { placementId: "p3", checkpoint: "completion", status: "academia", isShortageOccupation: false },
  // p4: industry at 12 months only, not shortage.
  { placementId: "p4", checkpoint: "twelve_months", status: "industry", isShortageOccupation: false },
  // p5: no outcome at all. p6 (not a completer) reports industry: must not count.
  { placementId: "p6", checkpoint: "completion", status: "industry", isShortageOccupation: true },
];

const links: SurveyLinkFact[] = [
  { placementId: "p1", answered: true },
  { placementId: "p1", answered: true },
  { placementId: "p2", answered: true },
  { placementId: "p4", answered: false },
  { placementId: "p5", answered: false },
  { placementId: "other", answered: true }, // someone outside the group
];

describe("computeKpis on the hand-worked fixture", () => {
  const k = computeKpis(placements, outcomes, links);
  it("counts who started and completed", () => {
    expect(k.trainees).toBe(8);
    expect(k.started).toBe(7); // p1–p7
    expect(k.completion).toEqual({ numerator: 5, denominator: 7, rate: 5 / 7 });
  });
  it("industry employment against the 2/3 target uses all completers", () => {
    // latest: p1 industry, p2 industry, p3 academia, p4 industry, p5 unknown → 3/5 = 0.6 < 2/3
    expect(k.industryEmployment).toEqual({ numerator: 3, denominator: 5, rate: 0.6 });
    expect(k.meetsIndustryTarget).toBe(false);
  });
  it("internships of at least 6 months among those who started", () => {
    // p1 6, p2 3+3, p4 6, p7 6 → 4 of 7; p3, p6 five months, p5 none
    expect(k.longInternship).toEqual({ numerator: 4, denominator: 7, rate: 4 / 7 });
  });
  it("time to employment: first employed checkpoint, median over the employed", () => {
    // p1 6, p2 0, p3 0, p4 12 → sorted 0,0,6,12 → median 3
    expect(k.medianMonthsToEmployment).toBe(3);
    expect(k.employedAtCompletion).toEqual({ numerator: 2, denominator: 5, rate: 0.4 });
  });
  it("shortage occupations among the employed (latest outcome)", () => {
    // employed latest: p1 (shortage), p2 (shortage at 12 m), p3 (no), p4 (no) → 2/4
    expect(k.shortageOccupation).toEqual({ numerator: 2, denominator: 4, rate: 0.5 });
  });
  it("survey response rate counts only the group's links", () => {
    expect(k.surveyResponse).toEqual({ numerator: 3, denominator: 5, rate: 0.6 });
  });
});

describe("edge cases", () => {
  it("meets the target at exactly 2/3, and says nothing when there are no completers", () => {
    const three: PlacementFact[] = ["a", "b", "c"].map((id) => ({ placementId: id, status: "completed", internships: [] }));
    const out: OutcomeFact[] = [
      { placementId: "a", checkpoint: "completion", status: "industry", isShortageOccupation: false },
      { placementId: "b", checkpoint: "completion", status: "industry", isShortageOccupation: false },
    ];
    expect(computeKpis(three, out, []).meetsIndustryTarget).toBe(true);
    const none = computeKpis([], [], []);
    expect(none.industryEmployment.rate).toBeNull();
    expect(none.meetsIndustryTarget).toBeNull();
    expect(none.medianMonthsToEmployment).toBeNull();
  });
  it("measures months by the calendar", () => {
    expect(monthsBetween("2025-01-01", "2025-07-01")).toBe(6);
    expect(monthsBetween("2025-01-15", "2025-02-14")).toBeCloseTo(1, 5); // no whole month; Jan 15 → Feb 14 is 30 days = 30/30
    expect(monthsBetween("2025-01-15", "2025-02-13")).toBeCloseTo(29 / 30, 5);
    expect(monthsBetween("2025-01-31", "2025-03-01")).toBeCloseTo(1 + 1 / 30, 5); // Feb 28 → Mar 1 one day
    expect(internshipMonths({ internships: split })).toBe(6);
    expect(median([5, 1, 3])).toBe(3);
  });
  it("groups partition the placements and the total equals one computation over all", () => {
    const grouped = computeGroupedKpis(
      [
        { key: "u1", label: "Unit 1", placements: placements.slice(0, 4) },
        { key: "u2", label: "Unit 2", placements: placements.slice(4) },
      ],
      outcomes,
      links,
    );
    expect(grouped.groups[0]!.kpis.industryEmployment).toEqual({ numerator: 3, denominator: 4, rate: 0.75 });
    expect(grouped.groups[1]!.kpis.industryEmployment).toEqual({ numerator: 0, denominator: 1, rate: 0 });
    expect(grouped.total).toEqual(computeKpis(placements, outcomes, links));
  });
});
