// Why an applicant was not placed higher: for each unit they listed above their result, the reason in
// data, for the applicant's result page to put into words. In a stable matching there are only these
// reasons; anything else means the matching is not stable, and the explainer says so instead of guessing.
import type { Assignments, MatchInput } from "./deferred-acceptance";

export type NotHigher =
  /** The unit did not rank the applicant (after the interview, it found them not acceptable). */
  | { unit: string; reason: "not-ranked" }
  /** The unit has no seats this round. */
  | { unit: string; reason: "no-seats" }
  /** All `seats` went to applicants the unit ranked higher; ranks are 1-based places in its ranking. */
  | { unit: string; reason: "filled-by-higher-ranked"; seats: number; yourRank: number; lowestAdmittedRank: number };

export interface PlacementExplanation {
  applicant: string;
  unit: string | null;
  /** In the applicant's order of preference. */
  notHigher: NotHigher[];
}

interface UnitFacts {
  rankOf: Map<string, number>;
  filled: number;
  lowestAdmittedRank: number;
}

/**
 * Returns a function that explains one applicant's result. Each unit's facts are worked out the first time
 * an explanation needs them, so explaining one applicant reads only the units they listed, and explaining
 * everyone reads each ranking once. `assignments` must be stable for `input` (verifyMatching).
 */
export function createPlacementExplainer(input: MatchInput, assignments: Assignments) {
  const facts = new Map<string, UnitFacts>();
  const factsOf = (unit: string): UnitFacts => {
    let known = facts.get(unit);
    if (!known) {
      known = { rankOf: new Map(), filled: 0, lowestAdmittedRank: 0 };
      for (const [index, applicant] of input.units[unit]!.ranking.entries()) {
        known.rankOf.set(applicant, index + 1);
        if (assignments[applicant] === unit) {
          known.filled++;
          known.lowestAdmittedRank = index + 1;
        }
      }
      facts.set(unit, known);
    }
    return known;
  };

  return (applicant: string): PlacementExplanation => {
    if (!Object.hasOwn(input.applicants, applicant)) throw new Error(`"${applicant}" is not an applicant of this match`);
    const placed = Object.hasOwn(assignments, applicant) ? assignments[applicant]! : null;
    const notHigher: NotHigher[] = [];
    for (const unit of input.applicants[applicant]!) {
      if (unit === placed) break;
      const { capacity } = input.units[unit]!;
      const { rankOf, filled, lowestAdmittedRank } = factsOf(unit);
      const yourRank = rankOf.get(applicant);
      if (yourRank === undefined) notHigher.push({ unit, reason: "not-ranked" });
      else if (capacity === 0) notHigher.push({ unit, reason: "no-seats" });
      else if (filled >= capacity && lowestAdmittedRank < yourRank) {
        notHigher.push({ unit, reason: "filled-by-higher-ranked", seats: capacity, yourRank, lowestAdmittedRank });
      } else {
        throw new Error(`"${applicant}" and "${unit}" would both rather be matched to each other: the matching is not stable`);
      }
    }
    return { applicant, unit: placed, notHigher };
  };
}

/** One applicant's explanation; use createPlacementExplainer to explain many. */
export function explainPlacement(input: MatchInput, assignments: Assignments, applicant: string): PlacementExplanation {
  return createPlacementExplainer(input, assignments)(applicant);
}
