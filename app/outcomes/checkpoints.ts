// When each outcome checkpoint falls and what an outcome may say. Pure: shared by the pages, the import,
// the survey and the KPI helpers. A completer is followed up at completion (結訓), and 6 and 12 months after.
// The lists are written out (not read from db/schema) so the browser bundle does not carry drizzle;
// the types below fail to compile if they drift from the database enums.
import type * as t from "../../db/schema/enums";

export type Checkpoint = (typeof t.outcomeCheckpoint.enumValues)[number];
export type OutcomeStatus = (typeof t.outcomeStatus.enumValues)[number];
export type SalaryBand = (typeof t.salaryBand.enumValues)[number];
export type VerificationState = (typeof t.verificationState.enumValues)[number];

export const checkpoints = ["completion", "six_months", "twelve_months"] as const satisfies readonly Checkpoint[];
export const outcomeStatuses = ["industry", "academia", "medical_institution", "government", "further_study", "seeking", "other"] as const satisfies readonly OutcomeStatus[];
export const salaryBands = ["under_40k", "40k_60k", "60k_80k", "80k_100k", "100k_150k", "over_150k", "undisclosed"] as const satisfies readonly SalaryBand[];
export const verificationStates = ["unverified", "verified", "disputed"] as const satisfies readonly VerificationState[];
type Covers<T, L extends readonly unknown[]> = [T] extends [L[number]] ? true : false;
/** true only while every database enum value is in its list above (a compile error otherwise). */
export const listsCoverEnums: [Covers<Checkpoint, typeof checkpoints>, Covers<OutcomeStatus, typeof outcomeStatuses>, Covers<SalaryBand, typeof salaryBands>, Covers<VerificationState, typeof verificationStates>] = [true, true, true, true];

/** Months after completion at which each checkpoint falls. */
export const checkpointMonths: Record<Checkpoint, number> = { completion: 0, six_months: 6, twelve_months: 12 };

/** Statuses that are a job, and so name an employer (the database checks it too). */
export const employedStatuses = ["industry", "academia", "medical_institution", "government"] as const satisfies readonly OutcomeStatus[];
export const isEmployed = (status: OutcomeStatus) => (employedStatuses as readonly string[]).includes(status);

/** The instant a checkpoint falls: the completion plus whole calendar months (the end of a shorter month when the day is missing). */
export function checkpointDue(completedAt: Date, checkpoint: Checkpoint): Date {
  const months = checkpointMonths[checkpoint];
  const due = new Date(completedAt);
  const day = due.getUTCDate();
  due.setUTCDate(1);
  due.setUTCMonth(due.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() + 1, 0)).getUTCDate();
  due.setUTCDate(Math.min(day, lastDay));
  return due;
}

/** How a survey link works: valid for 30 days; reminders 7 and 14 days after the first mail while unanswered. */
export const SURVEY_LIFETIME_DAYS = 30;
export const reminderDays = { day7: 7, day14: 14 } as const;
export type ReminderKey = keyof typeof reminderDays;
const DAY_MS = 24 * 60 * 60 * 1000;
export const days = (n: number) => n * DAY_MS;

/** The reminders that should have gone out by `now` for a link first mailed at `sentAt`, latest last. */
export function remindersDue(sentAt: Date, now: Date): ReminderKey[] {
  return (Object.keys(reminderDays) as ReminderKey[]).filter((key) => now.getTime() - sentAt.getTime() >= days(reminderDays[key]));
}
