// Reference data transcribed from the surveys: what the industry cannot fill, and what it needs.
import { sql } from "drizzle-orm";
import { boolean, check, integer, numeric, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { educationLevel, experienceBand, forecastScenario, recruitmentDifficulty } from "./enums";
import { timestamps } from "./columns";

export const surveys = pgTable("surveys", {
  key: text("key").primaryKey(),
  titleZh: text("title_zh").notNull(),
  titleEn: text("title_en").notNull(),
  publisherZh: text("publisher_zh").notNull(),
  publisherEn: text("publisher_en").notNull(),
  year: integer("year").notNull(),
  forecastFromYear: integer("forecast_from_year").notNull(),
  forecastToYear: integer("forecast_to_year").notNull(),
  forecastMethodZh: text("forecast_method_zh").notNull(),
  forecastMethodEn: text("forecast_method_en").notNull(),
  sourceFile: text("source_file").notNull(),
  sourceLocation: text("source_location").notNull(),
  ...timestamps,
}, (t) => [check("surveys_forecast_years", sql`${t.forecastFromYear} <= ${t.forecastToYear}`)]);

export const skills = pgTable("skills", {
  key: text("key").primaryKey(),
  zh: text("zh").notNull().unique(),
  en: text("en").notNull(),
  aliases: text("aliases").array().notNull().default(sql`'{}'::text[]`),
  ...timestamps,
});

export const educationFields = pgTable("education_fields", {
  code: text("code").primaryKey(),
  zh: text("zh").notNull(),
  en: text("en").notNull(),
  ...timestamps,
}, (t) => [check("education_fields_code", sql`${t.code} ~ '^[0-9]{4,5}$'`)]);

export const shortageReasons = pgTable("shortage_reasons", {
  key: text("key").primaryKey(),
  zh: text("zh").notNull(),
  en: text("en").notNull(),
  aliases: text("aliases").array().notNull().default(sql`'{}'::text[]`),
  ...timestamps,
});

/** One 6-digit code of the Ministry of Labor's popular occupation classification. */
export const occupationCodes = pgTable("occupation_codes", {
  code: text("code").primaryKey(),
  ...timestamps,
}, (t) => [check("occupation_codes_code", sql`${t.code} ~ '^[0-9]{6}$'`)]);

/** A shortage occupation as one survey reports it; the same code may appear in several surveys. */
export const occupations = pgTable("occupations", {
  id: uuid("id").primaryKey().defaultRandom(),
  surveyKey: text("survey_key").notNull().references(() => surveys.key, { onDelete: "cascade" }),
  code: text("code").notNull().references(() => occupationCodes.code),
  /** The row's position in the survey's table, so lists keep the report's order. */
  tableOrder: integer("table_order").notNull(),
  titleZh: text("title_zh").notNull(),
  titleEn: text("title_en").notNull(),
  descriptionZh: text("description_zh").notNull(),
  descriptionEn: text("description_en").notNull(),
  minEducation: educationLevel("min_education").notNull(),
  anyEducationField: boolean("any_education_field").notNull().default(false),
  experience: experienceBand("experience").notNull(),
  difficulty: recruitmentDifficulty("difficulty").notNull(),
  overseasNeeded: boolean("overseas_needed").notNull(),
  icapLevel: integer("icap_level"),
  sourceFile: text("source_file").notNull(),
  sourceLocation: text("source_location").notNull(),
  ...timestamps,
}, (t) => [
  unique("occupations_survey_code").on(t.surveyKey, t.code),
  unique("occupations_survey_order").on(t.surveyKey, t.tableOrder),
  check("occupations_icap_level", sql`${t.icapLevel} between 1 and 7`),
  check("occupations_table_order", sql`${t.tableOrder} >= 1`),
]);

export const occupationSkills = pgTable("occupation_skills", {
  occupationId: uuid("occupation_id").notNull().references(() => occupations.id, { onDelete: "cascade" }),
  position: integer("position").notNull(),
  skillKey: text("skill_key").notNull().references(() => skills.key),
  asWritten: text("as_written").notNull(),
}, (t) => [
  primaryKey({ columns: [t.occupationId, t.position] }),
  unique("occupation_skills_once").on(t.occupationId, t.skillKey),
  check("occupation_skills_position", sql`${t.position} >= 1`),
]);

export const occupationEducationFields = pgTable("occupation_education_fields", {
  occupationId: uuid("occupation_id").notNull().references(() => occupations.id, { onDelete: "cascade" }),
  position: integer("position").notNull(),
  fieldCode: text("field_code").notNull().references(() => educationFields.code),
  asWritten: text("as_written").notNull(),
}, (t) => [
  primaryKey({ columns: [t.occupationId, t.position] }),
  unique("occupation_fields_once").on(t.occupationId, t.fieldCode),
  check("occupation_fields_position", sql`${t.position} >= 1`),
]);

export const occupationShortageReasons = pgTable("occupation_shortage_reasons", {
  occupationId: uuid("occupation_id").notNull().references(() => occupations.id, { onDelete: "cascade" }),
  position: integer("position").notNull(),
  reasonKey: text("reason_key").notNull().references(() => shortageReasons.key),
  asWritten: text("as_written").notNull(),
}, (t) => [
  primaryKey({ columns: [t.occupationId, t.position] }),
  unique("occupation_reasons_once").on(t.occupationId, t.reasonKey),
  check("occupation_reasons_position", sql`${t.position} >= 1`),
]);

/** A survey's published demand forecast: one row per year and scenario. */
export const forecasts = pgTable("forecasts", {
  surveyKey: text("survey_key").notNull().references(() => surveys.key, { onDelete: "cascade" }),
  year: integer("year").notNull(),
  scenario: forecastScenario("scenario").notNull(),
  newDemand: integer("new_demand").notNull(),
  newDemandSharePct: numeric("new_demand_share_pct", { precision: 5, scale: 2, mode: "number" }),
  revenueHundredMillionNtd: numeric("revenue_hundred_million_ntd", { precision: 12, scale: 2, mode: "number" }),
  revenueGrowthPct: numeric("revenue_growth_pct", { precision: 6, scale: 2, mode: "number" }),
  employment: integer("employment"),
  newSupply: integer("new_supply"),
  sourceFile: text("source_file").notNull(),
  sourceLocation: text("source_location").notNull(),
}, (t) => [
  primaryKey({ columns: [t.surveyKey, t.year, t.scenario] }),
  check("forecasts_new_demand", sql`${t.newDemand} >= 0`),
  check("forecasts_employment", sql`${t.employment} is null or ${t.employment} >= 0`),
  check("forecasts_new_supply", sql`${t.newSupply} is null or ${t.newSupply} >= 0`),
]);

/** The 2021 survey's table 3: how hard each job category is to recruit. */
export const recruitmentDifficultyRows = pgTable("recruitment_difficulty_rows", {
  surveyKey: text("survey_key").notNull().references(() => surveys.key, { onDelete: "cascade" }),
  position: integer("position").notNull(),
  jobCategoryZh: text("job_category_zh").notNull(),
  jobCategoryEn: text("job_category_en").notNull(),
  difficulty: recruitmentDifficulty("difficulty").notNull(),
  sharePct: numeric("share_pct", { precision: 5, scale: 2, mode: "number" }).notNull(),
  sourceFile: text("source_file").notNull(),
  sourceLocation: text("source_location").notNull(),
}, (t) => [
  primaryKey({ columns: [t.surveyKey, t.position] }),
  unique("recruitment_difficulty_category").on(t.surveyKey, t.jobCategoryZh),
  check("recruitment_difficulty_share", sql`${t.sharePct} between 0 and 100`),
]);
