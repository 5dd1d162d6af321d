// A seat freed when an admitted trainee declines or misses check-in goes down the unit's waitlist; the
// applicant who takes it frees their own seat, which goes down that unit's waitlist, and so on.
//
// Why the chain keeps the matching stable, and lands exactly where re-running the whole match without
// the decliner would: in applicant-proposing deferred acceptance an applicant prefers a unit to their
// result exactly when that unit rejected them, so a unit's waitlist is the set of proposals it turned
// down. Without the decliner, the unit that held them keeps its other applicants and takes the best
// proposal it had turned down from someone who still wants it — the first on its waitlist. That applicant
// now stops there, so the proposals they made further down their list never happen: the unit they leave
// takes the best of its own turned-down proposals, and so on. Proposals that were rejected anyway change
// nothing, and nobody proposes anywhere new, so the chain ends in the matching deferred acceptance gives
// on the smaller market: stable, applicant-optimal, and nobody already placed loses their seat
// (test/placement/match.test.ts checks both, and equality with a re-run, on random instances).
import type { Assignments, MatchInput } from "./match";

export interface SeatMove {
  applicant: string;
  from: string | null;
  to: string;
}

export interface FreedSeatOutcome {
  /** The market without the applicant who declined: what the new matching is stable for. */
  input: MatchInput;
  /** The new matching; the decliner is no longer in it. */
  assignments: Assignments;
  /** Who moved, in the order the seats were offered. */
  moves: SeatMove[];
  /** The unit whose seat stays empty at the end of the chain (nobody on its waitlist wants it), if any. */
  unfilled: string | null;
}

/** The market as if `applicantId` had never applied: their list and their place in every ranking are gone. */
export function withoutApplicant(input: MatchInput, applicantId: string): MatchInput {
  const applicants: Record<string, readonly string[]> = Object.create(null);
  for (const [id, preferences] of Object.entries(input.applicants)) if (id !== applicantId) applicants[id] = preferences;
  const units: Record<string, { capacity: number; ranking: readonly string[] }> = Object.create(null);
  for (const [id, { capacity, ranking }] of Object.entries(input.units)) {
    units[id] = { capacity, ranking: ranking.includes(applicantId) ? ranking.filter((a) => a !== applicantId) : ranking };
  }
  return { applicants, units };
}

/**
 * `assignments` must be a stable matching of `input` (the published match, or the outcome of an earlier
 * decline). Returns the matching after `decliner` gives up their seat and leaves the programme.
 */
export function offerFreedSeat(input: MatchInput, assignments: Assignments, decliner: string): FreedSeatOutcome {
  if (!Object.hasOwn(input.applicants, decliner)) throw new Error(`"${decliner}" is not an applicant of this match`);
  const market = withoutApplicant(input, decliner);
  const current: Assignments = Object.create(null);
  for (const [id, unit] of Object.entries(assignments)) if (id !== decliner) current[id] = unit;
  const moves: SeatMove[] = [];
  let vacancy = Object.hasOwn(assignments, decliner) ? assignments[decliner]! : null;
  while (vacancy !== null) {
    const taker = firstStillWanting(market, current, vacancy);
    if (taker === null) return { input: market, assignments: current, moves, unfilled: vacancy };
    const from = current[taker] ?? null;
    moves.push({ applicant: taker, from, to: vacancy });
    current[taker] = vacancy;
    vacancy = from;
  }
  return { input: market, assignments: current, moves, unfilled: null };
}

/** The first applicant in the unit's ranking who listed it above what they hold now (or hold nothing). */
function firstStillWanting(market: MatchInput, current: Assignments, unit: string): string | null {
  for (const applicant of market.units[unit]!.ranking) {
    const preferences = market.applicants[applicant]!;
    const wanted = preferences.indexOf(unit);
    if (wanted < 0) continue;
    const held = current[applicant] ?? null;
    if (held === null || wanted < preferences.indexOf(held)) return applicant;
  }
  return null;
}
