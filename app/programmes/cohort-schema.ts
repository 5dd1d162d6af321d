// Forms of the cohort pages: a new cohort, attendance for one session, and the talent's enrol/withdraw.
import { z } from "zod";

const isCalendarDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};
const day = z.string({ error: "validation.required" }).trim().refine(isCalendarDate, "catalogue.validation.date");

const cohortFields = {
  name: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(80, "catalogue.validation.tooLong"),
  startsOn: day,
  endsOn: day,
  capacity: z.number({ error: "catalogue.validation.capacity" }).int("catalogue.validation.capacity").min(1, "catalogue.validation.capacity").max(10_000, "catalogue.validation.capacity"),
  icapLevel: z.number({ error: "catalogue.validation.icap" }).int("catalogue.validation.icap").min(1, "catalogue.validation.icap").max(7, "catalogue.validation.icap").optional(),
  /** Taipei local date and time from a datetime-local input. */
  enrolmentClosesAt: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "catalogue.validation.dateTime").optional(),
};
const endsAfterStart = (value: { startsOn: string; endsOn: string }, ctx: z.RefinementCtx) => {
  if (value.endsOn < value.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "catalogue.validation.endsBeforeStart" });
};

export const cohortSchema = z.object({ intent: z.literal("cohort"), ...cohortFields }).superRefine(endsAfterStart);
/** The same fields, changed on the cohort's own page. */
export const editCohortSchema = z.object({ intent: z.literal("editCohort"), ...cohortFields }).superRefine(endsAfterStart);

/** A Taipei wall-clock time (UTC+8, no daylight saving) as an instant. */
export const taipeiInstant = (local: string) => new Date(`${local}:00+08:00`);

export const attendanceSchema = z.object({
  intent: z.literal("attendance"),
  sessionOn: day,
  present: z.array(z.uuid()).default([]),
});

export const enrolmentIntentSchema = z.object({ intent: z.enum(["enrol", "withdraw"]), cohortId: z.uuid() });
export const staffIntentSchema = z.object({ intent: z.enum(["complete", "certificate"]), enrolmentId: z.uuid() });

/** Staff withdraw an issued certificate; the reason goes to the holder and the audit log. */
export const REVOKE_REASON_MAX = 500;
export const revokeSchema = z.object({
  intent: z.literal("revoke"),
  enrolmentId: z.uuid(),
  reason: z
    .string({ error: "catalogue.validation.revokeReason" })
    .trim()
    .min(5, "catalogue.validation.revokeReason")
    .max(REVOKE_REASON_MAX, "catalogue.validation.revokeReasonTooLong"),
});
