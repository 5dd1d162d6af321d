// The forms of a placement's progress, one zod schema each: the server parses them with conform and the
// browser gets the same constraints. Messages are i18n keys (matchRuns.validation.*).
import { z } from "zod";

const placementId = z.uuid({ error: "matchRuns.validation.choose" });
const date = z.string({ error: "matchRuns.validation.date" }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: "matchRuns.validation.date" });

export const periodSchema = z.object({ intent: z.literal("period"), placementId, startsOn: date, endsOn: date });

export const internshipSchema = z.object({
  intent: z.literal("internship"),
  placementId,
  partnerName: z.string({ error: "matchRuns.validation.partnerName" }).trim().min(1, { error: "matchRuns.validation.partnerName" }).max(200, { error: "validation.tooLong" }),
  isMedicalCentre: z.boolean().optional(),
  startsOn: date,
  endsOn: date,
});

export const hoursSchema = z.object({
  intent: z.literal("hours"),
  placementId,
  attendedOn: date,
  hours: z.number({ error: "matchRuns.validation.hours" }).min(0.5, { error: "matchRuns.validation.hours" }).max(8, { error: "matchRuns.validation.hours" }).multipleOf(0.5, { error: "matchRuns.validation.hours" }),
  topic: z.string({ error: "matchRuns.validation.topic" }).trim().min(1, { error: "matchRuns.validation.topic" }).max(200, { error: "validation.tooLong" }),
});

export const completeSchema = z.object({ intent: z.literal("complete"), placementId });
export const missedSchema = z.object({ intent: z.literal("missed"), placementId });

export const placementIntents = ["period", "internship", "hours", "complete", "missed"] as const;
export type PlacementIntent = (typeof placementIntents)[number];
