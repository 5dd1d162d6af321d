// KPIs of catalogue-programme enrolments, on a fixture worked out by hand in the comments; the
// placements' fixture of compute.test.ts is repeated in short to check the two kinds combined.
import { describe, expect, it } from "vitest";
import { computeGroupedKpis, computeKpis, type EnrolmentEvidence, type EnrolmentFact, type OutcomeFact, type PlacementFact } from "~/kpis/compute";

// Seven enrolments: e1–e3 completed, e4 not completed, e5 still enrolled, e6 withdrawn, e7 waitlisted.
const enrolments: EnrolmentFact[] = [
  { enrolmentId: "e1", status: "completed" },
  { enrolmentId: "e2", status: "completed" },
  { enrolmentId: "e3", status: "completed" },
  { enrolmentId: "e4", status: "not_completed" },
  { enrolmentId: "e5", status: "enrolled" },
  { enrolmentId: "e6", status: "withdrawn" },
  { enrolmentId: "e7", status: "waitlisted" },
];

const evidence: EnrolmentEvidence = {
  outcomes: [
    // e1: industry at completion, shortage occupation → employed at month 0.
    { enrolmentId: "e1", checkpoint: "completion", status: "industry", isShortageOccupation: true },
    // e2: seeking at completion, government at 6 months → employed at month 6, latest not industry.
    { enrolmentId: "e2", checkpoint: "completion", status: "seeking", isShortageOccupation: false },
    { enrolmentId: "e2", checkpoint: "six_months", status: "government", isShortageOccupation: false },
    // e3: nothing. e4 did not complete: its industry job must not count.
    { enrolmentId: "e4", checkpoint: "completion", status: "industry", isShortageOccupation: true },
  ],
  links: [
    { enrolmentId: "e1", answered: true },
    { enrolmentId: "e2", answered: true },
    { enrolmentId: "e2", answered: false },
    { enrolmentId: "e3", answered: false },
    { enrolmentId: "elsewhere", answered: true }, // another programme's enrolment
  ],
};

describe("computeKpis on catalogue enrolments", () => {
  const k = computeKpis([], [], [], enrolments, evidence);
  it("completion = completed ÷ (enrolled + completed + not completed); waitlisted is no trainee", () => {
    expect(k.trainees).toBe(6); // e1–e6
    expect(k.started).toBe(5); // e1–e5
    expect(k.completion).toEqual({ numerator: 3, denominator: 5, rate: 0.6 });
  });
  it("industry employment over all completers by the latest outcome", () => {
    // latest: e1 industry, e2 government, e3 unknown → 1/3
    expect(k.industryEmployment).toEqual({ numerator: 1, denominator: 3, rate: 1 / 3 });
    expect(k.meetsIndustryTarget).toBe(false);
  });
  it("shortage share, time to employment and the survey response rate", () => {
    expect(k.shortageOccupation).toEqual({ numerator: 1, denominator: 2, rate: 0.5 }); // e1 of e1, e2
    expect(k.medianMonthsToEmployment).toBe(3); // 0 and 6
    expect(k.employedAtCompletion).toEqual({ numerator: 1, denominator: 3, rate: 1 / 3 });
    expect(k.surveyResponse).toEqual({ numerator: 2, denominator: 4, rate: 0.5 });
  });
  it("internships of 6 months do not apply: no denominator, so the page shows —", () => {
    expect(k.longInternship).toEqual({ numerator: 0, denominator: 0, rate: null });
  });
});

describe("placements and enrolments together", () => {
  const placements: PlacementFact[] = [
    { placementId: "p1", status: "completed", internships: [{ startsOn: "2025-01-01", endsOn: "2025-07-01" }] },
    { placementId: "p2", status: "completed", internships: [] },
    { placementId: "p3", status: "terminated", internships: [] },
  ];
  const outcomes: OutcomeFact[] = [{ placementId: "p1", checkpoint: "completion", status: "industry", isShortageOccupation: false }];

  it("a programme row combines both; the internship share stays over placements only", () => {
    const k = computeKpis(placements, outcomes, [{ placementId: "p2", answered: false }], enrolments, evidence);
    expect(k.completion).toEqual({ numerator: 5, denominator: 8, rate: 5 / 8 }); // 2 + 3 of 3 + 5
    expect(k.industryEmployment).toEqual({ numerator: 2, denominator: 5, rate: 0.4 }); // p1, e1 of 5
    expect(k.longInternship).toEqual({ numerator: 1, denominator: 3, rate: 1 / 3 }); // p1 of p1–p3
    expect(k.surveyResponse).toEqual({ numerator: 2, denominator: 5, rate: 0.4 });
  });

  it("an enrolment and a placement with the same id do not share outcomes", () => {
    const k = computeKpis([], outcomes, [], [{ enrolmentId: "p1", status: "completed" }], { outcomes: [], links: [] });
    expect(k.industryEmployment).toEqual({ numerator: 0, denominator: 1, rate: 0 });
  });

  it("groups: a PhD group and a catalogue group; the total is one computation over all", () => {
    const grouped = computeGroupedKpis(
      [
        { key: "phd", label: "PhD", placements },
        { key: "course", label: "Course", placements: [], enrolments },
      ],
      outcomes,
      [],
      evidence,
    );
    expect(grouped.groups[0]!.kpis.industryEmployment).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(grouped.groups[1]!.kpis.completion).toEqual({ numerator: 3, denominator: 5, rate: 0.6 });
    expect(grouped.groups[1]!.kpis.longInternship.rate).toBeNull();
    expect(grouped.total).toEqual(computeKpis(placements, outcomes, [], enrolments, evidence));
  });
});
