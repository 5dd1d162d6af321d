// The check the office reads before publishing a match. Written apart from the algorithm, with plain
// maps and no shared code, so a fault in one is not silently repeated in the other.
import type { Assignments, MatchInput } from "./deferred-acceptance";

export interface BlockingPair {
  applicant: string;
  unit: string;
}

export interface MatchVerification {
  /** No blocking pair: no applicant and unit that would both rather be matched to each other. */
  stable: boolean;
  /** No unit holds more applicants than its capacity. */
  capacitiesRespected: boolean;
  /** Every placed applicant listed their unit, the unit ranked them, and both ids are in the input. */
  mutuallyAcceptable: boolean;
  blockingPairs: BlockingPair[];
  seats: Record<string, { capacity: number; filled: number }>;
}

const own = (record: object, key: string) => Object.hasOwn(record, key);

/**
 * Checks every applicant–unit pair that could block. A pair whose unit the applicant did not list cannot:
 * the unit is unacceptable to them. So for each applicant it is enough to look at the units they listed
 * above the one they got (all of them, if they got none): such a unit blocks if it ranked the applicant
 * and has a free seat or holds someone it ranked lower (or someone it did not rank at all).
 */
export function verifyMatching(input: MatchInput, assignments: Assignments): MatchVerification {
  const rankOf = new Map<string, Map<string, number>>();
  const seats: MatchVerification["seats"] = Object.create(null);
  const lowestAdmitted = new Map<string, number>();
  for (const [unit, { capacity, ranking }] of Object.entries(input.units)) {
    const ranks = new Map<string, number>();
    ranking.forEach((applicant, rank) => ranks.set(applicant, rank));
    rankOf.set(unit, ranks);
    seats[unit] = { capacity, filled: 0 };
    lowestAdmitted.set(unit, -1);
  }

  let mutuallyAcceptable = true;
  for (const [applicant, unit] of Object.entries(assignments)) {
    if (unit === null) continue;
    const listed = own(input.applicants, applicant) && input.applicants[applicant]!.includes(unit);
    const ranks = rankOf.get(unit);
    if (!ranks) {
      mutuallyAcceptable = false;
      continue;
    }
    const rank = ranks.get(applicant);
    if (!listed || rank === undefined) mutuallyAcceptable = false;
    seats[unit]!.filled++;
    // An applicant the unit did not rank counts as worse than everyone it did rank.
    lowestAdmitted.set(unit, Math.max(lowestAdmitted.get(unit)!, rank ?? Infinity));
  }
  const capacitiesRespected = Object.values(seats).every(({ capacity, filled }) => filled <= capacity);

  const blockingPairs: BlockingPair[] = [];
  for (const [applicant, preferences] of Object.entries(input.applicants)) {
    const current = own(assignments, applicant) ? assignments[applicant] : null;
    for (const unit of preferences) {
      if (unit === current) break;
      const rank = rankOf.get(unit)?.get(applicant);
      if (rank === undefined) continue;
      const { capacity, filled } = seats[unit]!;
      if (filled < capacity || rank < lowestAdmitted.get(unit)!) blockingPairs.push({ applicant, unit });
    }
  }
  return { stable: blockingPairs.length === 0, capacitiesRespected, mutuallyAcceptable, blockingPairs, seats };
}
