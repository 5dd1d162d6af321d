// A seat freed when an admitted trainee declines or misses check-in. The new matching is the match
// re-run without that trainee: deferred acceptance on the smaller market. So it is stable and
// applicant-optimal by the same proof as the match itself, and anyone can reproduce it with
// `npm run match` on the stored input minus the trainee. With one applicant fewer competing, every
// other applicant does at least as well as before (Gale and Sotomayor's comparative statics), so
// nobody placed loses their seat: the moves are applicants moving up. In the new matching each unit's
// freed seat is held by the first on its waitlist who still wants it, given where everyone ends up.
//
// Not the shortcut of handing the seat to whoever is first on the waitlist right now and following
// the chain of vacated seats: that also ends stable, but can stop short. Example (test/placement):
// bo declines the clinic; di, unplaced, is first on its waitlist and would take it, while ann would
// stay at the lab. Without bo, ann keeps the clinic (which she prefers) and di gets the lab (which
// di prefers): both better off.
import { runDeferredAcceptance, type Assignments, type MatchInput } from "./deferred-acceptance";

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
  /** Who moved up, following the freed seat: first who took it, then who took theirs, and so on. */
  moves: SeatMove[];
  /** Units left with more empty seats than before (nobody who wants them remains); for the post-match round. */
  emptied: string[];
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
 * `assignments` is the matching in force for `input` (the published match, or the outcome of an earlier
 * decline); returns the matching after `decliner` gives up their seat and leaves the round.
 */
export function offerFreedSeat(input: MatchInput, assignments: Assignments, decliner: string): FreedSeatOutcome {
  if (!Object.hasOwn(input.applicants, decliner)) throw new Error(`"${decliner}" is not an applicant of this match`);
  const market = withoutApplicant(input, decliner);
  const next = runDeferredAcceptance(market).assignments;
  const before = (applicant: string) => (Object.hasOwn(assignments, applicant) ? assignments[applicant]! : null);

  const moves: SeatMove[] = [];
  for (const applicant of Object.keys(next)) {
    const to = next[applicant];
    if (to === before(applicant)) continue;
    if (to === null || to === undefined) throw new Error(`"${applicant}" would lose their seat; a re-run without "${decliner}" cannot do that`);
    moves.push({ applicant, from: before(applicant), to });
  }

  const filledBefore = countByUnit(Object.entries(assignments));
  const filledAfter = countByUnit(Object.entries(next));
  const emptied = Object.keys(input.units).filter((unit) => (filledAfter.get(unit) ?? 0) < (filledBefore.get(unit) ?? 0));
  return { input: market, assignments: next, moves: followTheSeat(before(decliner), moves), emptied };
}

/**
 * Orders the moves as one chain: who took the freed seat, who took the seat they left, and so on. A unit
 * can come up twice (someone leaves it for a seat another vacated), so this walks the moves as an Euler
 * path (Hierholzer) from the freed seat; moves it cannot reach, if there ever were any, go last.
 */
function followTheSeat(freed: string | null, moves: SeatMove[]): SeatMove[] {
  const into = new Map<string, SeatMove[]>();
  for (const move of [...moves].reverse()) into.set(move.to, [...(into.get(move.to) ?? []), move]);
  const chain: SeatMove[] = [];
  const stack: { seat: string | null; move?: SeatMove }[] = [{ seat: freed }];
  while (stack.length > 0) {
    const top = stack.at(-1)!;
    const taker = top.seat === null ? undefined : into.get(top.seat)?.pop();
    if (taker) stack.push({ seat: taker.from, move: taker });
    else {
      stack.pop();
      if (top.move) chain.push(top.move);
    }
  }
  chain.reverse();
  return [...chain, ...moves.filter((move) => !chain.includes(move))];
}

function countByUnit(entries: [string, string | null][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [, unit] of entries) if (unit !== null) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  return counts;
}
