// The refusals of the PhD programme's trainee side (applications, preferences, scores, unit rankings
// and interviews), as typed errors with a code the pages map to a message and an HTTP status.
// Pure: shared by the domain modules and trainee-refusals.ts.

export type TraineeRuleCode =
  | "notFound"
  | "notTalent"
  | "notOffice"
  | "roundNotOpen"
  | "registrationNotOpen"
  | "alreadyStarted"
  | "stale"
  | "phdDate"
  | "phdObtainedInFuture"
  | "phdAfterTrainingStart"
  | "evidenceMissing"
  | "evidenceEmpty"
  | "evidenceTooLarge"
  | "evidenceNotPdf"
  | "noPreferences"
  | "tooManyPreferences"
  | "unitTwice"
  | "unitNotInRound"
  | "alreadyWithdrawn"
  | "scoreOutOfRange";

export class TraineeRuleError extends Error {
  constructor(
    readonly code: TraineeRuleCode,
    /**
     * tooManyPreferences: the round's maximum; unitTwice and unitNotInRound: the 0-based place in the
     * submitted list of the unit at fault.
     */
    readonly detail?: number,
  ) {
    super(detail === undefined ? code : `${code}: ${detail}`);
    this.name = "TraineeRuleError";
  }
}

export type RankingRuleCode =
  | "notFound"
  | "notMember"
  | "notAllocated"
  | "notApplicant"
  | "applicantTwice"
  | "stale"
  | "endsBeforeStarts"
  | "afterInterviewDeadline"
  | "interviewOverlap"
  | "locationRequired";

export class RankingRuleError extends Error {
  constructor(
    readonly code: RankingRuleCode,
    /** notApplicant and applicantTwice: the 0-based place in the submitted ranking. */
    readonly detail?: number,
  ) {
    super(detail === undefined ? code : `${code}: ${detail}`);
    this.name = "RankingRuleError";
  }
}

/** Today's calendar date in Taiwan, yyyy-mm-dd. */
export const taipeiToday = (now: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Taipei" }).format(now);

export const isCalendarDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

/** The first place in the list where an id repeats one before it, or -1. */
export function firstRepeat(ids: readonly string[]): number {
  const seen = new Set<string>();
  for (let i = 0; i < ids.length; i++) {
    if (seen.has(ids[i]!)) return i;
    seen.add(ids[i]!);
  }
  return -1;
}

/** Walks an error's causes for a Postgres unique violation of this constraint. */
export function violates(error: unknown, constraint: string, code = "23505"): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint_name?: string; constraint?: string };
    if (pg.code === code && (pg.constraint_name ?? pg.constraint) === constraint) return true;
  }
  return false;
}
