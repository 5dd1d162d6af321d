// The round form (/office/rounds and a draft's page), in the browser and on the server. Dates are typed
// in Taipei time; the nine must follow the programme's order (calendar.ts), which the database's
// placement_rounds_calendar check backs. Criteria are rows of fixed slots; empty rows are skipped
// (filledCriteria; conform cannot read a schema whose root is a transform).
import { z } from "zod";
import { deadlineColumns, deadlineKeys, fromTaipeiLocal, type CalendarColumn } from "./calendar";

export const CRITERION_SLOTS = 8;
/** The stipend of section 五 of 002: NT$56,650 a month (the NSC's first-year postdoctoral rate). */
export const DEFAULT_MONTHLY_STIPEND_NTD = 56_650;

const text = (max: number) => z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(max, "placement.validation.tooLong");
const whole = (min: number, max: number, message: string) => z.number({ error: message }).int(message).min(min, message).max(max, message);

const taipeiDateTime = z
  .string({ error: "validation.required" })
  .transform((value, ctx) => {
    const date = fromTaipeiLocal(value.trim());
    if (!date) {
      ctx.addIssue({ code: "custom", message: "placement.validation.dateTime" });
      return z.NEVER;
    }
    return date;
  });

const isCalendarDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

const criterionRow = z
  .object({
    key: z.string().trim().regex(/^[a-z][a-z0-9-]{0,31}$/, "placement.validation.criterionKey").optional(),
    labelZh: z.string().trim().max(80, "placement.validation.tooLong").optional(),
    labelEn: z.string().trim().max(120, "placement.validation.tooLong").optional(),
    weight: z.number({ error: "placement.validation.weight" }).positive("placement.validation.weight").max(999, "placement.validation.weight").optional(),
    maxScore: whole(1, 1000, "placement.validation.maxScore").optional(),
  })
  .optional();

const calendarShape = Object.fromEntries(deadlineKeys.map((key) => [deadlineColumns[key], taipeiDateTime])) as Record<CalendarColumn, typeof taipeiDateTime>;

export const roundSchema = z
  .object({
    programmeId: z.uuid({ error: "validation.choose" }),
    year: whole(2000, 2100, "placement.validation.year"),
    titleZh: text(120),
    titleEn: text(160),
    monthlyStipendNtd: whole(1, 1_000_000, "placement.validation.stipend"),
    maxPreferences: whole(1, 30, "placement.validation.maxPreferences"),
    totalQuota: whole(0, 10_000, "placement.validation.totalQuota"),
    ...calendarShape,
    trainingStartsOn: z.string({ error: "validation.required" }).trim().refine(isCalendarDate, "placement.validation.date"),
    criteria: z.array(criterionRow).max(CRITERION_SLOTS).default([]),
  })
  .superRefine((value, ctx) => {
    for (let i = 1; i < deadlineKeys.length; i++) {
      const column = deadlineColumns[deadlineKeys[i]!];
      const previous = value[deadlineColumns[deadlineKeys[i - 1]!]];
      if (value[column] instanceof Date && previous instanceof Date && value[column] < previous) {
        ctx.addIssue({ code: "custom", path: [column], message: "placement.validation.calendarOrder" });
      }
    }
    const seen = new Set<string>();
    value.criteria.forEach((row, i) => {
      if (!row || Object.values(row).every((v) => v === undefined)) return;
      for (const field of ["key", "labelZh", "labelEn", "weight", "maxScore"] as const) {
        if (row[field] === undefined || row[field] === "") ctx.addIssue({ code: "custom", path: ["criteria", i, field], message: "placement.validation.criterionIncomplete" });
      }
      if (row.key && seen.has(row.key)) ctx.addIssue({ code: "custom", path: ["criteria", i, "key"], message: "placement.validation.criterionTwice" });
      if (row.key) seen.add(row.key);
    });
    if (!value.criteria.some((row) => row && row.key)) ctx.addIssue({ code: "custom", path: ["criteria"], message: "placement.validation.noCriteria" });
  });

export type RoundFormValue = z.output<typeof roundSchema>;

/** The rows the office filled in (the schema has checked each is complete). */
export function filledCriteria(rows: RoundFormValue["criteria"]) {
  return rows
    .filter((row): row is NonNullable<typeof row> => !!row?.key)
    .map((row) => ({ key: row.key!, labelZh: row.labelZh!, labelEn: row.labelEn!, weight: row.weight!, maxScore: row.maxScore! }));
}
/** What the form starts with: every value as the input shows it. */
export type RoundFormDefaults = Record<string, unknown>;
