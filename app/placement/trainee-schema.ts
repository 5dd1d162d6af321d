// The trainee and unit-selection forms, in the browser and on the server: eligibility with its evidence,
// the ranked list, withdrawal, the office's scores and CSV import, and a unit's interviews. Messages are
// i18n keys.
import { z } from "zod";
import { phdStatus } from "../../db/schema/enums";
import { fromTaipeiLocal } from "./calendar";
import { listFormShape } from "./ranked-list";
import { isCalendarDate } from "./trainee-rules";

export const eligibilitySchema = z.object({
  intent: z.literal("eligibility"),
  /** The version read; absent when starting. */
  version: z.number().int().min(1).optional(),
  phdStatus: z.enum(phdStatus.enumValues, { error: "trainees.validation.phdStatus" }),
  phdDate: z.string({ error: "trainees.validation.date" }).trim().refine(isCalendarDate, "trainees.validation.date"),
  /** Optional once evidence is on file; the domain refuses a start without it. */
  evidence: z.instanceof(File).optional(),
});

export const preferencesSchema = z.object(listFormShape);

export const withdrawSchema = z.object({ intent: z.literal("withdraw"), version: z.number().int().min(1) });

export const scoreSchema = z.object({
  intent: z.literal("score"),
  applicationId: z.uuid(),
  /** Empty clears the score. */
  score: z.string().trim().max(12).regex(/^(\d{1,3}(\.\d{1,2})?)?$/, "trainees.validation.score").optional(),
});

export const importSchema = z.object({ intent: z.literal("import"), file: z.instanceof(File, { error: "trainees.validation.file" }) });

const taipeiDateTime = z.string({ error: "trainees.validation.dateTime" }).transform((value, ctx) => {
  const date = fromTaipeiLocal(value.trim());
  if (!date) {
    ctx.addIssue({ code: "custom", message: "trainees.validation.dateTime" });
    return z.NEVER;
  }
  return date;
});

export const interviewSchema = z.object({
  intent: z.literal("schedule"),
  applicationId: z.uuid(),
  startsAt: taipeiDateTime,
  endsAt: taipeiDateTime,
  location: z.string({ error: "trainees.validation.location" }).trim().min(1, "trainees.validation.location").max(200, "trainees.validation.tooLong"),
});

export const interviewStatusSchema = z.object({ intent: z.enum(["held", "no_show", "cancelled"]), interviewId: z.uuid() });

export const rankingSchema = z.object(listFormShape);
