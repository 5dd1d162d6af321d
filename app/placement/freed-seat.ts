// A seat freed when an admitted trainee declines or misses check-in goes, as PORTAL.md says, to the first
// on the unit's waitlist who still wants it (prefers it to what they hold now, or holds nothing). If that
// applicant held a seat elsewhere, that seat is freed in turn and offered the same way, and so on, until
// an unplaced applicant takes a seat or nobody left on a waitlist wants it (the seat stays empty for the
// post-match round).
//
// Why the result is stable. Call a matching "stable but for v" if it would be stable with unit v's
// capacity one lower. The published matching without the decliner is stable but for the decliner's unit:
// every other pair is as before, and that unit keeps applicants it ranked above everyone who wanted it.
// Suppose the matching is stable but for v and b is the first on v's waitlist; b moves there from w.
// v is full again, with holders it ranks above everyone else who wants it (b was first, the others were
// already above them). b only improved, so b blocks nowhere new. w lost b, so it is stable but for w.
// Units other than v and w did not change. Every move makes one applicant strictly better off, so the
// chain ends: with an unplaced applicant taking v (then stable), or with nobody wanting v (then stable,
// v keeping an empty seat).
//
// Only the applicants in the chain move, each to a unit they prefer; every other unit and applicant
// keeps what they have. That is why this is not a re-run of the match without the decliner
// (`runDeferredAcceptance(withoutApplicant(input, decliner))`): a re-run is also stable and can place
// applicants even higher, but it can reshuffle units the decline never touched, and an unplaced
// applicant's withdrawal alone can change who other units get (test/placement/match.test.ts has both).
import type { Assignments, MatchInput } from "./deferred-acceptance";

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
  /** Who moved, in the order the seats were offered: each move fills the seat the one before it left. */
  moves: SeatMove[];
  /** The unit whose seat stays empty at the end of the chain (nobody on its waitlist wants it), if any. */
  emptied: string | null;
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
 * `assignments` must be a stable matching of `input`: the published match, or the outcome of an earlier
 * decline (with its `input`). Returns the matching after `decliner` gives up their seat and leaves the round.
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
    if (taker === null) break;
    const from = current[taker] ?? null;
    moves.push({ applicant: taker, from, to: vacancy });
    current[taker] = vacancy;
    vacancy = from;
  }
  return { input: market, assignments: current, moves, emptied: vacancy };
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
