// The match as it stands after publication. The published run fixed a stable matching; since then
// trainees have declined or missed check-in (and left the round), seats have moved down waitlists,
// trainees have checked in, and units have filled empty seats in the post-match round. This derives,
// from the published input and the placements, the market the freed-seat chain works on:
// - everyone who left (declined, withdrawn, or placed through a post-match offer) is out of it, as if
//   they had never applied (withoutApplicant);
// - a seat filled after the match is taken out of its unit's capacity;
// - a trainee who has checked in has accepted their seat: their list is cut at it, so no seat is
//   offered to them any more. Cutting a list above its holder's unit removes blocking pairs and adds
//   none, so the matching stays stable (freed-seat.ts proves the chain keeps it so).
// Pure: the server reads the rows, tests check the result with verifyMatching.
import type { Assignments, MatchInput } from "./match";

export type PlacementSource = "match" | "waitlist" | "post_match";
export type PlacementStatus = "admitted" | "checked_in" | "declined" | "withdrawn" | "completed" | "terminated";

export interface PlacementFacts {
  applicant: string;
  unit: string;
  status: PlacementStatus;
  source: PlacementSource;
}

const holding = new Set<PlacementStatus>(["admitted", "checked_in", "completed"]);
export const holdsSeat = (status: PlacementStatus) => holding.has(status);

export interface CurrentMarket {
  input: MatchInput;
  assignments: Assignments;
}

export function currentMarket(published: MatchInput, placements: readonly PlacementFacts[]): CurrentMarket {
  const left = new Set<string>();
  const heldBy = new Map<string, PlacementFacts>();
  const filledAfter = new Map<string, number>();
  for (const p of placements) {
    if (!holdsSeat(p.status) || p.source === "post_match") left.add(p.applicant);
    else heldBy.set(p.applicant, p);
    if (holdsSeat(p.status) && p.source === "post_match") filledAfter.set(p.unit, (filledAfter.get(p.unit) ?? 0) + 1);
  }
  const applicants: Record<string, readonly string[]> = Object.create(null);
  const assignments: Assignments = Object.create(null);
  for (const [id, preferences] of Object.entries(published.applicants)) {
    if (left.has(id)) continue;
    const held = heldBy.get(id);
    const committed = held && held.status !== "admitted" ? preferences.indexOf(held.unit) : -1;
    applicants[id] = committed > 0 ? preferences.slice(committed) : preferences;
    assignments[id] = held?.unit ?? null;
  }
  const units: Record<string, { capacity: number; ranking: readonly string[] }> = Object.create(null);
  for (const [id, { capacity, ranking }] of Object.entries(published.units)) {
    units[id] = { capacity: Math.max(0, capacity - (filledAfter.get(id) ?? 0)), ranking: ranking.filter((a) => !left.has(a)) };
  }
  return { input: { applicants, units }, assignments };
}

/** Each unit's waitlist now: the applicants it ranked who prefer it to what they hold (or hold nothing), in its order. */
export function currentWaitlists({ input, assignments }: CurrentMarket): Record<string, string[]> {
  const waitlists: Record<string, string[]> = Object.create(null);
  for (const [unit, { ranking }] of Object.entries(input.units)) {
    waitlists[unit] = ranking.filter((applicant) => {
      const preferences = input.applicants[applicant] ?? [];
      const wanted = preferences.indexOf(unit);
      if (wanted < 0) return false;
      const held = assignments[applicant] ?? null;
      return held === null || wanted < preferences.indexOf(held);
    });
  }
  return waitlists;
}
