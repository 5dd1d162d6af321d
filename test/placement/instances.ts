// Random match instances for property tests, and the slow, obviously correct references the match is
// checked against: brute-force stability, every stable matching by enumeration, textbook deferred acceptance.
import fc from "fast-check";
import type { Assignments, MatchInput } from "~/placement/match";

const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

/**
 * Applicants list a random ordered subset of the units; units rank a random ordered subset of the
 * applicants (sometimes applicants who did not list them, which the format allows: such a pair is simply
 * not acceptable to the applicant). Capacities include 0.
 */
export function instance({ maxApplicants, maxUnits, maxCapacity }: { maxApplicants: number; maxUnits: number; maxCapacity: number }) {
  return fc
    .record({ applicants: fc.integer({ min: 0, max: maxApplicants }), units: fc.integer({ min: 0, max: maxUnits }) })
    .chain(({ applicants, units }) => {
      const applicantIds = ids("a", applicants);
      const unitIds = ids("u", units);
      return fc
        .record({
          lists: fc.array(fc.shuffledSubarray(unitIds), { minLength: applicants, maxLength: applicants }),
          units: fc.array(fc.record({ capacity: fc.integer({ min: 0, max: maxCapacity }), ranking: fc.shuffledSubarray(applicantIds) }), {
            minLength: units,
            maxLength: units,
          }),
        })
        .map(
          ({ lists, units: unitArbs }): MatchInput => ({
            applicants: Object.fromEntries(applicantIds.map((id, i) => [id, lists[i]!])),
            units: Object.fromEntries(unitIds.map((id, i) => [id, unitArbs[i]!])),
          }),
        );
    });
}

/** Position of `unit` in the applicant's list; unplaced (or placed somewhere not listed) is worst. */
export function preferenceIndex(input: MatchInput, applicant: string, unit: string | null): number {
  const index = unit === null ? -1 : input.applicants[applicant]!.indexOf(unit);
  return index < 0 ? Infinity : index;
}

/** Straight from the definition: (a, u) blocks if a prefers u to their result, u ranked a, and u has a free seat or holds someone it likes less. */
export function bruteForceBlockingPairs(input: MatchInput, assignments: Assignments): { applicant: string; unit: string }[] {
  const pairs: { applicant: string; unit: string }[] = [];
  for (const applicant of Object.keys(input.applicants)) {
    for (const [unit, { capacity, ranking }] of Object.entries(input.units)) {
      if (!input.applicants[applicant]!.includes(unit)) continue;
      if (preferenceIndex(input, applicant, unit) >= preferenceIndex(input, applicant, assignments[applicant] ?? null)) continue;
      const rank = ranking.indexOf(applicant);
      if (rank < 0) continue;
      const holders = Object.keys(assignments).filter((other) => assignments[other] === unit);
      const likesLess = holders.some((other) => ranking.indexOf(other) < 0 || ranking.indexOf(other) > rank);
      if (holders.length < capacity || likesLess) pairs.push({ applicant, unit });
    }
  }
  return pairs;
}

/** Every matching in which each pair is mutually acceptable and no unit is over capacity. */
export function allAcceptableMatchings(input: MatchInput): Assignments[] {
  const applicants = Object.keys(input.applicants);
  const options = applicants.map((a) => [null, ...input.applicants[a]!.filter((u) => input.units[u]!.ranking.includes(a))]);
  const matchings: Assignments[] = [];
  const choose = (i: number, current: Assignments) => {
    if (i === applicants.length) {
      matchings.push({ ...current });
      return;
    }
    for (const unit of options[i]!) {
      if (unit !== null && Object.values(current).filter((u) => u === unit).length >= input.units[unit]!.capacity) continue;
      current[applicants[i]!] = unit;
      choose(i + 1, current);
    }
    delete current[applicants[i]!];
  };
  choose(0, {});
  return matchings;
}

export const allStableMatchings = (input: MatchInput) => allAcceptableMatchings(input).filter((m) => bruteForceBlockingPairs(input, m).length === 0);

/** Deferred acceptance as a textbook writes it: a queue of free applicants, units re-sorting what they hold. */
export function textbookDeferredAcceptance(input: MatchInput): Assignments {
  const next = new Map(Object.keys(input.applicants).map((a) => [a, 0]));
  const held = new Map(Object.keys(input.units).map((u) => [u, [] as string[]]));
  const free = Object.keys(input.applicants);
  while (free.length > 0) {
    const applicant = free.shift()!;
    const list = input.applicants[applicant]!;
    const i = next.get(applicant)!;
    if (i >= list.length) continue;
    next.set(applicant, i + 1);
    const unit = list[i]!;
    const { capacity, ranking } = input.units[unit]!;
    if (!ranking.includes(applicant)) {
      free.push(applicant);
      continue;
    }
    const holding = [...held.get(unit)!, applicant].sort((x, y) => ranking.indexOf(x) - ranking.indexOf(y));
    held.set(unit, holding.slice(0, capacity));
    free.push(...holding.slice(capacity));
  }
  const assignments: Assignments = Object.fromEntries(Object.keys(input.applicants).map((a) => [a, null]));
  for (const [unit, holding] of held) for (const applicant of holding) assignments[applicant] = unit;
  return assignments;
}
