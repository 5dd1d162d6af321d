// The PhD programme's KPIs, computed from plain facts so the tests can check them by hand.
// Definitions (docs/decisions/0017):
// - completion rate: completed ÷ trainees who started (checked in, completed or terminated);
// - industry employment rate: completers whose latest outcome is an industry job ÷ all completers
//   (an unknown outcome counts against the unit, as the 2/3 target is of graduates, not of answers);
// - internships of at least 6 months: trainees who started whose internships add up to ≥ 6 months;
// - time to employment: the first checkpoint (0, 6 or 12 months after completion) at which a completer
//   was employed; the median over completers employed at any checkpoint;
// - shortage occupations: employed completers (latest outcome) in a surveyed shortage occupation;
// - survey response rate: survey links answered ÷ survey links sent.

export const INDUSTRY_TARGET = 2 / 3;

export const checkpoints = ["completion", "six_months", "twelve_months"] as const;
export type Checkpoint = (typeof checkpoints)[number];
export const checkpointMonths: Record<Checkpoint, number> = { completion: 0, six_months: 6, twelve_months: 12 };

export const employedStatuses = new Set(["industry", "academia", "medical_institution", "government"]);

export interface PlacementFact {
  placementId: string;
  status: "admitted" | "checked_in" | "declined" | "withdrawn" | "completed" | "terminated";
  /** Internship periods as ISO dates (yyyy-mm-dd), end exclusive of nothing: the recorded end date. */
  internships: { startsOn: string; endsOn: string }[];
}

export interface OutcomeFact {
  placementId: string;
  checkpoint: Checkpoint;
  status: string;
  isShortageOccupation: boolean;
}

export interface SurveyLinkFact {
  placementId: string;
  answered: boolean;
}

export interface Ratio {
  numerator: number;
  denominator: number;
  /** null when the denominator is 0. */
  rate: number | null;
}

export interface KpiSet {
  trainees: number;
  started: number;
  completed: number;
  completion: Ratio;
  industryEmployment: Ratio;
  meetsIndustryTarget: boolean | null;
  longInternship: Ratio;
  /** Median months from completion to the first checkpoint with a job; null when nobody is employed. */
  medianMonthsToEmployment: number | null;
  employedAtCompletion: Ratio;
  shortageOccupation: Ratio;
  surveyResponse: Ratio;
}

export const ratio = (numerator: number, denominator: number): Ratio => ({
  numerator,
  denominator,
  rate: denominator === 0 ? null : numerator / denominator,
});

const startedStatuses = new Set<PlacementFact["status"]>(["checked_in", "completed", "terminated"]);

/** Calendar months between two ISO dates: whole months, then the leftover days over 30. */
export function monthsBetween(startsOn: string, endsOn: string): number {
  const [y1, m1, d1] = startsOn.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = endsOn.split("-").map(Number) as [number, number, number];
  let months = (y2 - y1) * 12 + (m2 - m1);
  let days = d2 - d1;
  if (days < 0) {
    months -= 1;
    // Days from the same day-of-month in the previous month to the end date.
    const anchor = Date.UTC(y2, m2 - 2, Math.min(d1, new Date(Date.UTC(y2, m2 - 1, 0)).getUTCDate()));
    days = Math.round((Date.UTC(y2, m2 - 1, d2) - anchor) / 86_400_000);
  }
  return Math.max(0, months + days / 30);
}

export function internshipMonths(p: Pick<PlacementFact, "internships">): number {
  return p.internships.reduce((sum, i) => sum + monthsBetween(i.startsOn, i.endsOn), 0);
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The outcome of the latest checkpoint recorded for each placement. */
export function latestOutcomes(outcomes: OutcomeFact[]): Map<string, OutcomeFact> {
  const latest = new Map<string, OutcomeFact>();
  for (const o of outcomes) {
    const seen = latest.get(o.placementId);
    if (!seen || checkpointMonths[o.checkpoint] > checkpointMonths[seen.checkpoint]) latest.set(o.placementId, o);
  }
  return latest;
}

export function computeKpis(placements: PlacementFact[], outcomes: OutcomeFact[], links: SurveyLinkFact[]): KpiSet {
  const ids = new Set(placements.map((p) => p.placementId));
  const started = placements.filter((p) => startedStatuses.has(p.status));
  const completers = placements.filter((p) => p.status === "completed");
  const completerIds = new Set(completers.map((p) => p.placementId));
  const ofCompleters = outcomes.filter((o) => completerIds.has(o.placementId));
  const latest = latestOutcomes(ofCompleters);

  let industry = 0;
  let employed = 0;
  let shortage = 0;
  for (const o of latest.values()) {
    if (o.status === "industry") industry += 1;
    if (employedStatuses.has(o.status)) {
      employed += 1;
      if (o.isShortageOccupation) shortage += 1;
    }
  }

  const firstEmployed = new Map<string, number>();
  for (const o of ofCompleters) {
    if (!employedStatuses.has(o.status)) continue;
    const months = checkpointMonths[o.checkpoint];
    const seen = firstEmployed.get(o.placementId);
    if (seen === undefined || months < seen) firstEmployed.set(o.placementId, months);
  }
  const employedAtCompletion = [...firstEmployed.values()].filter((m) => m === 0).length;

  const ownLinks = links.filter((l) => ids.has(l.placementId));
  const industryEmployment = ratio(industry, completers.length);
  return {
    trainees: placements.length,
    started: started.length,
    completed: completers.length,
    completion: ratio(completers.length, started.length),
    industryEmployment,
    meetsIndustryTarget: industryEmployment.rate === null ? null : industryEmployment.rate >= INDUSTRY_TARGET - 1e-12,
    longInternship: ratio(started.filter((p) => internshipMonths(p) >= 6 - 1e-9).length, started.length),
    medianMonthsToEmployment: median([...firstEmployed.values()]),
    employedAtCompletion: ratio(employedAtCompletion, completers.length),
    shortageOccupation: ratio(shortage, employed),
    surveyResponse: ratio(ownLinks.filter((l) => l.answered).length, ownLinks.length),
  };
}

export interface GroupedFacts<K extends string> {
  key: K;
  label: string;
  placements: PlacementFact[];
}

/** KPIs for each group and for all groups together. */
export function computeGroupedKpis<K extends string>(groups: GroupedFacts<K>[], outcomes: OutcomeFact[], links: SurveyLinkFact[]) {
  return {
    groups: groups.map((g) => ({ key: g.key, label: g.label, kpis: computeKpis(g.placements, outcomes, links) })),
    total: computeKpis(groups.flatMap((g) => g.placements), outcomes, links),
  };
}

/** Groups items by key, keeping first-seen order (Map.groupBy is Node 21+). */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
