// The KPIs of the PhD programme's placements and the catalogue programmes' enrolments, computed from plain facts so the tests can check them by hand.
// Definitions (docs/decisions/0017):
// - completion rate: completed ÷ trainees who started (a placement checked in, completed or terminated;
//   an enrolment enrolled, completed or not completed);
// - industry employment rate: completers whose latest outcome is an industry job ÷ all completers
//   (an unknown outcome counts against the unit, as the 2/3 target is of graduates, not of answers);
// - internships of at least 6 months: placements started whose internships add up to ≥ 6 months
//   (PhD placements only; catalogue enrolments have no internships, so the measure is — for them);
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

/** A subject of the KPIs: a PhD placement or a catalogue enrolment, with its outcomes and links keyed by id. */
interface Subject {
  id: string;
  started: boolean;
  completed: boolean;
  /** Months of internship; null for enrolments, to which the 6-month measure does not apply. */
  internshipMonths: number | null;
}

interface SubjectOutcome {
  id: string;
  checkpoint: Checkpoint;
  status: string;
  isShortageOccupation: boolean;
}

const catalogueStarted = new Set<EnrolmentFact["status"]>(["enrolled", "completed", "not_completed"]);

/** Placements and enrolments as one list of subjects; ids are prefixed so the two kinds never collide. */
function subjectsOf(placements: PlacementFact[], catalogue: CatalogueFacts) {
  const subjects: Subject[] = [
    ...placements.map((p) => ({ id: `p:${p.placementId}`, started: startedStatuses.has(p.status), completed: p.status === "completed", internshipMonths: internshipMonths(p) })),
    // A waitlisted enrolment never had a place, so it is not a trainee.
    ...catalogue.enrolments
      .filter((e) => e.status !== "waitlisted")
      .map((e) => ({ id: `e:${e.enrolmentId}`, started: catalogueStarted.has(e.status), completed: e.status === "completed", internshipMonths: null })),
  ];
  const outcomes: SubjectOutcome[] = [
    ...catalogue.placementOutcomes.map((o) => ({ ...o, id: `p:${o.placementId}` })),
    ...catalogue.outcomes.map((o) => ({ ...o, id: `e:${o.enrolmentId}` })),
  ];
  const links = [
    ...catalogue.placementLinks.map((l) => ({ id: `p:${l.placementId}`, answered: l.answered })),
    ...catalogue.links.map((l) => ({ id: `e:${l.enrolmentId}`, answered: l.answered })),
  ];
  return { subjects, outcomes, links };
}

function computeSubjects(subjects: Subject[], outcomes: SubjectOutcome[], links: { id: string; answered: boolean }[]): KpiSet {
  const ids = new Set(subjects.map((s) => s.id));
  const started = subjects.filter((s) => s.started);
  const completers = subjects.filter((s) => s.completed);
  const completerIds = new Set(completers.map((s) => s.id));
  const ofCompleters = outcomes.filter((o) => completerIds.has(o.id));
  const latest = new Map<string, SubjectOutcome>();
  for (const o of ofCompleters) {
    const seen = latest.get(o.id);
    if (!seen || checkpointMonths[o.checkpoint] > checkpointMonths[seen.checkpoint]) latest.set(o.id, o);
  }

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
    const seen = firstEmployed.get(o.id);
    if (seen === undefined || months < seen) firstEmployed.set(o.id, months);
  }
  const employedAtCompletion = [...firstEmployed.values()].filter((m) => m === 0).length;

  const ownLinks = links.filter((l) => ids.has(l.id));
  const industryEmployment = ratio(industry, completers.length);
  // Internships apply to placements only: the share is over placements that started (— without any).
  const withInternships = started.filter((s) => s.internshipMonths !== null);
  return {
    trainees: subjects.length,
    started: started.length,
    completed: completers.length,
    completion: ratio(completers.length, started.length),
    industryEmployment,
    meetsIndustryTarget: industryEmployment.rate === null ? null : industryEmployment.rate >= INDUSTRY_TARGET - 1e-12,
    longInternship: ratio(withInternships.filter((s) => s.internshipMonths! >= 6 - 1e-9).length, withInternships.length),
    medianMonthsToEmployment: median([...firstEmployed.values()]),
    employedAtCompletion: ratio(employedAtCompletion, completers.length),
    shortageOccupation: ratio(shortage, employed),
    surveyResponse: ratio(ownLinks.filter((l) => l.answered).length, ownLinks.length),
  };
}

/** A catalogue programme's enrolment (app/programmes/enrolment.server.ts). */
export interface EnrolmentFact {
  enrolmentId: string;
  status: "enrolled" | "waitlisted" | "withdrawn" | "completed" | "not_completed";
}

export interface EnrolmentOutcomeFact extends Omit<OutcomeFact, "placementId"> {
  enrolmentId: string;
}

export interface EnrolmentLinkFact {
  enrolmentId: string;
  answered: boolean;
}

/** Outcomes and survey links of catalogue enrolments, alongside the placements' own. */
export interface EnrolmentEvidence {
  outcomes: EnrolmentOutcomeFact[];
  links: EnrolmentLinkFact[];
}

interface CatalogueFacts extends EnrolmentEvidence {
  enrolments: EnrolmentFact[];
  placementOutcomes: OutcomeFact[];
  placementLinks: SurveyLinkFact[];
}

export const noEnrolmentEvidence: EnrolmentEvidence = { outcomes: [], links: [] };

/**
 * KPIs over placements and, optionally, catalogue enrolments. For an enrolment, "started" means
 * enrolled, completed or not completed (withdrawn and waitlisted did not start); it has no internship.
 */
export function computeKpis(
  placements: PlacementFact[],
  outcomes: OutcomeFact[],
  links: SurveyLinkFact[],
  enrolments: EnrolmentFact[] = [],
  evidence: EnrolmentEvidence = noEnrolmentEvidence,
): KpiSet {
  const s = subjectsOf(placements, { enrolments, placementOutcomes: outcomes, placementLinks: links, ...evidence });
  return computeSubjects(s.subjects, s.outcomes, s.links);
}

export interface GroupedFacts<K extends string> {
  key: K;
  label: string;
  placements: PlacementFact[];
  enrolments?: EnrolmentFact[];
}

/** KPIs for each group and for all groups together. */
export function computeGroupedKpis<K extends string>(groups: GroupedFacts<K>[], outcomes: OutcomeFact[], links: SurveyLinkFact[], evidence: EnrolmentEvidence = noEnrolmentEvidence) {
  return {
    groups: groups.map((g) => ({ key: g.key, label: g.label, kpis: computeKpis(g.placements, outcomes, links, g.enrolments ?? [], evidence) })),
    total: computeKpis(
      groups.flatMap((g) => g.placements),
      outcomes,
      links,
      groups.flatMap((g) => g.enrolments ?? []),
      evidence,
    ),
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
