// The shape of every file in seeds/data. The loader parses each file with these schemas before it
// writes anything, so a transcription mistake fails the seed instead of landing in the database.
import { z } from "zod";

/** Where a record comes from: the report file and the table or section within it. */
export const citation = z.object({
  file: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/),
  location: z.string().min(1), // e.g. "表 4", "五、(二)", "附件四"
});

export const educationLevel = z.enum(["high_school", "college", "master", "phd"]);
export const experienceBand = z.enum(["none", "under_2", "2_to_5", "over_5", "any"]);
export const difficulty = z.enum(["easy", "normal", "hard"]);

export const skillSeed = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/),
  zh: z.string().min(1),
  en: z.string().min(1),
  aliases: z.array(z.string()).default([]),
});

export const educationFieldSeed = z.object({
  code: z.string().regex(/^\d{4,5}$/),
  zh: z.string().min(1),
  en: z.string().min(1),
});

export const shortageReasonSeed = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/),
  zh: z.string().min(1),
  en: z.string().min(1),
  /** Other wordings of the same reason in the reports, exactly as written. */
  aliases: z.array(z.string()).default([]),
});

export const occupationSeed = z.object({
  code: z.string().regex(/^\d{6}$/),
  /** Job title exactly as the survey writes it, without the code. */
  titleZh: z.string().min(1),
  titleEn: z.string().min(1),
  descriptionZh: z.string().min(1),
  descriptionEn: z.string().min(1),
  minEducation: educationLevel,
  /** Education fields in the order the table lists them. `asWritten` keeps the report's wording. */
  educationFields: z.array(z.object({ code: z.string().regex(/^\d{4,5}$/), asWritten: z.string().min(1) })),
  /** True where the table also says 不拘 (any field) after the listed ones. */
  anyEducationField: z.boolean().default(false),
  skills: z.array(z.object({ key: z.string(), asWritten: z.string().min(1) })).min(1),
  experience: experienceBand,
  difficulty,
  overseasNeeded: z.boolean(),
  shortageReasons: z.array(z.object({ key: z.string(), asWritten: z.string().min(1) })).min(1),
  /** iCAP competency-standard level; null where the table shows — or -. */
  icapLevel: z.number().int().min(1).max(7).nullable(),
  source: citation,
});

export const forecastSeed = z.object({
  year: z.number().int().min(2000).max(2100),
  scenario: z.enum(["optimistic", "flat", "conservative"]),
  newDemand: z.number().int().nonnegative(),
  /** New demand as a share of total employment, in percent, where the table gives it. */
  newDemandSharePct: z.number().nullable().default(null),
  /** Revenue in NT$ 100 million (億元), where given. */
  revenueHundredMillionNtd: z.number().nullable().default(null),
  /** Revenue growth rate in percent, where given (one value per year in the table). */
  revenueGrowthPct: z.number().nullable().default(null),
  /** Employment (從業人員人數), where given (one value per year in the table). */
  employment: z.number().int().nullable().default(null),
  /** New supply, where given; null where the table shows -. */
  newSupply: z.number().int().nullable().default(null),
});

export const recruitmentDifficultySeed = z.object({
  jobCategoryZh: z.string().min(1),
  jobCategoryEn: z.string().min(1),
  difficulty,
  sharePct: z.number().min(0).max(100),
});

export const surveySeed = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/),
  titleZh: z.string().min(1),
  titleEn: z.string().min(1),
  publisherZh: z.string().min(1),
  publisherEn: z.string().min(1),
  /** Year the survey was carried out or published (Gregorian). */
  year: z.number().int(),
  forecastFromYear: z.number().int(),
  forecastToYear: z.number().int(),
  /** Free-text notes on the forecast method, as the report states it. */
  forecastMethodZh: z.string().min(1),
  forecastMethodEn: z.string().min(1),
  source: citation,
  occupations: z.array(occupationSeed).min(1),
  forecast: z.object({ source: citation, rows: z.array(forecastSeed).min(1) }),
  recruitmentDifficulty: z
    .object({ source: citation, rows: z.array(recruitmentDifficultySeed).min(1) })
    .nullable()
    .default(null),
});

export const programmeType = z.enum(["spark_course", "device_fellowship", "phd_placement", "industry_course"]);

export const programmeSeed = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/),
  type: programmeType,
  titleZh: z.string().min(1),
  titleEn: z.string().min(1),
  providerZh: z.string().min(1),
  providerEn: z.string().min(1),
  summaryZh: z.string().min(1),
  summaryEn: z.string().min(1),
  /** The programme's rules, one short statement each, as the report states them. */
  rules: z.array(z.object({ zh: z.string().min(1), en: z.string().min(1) })).min(1),
  /** Numeric targets from the report (e.g. teams per year, trainees per year). */
  targets: z
    .array(
      z.object({
        metric: z.string().regex(/^[a-z0-9_]+$/),
        labelZh: z.string().min(1),
        labelEn: z.string().min(1),
        value: z.number(),
        unitZh: z.string().min(1),
        unitEn: z.string().min(1),
        /** Gregorian year the target applies to, or null for "per year" / programme-wide. */
        year: z.number().int().nullable(),
      }),
    )
    .default([]),
  durationMonths: z.number().int().positive().nullable(),
  monthlyStipendNtd: z.number().int().nonnegative().nullable(),
  capacityPerYear: z.number().int().nonnegative().nullable(),
  /** Skill keys (from skills.json) the programme teaches, with a level 1-5. */
  skillsTaught: z.array(z.object({ key: z.string(), level: z.number().int().min(1).max(5) })).default([]),
  /** Occupation codes the programme targets. */
  targetOccupationCodes: z.array(z.string().regex(/^\d{6}$/)).default([]),
  source: citation,
});

export type SurveySeed = z.infer<typeof surveySeed>;
export type OccupationSeed = z.infer<typeof occupationSeed>;
export type ProgrammeSeed = z.infer<typeof programmeSeed>;
export type SkillSeed = z.infer<typeof skillSeed>;
export type EducationFieldSeed = z.infer<typeof educationFieldSeed>;
export type ShortageReasonSeed = z.infer<typeof shortageReasonSeed>;
