// A PhD programme round's calendar: its nine dates in the order the programme runs them (section 五 of
// 002: units apply, the office and panel review, trainees register and list preferences, units
// interview and rank, the office matches, publishes and units check trainees in). Every write of the
// programme calls assertBefore with the deadline it belongs to, so nothing is accepted late and the
// refusal names the deadline. Pure: shared by domain modules and pages.
import type { TFunction } from "i18next";
import { formatDateTime } from "../i18n/format";
import type { Locale } from "../i18n/resources";

export const deadlineKeys = [
  "unitApplications",
  "review",
  "registrationOpens",
  "preferences",
  "interviews",
  "unitRanking",
  "match",
  "publication",
  "checkIn",
] as const;
export type DeadlineKey = (typeof deadlineKeys)[number];

/** The round's column that holds each date (placement_rounds). */
export const deadlineColumns = {
  unitApplications: "unitApplicationsCloseAt",
  review: "reviewCloseAt",
  registrationOpens: "registrationOpenAt",
  preferences: "preferencesCloseAt",
  interviews: "interviewsCloseAt",
  unitRanking: "unitRankingCloseAt",
  match: "matchAt",
  publication: "publishAt",
  checkIn: "checkInCloseAt",
} as const satisfies Record<DeadlineKey, string>;
export type CalendarColumn = (typeof deadlineColumns)[DeadlineKey];

/** The nine dates; loaders hand them to pages as ISO strings, so both are accepted. */
export type RoundCalendar = Record<CalendarColumn, Date | string>;

/** i18n keys of each date's name, e.g. placement.calendar.unitApplications. */
export const deadlineLabelKey = (key: DeadlineKey) => `placement.calendar.${key}` as const;

/** English names for logs and error messages outside a page; pages use deadlineLabelKey. */
const englishNames: Record<DeadlineKey, string> = {
  unitApplications: "unit quota applications close",
  review: "review closes",
  registrationOpens: "trainee registration opens",
  preferences: "trainee preferences close",
  interviews: "interviews close",
  unitRanking: "unit rankings close",
  match: "match",
  publication: "publication of results",
  checkIn: "check-in closes",
};

const at = (round: RoundCalendar, key: DeadlineKey): Date => new Date(round[deadlineColumns[key]]);

export interface Deadline {
  key: DeadlineKey;
  column: CalendarColumn;
  at: Date;
  labelKey: ReturnType<typeof deadlineLabelKey>;
}

/** The round's dates in programme order. */
export function deadlinesOf(round: RoundCalendar): Deadline[] {
  return deadlineKeys.map((key) => ({ key, column: deadlineColumns[key], at: at(round, key), labelKey: deadlineLabelKey(key) }));
}

/**
 * Dates out of programme order: each date may equal but never precede the one before it. Returns
 * the later date of each wrong pair (to show the error beside it); empty when the calendar is in order.
 */
export function calendarOrderProblems(round: RoundCalendar): { key: DeadlineKey; column: CalendarColumn; after: DeadlineKey }[] {
  const problems: { key: DeadlineKey; column: CalendarColumn; after: DeadlineKey }[] = [];
  for (let i = 1; i < deadlineKeys.length; i++) {
    const key = deadlineKeys[i]!;
    const previous = deadlineKeys[i - 1]!;
    if (at(round, key).getTime() < at(round, previous).getTime()) problems.push({ key, column: deadlineColumns[key], after: previous });
  }
  return problems;
}

const taipei = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Taipei" });

/** Something was written after the deadline it belongs to. `deadline` names it, `at` says when it passed. */
export class DeadlinePassedError extends Error {
  readonly code = "deadlinePassed" as const;
  constructor(
    readonly deadline: DeadlineKey,
    readonly at: Date,
  ) {
    super(`The deadline "${englishNames[deadline]}" passed on ${taipei.format(at)} (Taipei time)`);
    this.name = "DeadlinePassedError";
  }

  get labelKey() {
    return deadlineLabelKey(this.deadline);
  }
}

export function hasPassed(round: RoundCalendar, key: DeadlineKey, now: Date = new Date()): boolean {
  return now.getTime() >= at(round, key).getTime();
}

/** Throws DeadlinePassedError when `now` is at or after the round's `key` date. */
export function assertBefore(round: RoundCalendar, key: DeadlineKey, now: Date = new Date()): void {
  if (hasPassed(round, key, now)) throw new DeadlinePassedError(key, at(round, key));
}

/** The refusal in the page's language: "<deadline> passed on <date, Taipei time>". */
export function describeDeadlinePassed(error: Pick<DeadlinePassedError, "deadline" | "at">, t: TFunction, locale: Locale): string {
  return t("placement.refusal.deadlinePassed", { deadline: t(deadlineLabelKey(error.deadline)), at: formatDateTime(error.at, locale) });
}

/**
 * What the round is doing at `now`. Each phase runs until its date: units apply until
 * unitApplications, the panel reviews until review, the office allocates and publishes quotas until
 * registration opens, trainees list preferences until preferences, and so on; after check-in closes
 * the trainees are in training. A draft round has not started; a closed one is over.
 */
export const phases = [
  "draft",
  "unitApplications",
  "review",
  "allocation",
  "registration",
  "interviews",
  "unitRanking",
  "match",
  "verification",
  "checkIn",
  "training",
  "closed",
] as const;
export type Phase = (typeof phases)[number];

const phaseUntil: [Phase, DeadlineKey][] = [
  ["unitApplications", "unitApplications"],
  ["review", "review"],
  ["allocation", "registrationOpens"],
  ["registration", "preferences"],
  ["interviews", "interviews"],
  ["unitRanking", "unitRanking"],
  ["match", "match"],
  ["verification", "publication"],
  ["checkIn", "checkIn"],
];

export function currentPhase(round: RoundCalendar & { status?: string }, now: Date = new Date()): Phase {
  if (round.status === "draft") return "draft";
  if (round.status === "closed") return "closed";
  for (const [phase, until] of phaseUntil) if (!hasPassed(round, until, now)) return phase;
  return "training";
}

export const phaseLabelKey = (phase: Phase) => `placement.phase.${phase}` as const;

// Form values: a date and time typed in Taiwan (UTC+8 all year; no daylight saving since 1979).

/** "2026-03-01T17:00" typed in Taipei → the instant. Null when it is not such a value. */
export function fromTaipeiLocal(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const date = new Date(`${value}:00+08:00`);
  // Date rolls 30 February over into March; such a value was never a date.
  return Number.isNaN(date.getTime()) || toTaipeiLocal(date) !== value ? null : date;
}

/** An instant as the value of a datetime-local input in Taipei, e.g. "2026-03-01T17:00". */
export function toTaipeiLocal(value: Date | string): string {
  return new Date(new Date(value).getTime() + 8 * 3600_000).toISOString().slice(0, 16);
}
