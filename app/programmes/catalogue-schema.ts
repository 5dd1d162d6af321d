// The catalogue form, shared by /catalogue/new and /catalogue/:key/edit, in the browser and on the server.
// Messages are i18n keys. Skills come as "key:level" (one select per vocabulary skill, empty = not taught).
import { z } from "zod";

export const catalogueTypes = ["device_fellowship", "industry_course", "spark_course"] as const;
export const programmeLanguages = ["zh", "en", "zh-en"] as const;
export const NTD_MAX = 10_000_000;

const text = (max: number) => z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(max, "catalogue.validation.tooLong");
const optionalText = (max: number) => z.string().trim().max(max, "catalogue.validation.tooLong").optional();
const whole = (max: number, message: string) =>
  z
    .string()
    .trim()
    .regex(/^(\d{1,3}(,\d{3})+|\d+)$/, message)
    .transform((value) => Number(value.replace(/,/g, "")))
    .pipe(z.number().max(max, message))
    .optional();

export const programmeSchema = z
  .object({
    organisationId: z.uuid({ error: "validation.choose" }).optional(),
    type: z.enum(catalogueTypes, { error: "validation.choose" }),
    providerZh: text(120),
    providerEn: text(120),
    titleZh: text(120),
    titleEn: text(160),
    summaryZh: text(4000),
    summaryEn: text(4000),
    scheduleZh: optionalText(1000),
    scheduleEn: optionalText(1000),
    eligibilityZh: optionalText(1000),
    eligibilityEn: optionalText(1000),
    language: z.enum(programmeLanguages, { error: "validation.choose" }),
    city: optionalText(60),
    durationMonths: whole(60, "catalogue.validation.months"),
    capacityPerYear: whole(10_000, "catalogue.validation.capacity"),
    feeNtd: whole(NTD_MAX, "catalogue.validation.money"),
    monthlyStipendNtd: whole(NTD_MAX, "catalogue.validation.money"),
    skills: z
      .array(z.string().optional())
      .max(64)
      .default([])
      .transform((values) => values.filter((v): v is string => !!v))
      .refine((values) => values.every((v) => /^[a-z0-9-]{1,64}:[1-5]$/.test(v)), "catalogue.validation.skillLevel")
      .refine((values) => values.length > 0, "catalogue.validation.skills"),
    occupationCodes: z.array(z.string().regex(/^[0-9]{6}$/)).max(100).default([]),
  })
  .superRefine((value, ctx) => {
    if (value.feeNtd !== undefined && value.monthlyStipendNtd !== undefined && value.feeNtd > 0 && value.monthlyStipendNtd > 0) {
      ctx.addIssue({ code: "custom", path: ["monthlyStipendNtd"], message: "catalogue.validation.feeOrStipend" });
    }
  });

export type ProgrammeFormValue = z.output<typeof programmeSchema>;
