// The forms of missions, in the browser and on the server. Messages are i18n keys.
import { z } from "zod";

const text = (max: number) => z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(max, "validation.tooLong");
const optionalText = (max: number) => z.string().trim().max(max, "validation.tooLong").optional();
const localTime = z.string({ error: "validation.required" }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "missions.validation.dateTime");

export const missionSchema = z
  .object({
    kind: z.enum(["recruitment_mission", "matchmaking_fair"], { error: "validation.choose" }),
    titleZh: text(160),
    titleEn: text(160),
    descriptionZh: optionalText(4000),
    descriptionEn: optionalText(4000),
    startsLocal: localTime,
    endsLocal: localTime,
    timeZone: text(64),
    online: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
    venue: optionalText(200),
    city: optionalText(80),
    country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "validation.country").optional(),
    meetingMinutes: z.coerce.number({ error: "missions.validation.minutes" }).int("missions.validation.minutes").min(5, "missions.validation.minutes").max(240, "missions.validation.minutes"),
  })
  .superRefine((value, ctx) => {
    if (!value.online && !value.venue) ctx.addIssue({ code: "custom", path: ["venue"], message: "missions.validation.venue" });
  });
export type MissionFormValue = z.output<typeof missionSchema>;

export const addMeetingSchema = z.object({
  intent: z.literal("addMeeting"),
  pair: z.string({ error: "validation.choose" }).regex(/^[0-9a-f-]{36}\|[^|]{1,64}$/i, "validation.choose"),
  startsLocal: localTime,
});

export const attendanceSchema = z.object({
  intent: z.literal("attendance"),
  meetingId: z.uuid({ error: "validation.choose" }),
  status: z.enum(["held", "no_show", "cancelled", "confirmed"], { error: "validation.choose" }),
  followUp: optionalText(2000),
});
