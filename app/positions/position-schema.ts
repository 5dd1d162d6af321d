// The position form, shared by /positions/new and /positions/:id/edit, in the browser and on the server.
// Messages are i18n keys. Money is whole NT$ a month (thousands separators allowed); the deadline is a
// calendar date in Taiwan, so "not in the past" is judged against today's date in Taipei.
import { z } from "zod";
import type { EducationLevel, ExperienceBand } from "./positions.server";
import { todayInTaipei } from "./dates";

export const educationLevels = ["high_school", "college", "master", "phd"] as const satisfies readonly EducationLevel[];
export const experienceBands = ["none", "under_2", "2_to_5", "over_5", "any"] as const satisfies readonly ExperienceBand[];
/** The languages a position may name; the same tags as the talent profile, so the match score can compare them. */
export const workingLanguageTags = ["zh", "en", "ja", "ko", "de", "fr", "es", "vi", "id", "th"] as const;

export const SALARY_MAX_NTD = 10_000_000;
export const HEADCOUNT_MAX = 999;
/** Skills are picked in order, one select per place; the vocabulary has 14, so this never cuts a survey row. */
export const SKILL_SLOTS = 16;

const ntdPerMonth = z
  .string()
  .trim()
  .regex(/^(\d{1,3}(,\d{3})+|\d+)$/, "positions.validation.salaryWhole")
  .transform((text) => Number(text.replace(/,/g, "")))
  .pipe(z.number().max(SALARY_MAX_NTD, "positions.validation.salaryTooHigh"))
  .optional();

const isCalendarDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

const text = (max: number) => z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(max, "positions.validation.tooLong");

export const positionSchema = z
  .object({
    /** New positions only: which of the viewer's companies posts it. */
    organisationId: z.uuid({ error: "validation.choose" }).optional(),
    /** Edits only: the version the editor read, so a colleague's save in between is not overwritten. */
    version: z.number().int().min(1).optional(),
    title: text(120),
    description: text(8000),
    city: text(60),
    salaryMinNtd: ntdPerMonth,
    salaryMaxNtd: ntdPerMonth,
    headcount: z
      .number({ error: "positions.validation.headcount" })
      .int("positions.validation.headcount")
      .min(1, "positions.validation.headcount")
      .max(HEADCOUNT_MAX, "positions.validation.headcount"),
    applicationDeadline: z
      .string()
      .trim()
      .refine(isCalendarDate, "positions.validation.date")
      .refine((date) => date >= todayInTaipei(), "positions.validation.deadlinePast")
      .optional(),
    minEducation: z.enum(educationLevels, { error: "validation.choose" }),
    experience: z.enum(experienceBands, { error: "validation.choose" }),
    workingLanguages: z.array(z.enum(workingLanguageTags)).min(1, "positions.validation.language").max(workingLanguageTags.length),
    /** One select per place in order; empty places are skipped. */
    skillKeys: z
      .array(z.string().regex(/^[a-z0-9-]{1,64}$/).optional())
      .max(SKILL_SLOTS)
      .default([])
      .transform((keys) => keys.filter((key): key is string => !!key)),
    educationFieldCodes: z.array(z.string().regex(/^[0-9]{4,5}$/)).max(200).default([]),
    openToOverseas: z.boolean().default(false),
    supportsWorkPermit: z.boolean().default(false),
  })
  .superRefine((value, ctx) => {
    // A refused amount reaches here as the text typed; only two valid amounts are compared.
    const { salaryMinNtd: min, salaryMaxNtd: max } = value;
    if (typeof min === "number" && typeof max === "number" && min > max) {
      ctx.addIssue({ code: "custom", path: ["salaryMaxNtd"], message: "positions.validation.salaryOrder" });
    }
    if (new Set(value.skillKeys).size !== value.skillKeys.length) {
      ctx.addIssue({ code: "custom", path: ["skillKeys"], message: "positions.validation.skillTwice" });
    }
    // The database would refuse it too; saying so beats quietly dropping the company's promise.
    if (value.supportsWorkPermit && !value.openToOverseas) {
      ctx.addIssue({ code: "custom", path: ["supportsWorkPermit"], message: "positions.validation.permitWithoutOverseas" });
    }
  });

export type PositionFormValue = z.output<typeof positionSchema>;

/** The form's fields as strings, the way the form is first filled in. */
export interface PositionFormDefaults {
  organisationId?: string;
  version?: string;
  title: string;
  description: string;
  city: string;
  salaryMinNtd: string;
  salaryMaxNtd: string;
  headcount: string;
  applicationDeadline: string;
  minEducation: string;
  experience: string;
  workingLanguages: string[];
  skillKeys: string[];
  educationFieldCodes: string[];
  openToOverseas: boolean;
  supportsWorkPermit: boolean;
}
