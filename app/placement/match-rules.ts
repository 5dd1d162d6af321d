// Refusals of the match and of placements, with what pages answer for each: an HTTP status, an i18n
// message (matchRuns.refusal.*) with its values, and the field to show it beside when there is one.
// A passed deadline is calendar.ts's DeadlinePassedError (it names the deadline); a round that does
// not exist is rounds.server.ts's RoundRuleError("notFound"). Pure: shared by domain modules and pages.
import type { DeadlineKey } from "./calendar";

export type MatchRuleCode =
  | "notOffice"
  | "notFound"
  | "roundNotOpen"
  /** The unit-ranking deadline is still ahead (`deadline`, `at`). */
  | "rankingStillOpen"
  | "alreadyPublished"
  | "superseded"
  | "notVerified"
  | "notPublished"
  | "notYours"
  | "notMember"
  | "notAdmitted"
  /** The office marks a missed check-in only once the trainee's check-in deadline (`at`) has passed. */
  | "checkInStillOpen"
  | "unitNotAllocated"
  | "noSeatsLeft"
  | "alreadyPlaced"
  | "alreadyOffered"
  | "notApplicant"
  | "offerClosed";

export class MatchRuleError extends Error {
  constructor(
    readonly code: MatchRuleCode,
    readonly detail: { deadline?: DeadlineKey; at?: Date } = {},
  ) {
    super(detail.at ? `${code}: ${detail.deadline ?? ""} ${detail.at.toISOString()}` : code);
    this.name = "MatchRuleError";
  }
}

export type PlacementRuleCode =
  | "notFound"
  | "notYours"
  | "notMember"
  | "notOffice"
  | "notAdmitted"
  | "notCheckedIn"
  | "placementEnded"
  | "periodOrder"
  | "periodOverAYear"
  | "internshipDates"
  | "internshipOutsidePeriod"
  | "invalidDate"
  | "invalidHours";

export class PlacementRuleError extends Error {
  constructor(readonly code: PlacementRuleCode) {
    super(code);
    this.name = "PlacementRuleError";
  }
}

export interface MatchRefusal {
  status: 400 | 403 | 404 | 409;
  message: `matchRuns.refusal.${MatchRuleCode | PlacementRuleCode}`;
  /** For refusals that name a date: the deadline and when it is. */
  deadline?: { key: DeadlineKey; at: string };
  field?: string;
}

const fields: Partial<Record<PlacementRuleCode, string>> = {
  periodOrder: "endsOn",
  periodOverAYear: "endsOn",
  internshipDates: "endsOn",
  internshipOutsidePeriod: "startsOn",
  invalidDate: "startsOn",
  invalidHours: "hours",
};

export function matchRefusal(error: MatchRuleError | PlacementRuleError): MatchRefusal {
  const message = `matchRuns.refusal.${error.code}` as const;
  const deadline = error instanceof MatchRuleError && error.detail.at ? { key: error.detail.deadline ?? "checkIn", at: error.detail.at.toISOString() } : undefined;
  switch (error.code) {
    case "notFound":
      return { status: 404, message };
    case "notOffice":
    case "notYours":
    case "notMember":
      return { status: 403, message };
    default:
      break;
  }
  if (error instanceof PlacementRuleError && fields[error.code]) return { status: 400, message, field: fields[error.code] };
  return { status: 409, message, deadline };
}
