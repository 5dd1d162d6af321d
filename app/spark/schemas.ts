// The forms of the SPARK pages, one zod schema each; the server parses them with conform and the same
// limits give the browser its constraints. Messages are i18n keys.
import { z } from "zod";
import { memberRoles, mentorModes, milestoneStatuses, stages, WITHDRAWAL_REASON_MAX, WITHDRAWAL_REASON_MIN } from "./rules";

const isCalendarDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};
const day = z.string({ error: "validation.required" }).trim().refine(isCalendarDate, "spark.validation.date");
const text = (max: number) => z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(max, "spark.validation.tooLong");
const uuid = z.string({ error: "validation.required" }).regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "spark.validation.choose");
const ntd = z.number({ error: "spark.validation.amount" }).int("spark.validation.amount").min(0, "spark.validation.amount").max(100_000_000, "spark.validation.amount");
const time = z.string({ error: "validation.required" }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "spark.validation.time");

export const applySchema = z.object({
  intent: z.literal("apply"),
  intakeId: uuid,
  projectTitle: text(200),
  clinicalNeed: text(4000),
  technology: text(4000),
  stage: z.enum(stages, { error: "spark.validation.choose" }),
  leadRole: z.enum(memberRoles, { error: "spark.validation.choose" }),
});

export const inviteSchema = z.object({
  intent: z.literal("invite"),
  email: z.string({ error: "validation.required" }).trim().toLowerCase().max(254, "spark.validation.tooLong").email("spark.validation.email"),
  role: z.enum(memberRoles, { error: "spark.validation.choose" }),
});

export const milestoneSchema = z.object({
  intent: z.literal("milestone"),
  title: text(200),
  deliverable: text(2000),
  dueOn: day,
});

export const milestoneUpdateSchema = z.object({
  intent: z.literal("milestone-update"),
  milestoneId: uuid,
  status: z.enum(milestoneStatuses, { error: "spark.validation.choose" }),
});

export const spendSchema = z.object({
  intent: z.literal("spend"),
  amountNtd: ntd.min(1, "spark.validation.amount"),
  spentOn: day,
  description: text(500),
});

export const intakeSchema = z
  .object({
    intent: z.literal("intake"),
    programmeKey: z.string({ error: "spark.validation.choose" }).regex(/^[a-z0-9-]{1,100}$/, "spark.validation.choose"),
    year: z.number({ error: "spark.validation.year" }).int("spark.validation.year").min(2000, "spark.validation.year").max(2100, "spark.validation.year"),
    teamTarget: z.number({ error: "spark.validation.target" }).int("spark.validation.target").min(1, "spark.validation.target").max(1000, "spark.validation.target"),
    startsOn: day,
    endsOn: day,
  })
  .superRefine((value, ctx) => {
    if (value.endsOn <= value.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "spark.validation.endsBeforeStart" });
  });

export const decisionSchema = z.object({ intent: z.enum(["selected", "not_selected"]), teamId: uuid });

export const mentorSchema = z.object({
  intent: z.literal("mentor"),
  teamId: uuid,
  mentorUserId: z.string({ error: "spark.validation.choose" }).min(1, "spark.validation.choose").max(100, "spark.validation.choose"),
  mode: z.enum(mentorModes, { error: "spark.validation.choose" }),
});

export const budgetSchema = z.object({ intent: z.literal("budget"), teamId: uuid, budgetNtd: ntd });

export const demoDaySchema = z
  .object({
    intent: z.literal("demo-day"),
    titleZh: text(200),
    titleEn: text(200),
    date: day,
    startTime: time,
    endTime: time,
    venue: text(300),
    meetingMinutes: z.number({ error: "spark.validation.minutes" }).int("spark.validation.minutes").min(5, "spark.validation.minutes").max(240, "spark.validation.minutes"),
  })
  .superRefine((value, ctx) => {
    if (value.endTime <= value.startTime) ctx.addIssue({ code: "custom", path: ["endTime"], message: "spark.validation.endsBeforeStart" });
  });

export const meetingLogSchema = z.object({
  intent: z.literal("meeting"),
  assignmentId: uuid,
  metOn: day,
  minutes: z.number({ error: "spark.validation.minutes" }).int("spark.validation.minutes").min(1, "spark.validation.minutes").max(1440, "spark.validation.minutes"),
  notes: text(4000),
});

export const demoDayActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("register-team"), teamId: uuid }),
  z.object({ intent: z.literal("present"), teamId: uuid, present: z.enum(["yes", "no"]) }),
  z.object({ intent: z.literal("interest"), teamId: uuid }),
  z.object({ intent: z.literal("meeting"), teamId: uuid, startsAt: z.string({ error: "spark.validation.choose" }).max(40, "spark.validation.choose") }),
]);

/** The lead's withdrawal: the reason is optional, the box saying it is final must be ticked. */
export const leadWithdrawSchema = z.object({
  intent: z.literal("withdraw"),
  reason: z.string().trim().max(WITHDRAWAL_REASON_MAX, "spark.validation.withdrawReasonTooLong").optional(),
  confirm: z.literal("yes", { error: "spark.validation.withdrawConfirm" }),
});

/** The office's withdrawal of one team of the intake: the reason is required (5–500 characters). */
export const officeWithdrawSchema = z.object({
  intent: z.literal("withdraw"),
  teamId: uuid,
  reason: z
    .string({ error: "spark.validation.withdrawReason" })
    .trim()
    .min(WITHDRAWAL_REASON_MIN, "spark.validation.withdrawReason")
    .max(WITHDRAWAL_REASON_MAX, "spark.validation.withdrawReasonTooLong"),
});
