// The office calendar's forms, in the browser and on the server. Messages are i18n keys. Which
// weekday a kind may fall on is the domain's rule (office-calendar.server.ts), refused beside the date.
import { z } from "zod";
import { calendarDayKinds, isCalendarDate } from "./office-calendar";

const name = z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(100, "validation.tooLong");

export const addCalendarDaySchema = z.object({
  date: z.string({ error: "validation.required" }).trim().min(1, "validation.required").refine((v) => v === "" || isCalendarDate(v), "tickets.calendar.validation.date"),
  kind: z.enum(calendarDayKinds, { error: "tickets.calendar.validation.kind" }),
  nameZh: name,
  nameEn: name,
});

export const removeCalendarDaySchema = z.object({ id: z.uuid({ error: "tickets.calendar.refusal.notFound" }) });

/** The year the page shows: `?year=`, else this year in Taiwan. */
export const calendarYearSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined) });
