// Training programmes that close the surveys' gaps, their cohorts and who enrols.
import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, numeric, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { enrolmentStatus, programmeType, publicationState } from "./enums";
import { organisations, users } from "./accounts";
import { occupationCodes, skills } from "./reference";
import { isDemo, timestamps, tz } from "./columns";

export const programmes = pgTable("programmes", {
  id: uuid("id").primaryKey().defaultRandom(),
  key: text("key").notNull().unique(),
  type: programmeType("type").notNull(),
  providerOrganisationId: uuid("provider_organisation_id").references(() => organisations.id, { onDelete: "set null" }),
  providerZh: text("provider_zh").notNull(),
  providerEn: text("provider_en").notNull(),
  titleZh: text("title_zh").notNull(),
  titleEn: text("title_en").notNull(),
  summaryZh: text("summary_zh").notNull(),
  summaryEn: text("summary_en").notNull(),
  scheduleZh: text("schedule_zh"),
  scheduleEn: text("schedule_en"),
  eligibilityZh: text("eligibility_zh"),
  eligibilityEn: text("eligibility_en"),
  language: text("language").notNull().default("zh"),
  city: text("city"),
  durationMonths: integer("duration_months"),
  monthlyStipendNtd: integer("monthly_stipend_ntd"),
  feeNtd: integer("fee_ntd"),
  capacityPerYear: integer("capacity_per_year"),
  status: publicationState("status").notNull().default("draft"),
  /** Where the programme's facts come from, for programmes transcribed from the reports. */
  sourceFile: text("source_file"),
  sourceLocation: text("source_location"),
  ...isDemo,
  ...timestamps,
}, (t) => [
  check("programmes_key", sql`${t.key} ~ '^[a-z0-9-]+$'`),
  check("programmes_numbers", sql`coalesce(${t.durationMonths}, 1) > 0 and coalesce(${t.monthlyStipendNtd}, 0) >= 0 and coalesce(${t.feeNtd}, 0) >= 0 and coalesce(${t.capacityPerYear}, 0) >= 0`),
]);

export const programmeRules = pgTable("programme_rules", {
  programmeId: uuid("programme_id").notNull().references(() => programmes.id, { onDelete: "cascade" }),
  position: integer("position").notNull(),
  zh: text("zh").notNull(),
  en: text("en").notNull(),
}, (t) => [primaryKey({ columns: [t.programmeId, t.position] }), check("programme_rules_position", sql`${t.position} >= 1`)]);

export const programmeTargets = pgTable("programme_targets", {
  id: uuid("id").primaryKey().defaultRandom(),
  programmeId: uuid("programme_id").notNull().references(() => programmes.id, { onDelete: "cascade" }),
  metric: text("metric").notNull(),
  labelZh: text("label_zh").notNull(),
  labelEn: text("label_en").notNull(),
  value: numeric("value", { precision: 14, scale: 4, mode: "number" }).notNull(),
  unitZh: text("unit_zh").notNull(),
  unitEn: text("unit_en").notNull(),
  year: integer("year"),
}, (t) => [
  unique("programme_targets_metric_year").on(t.programmeId, t.metric, t.year).nullsNotDistinct(),
  check("programme_targets_value", sql`${t.value} >= 0`),
]);

export const programmeSkills = pgTable("programme_skills", {
  programmeId: uuid("programme_id").notNull().references(() => programmes.id, { onDelete: "cascade" }),
  skillKey: text("skill_key").notNull().references(() => skills.key),
  level: integer("level").notNull(),
}, (t) => [primaryKey({ columns: [t.programmeId, t.skillKey] }), check("programme_skills_level", sql`${t.level} between 1 and 5`)]);

export const programmeTargetOccupations = pgTable("programme_target_occupations", {
  programmeId: uuid("programme_id").notNull().references(() => programmes.id, { onDelete: "cascade" }),
  occupationCode: text("occupation_code").notNull().references(() => occupationCodes.code),
}, (t) => [primaryKey({ columns: [t.programmeId, t.occupationCode] })]);

/** One run of a programme (a course intake, a fellowship year) with its own capacity. */
export const cohorts = pgTable("cohorts", {
  id: uuid("id").primaryKey().defaultRandom(),
  programmeId: uuid("programme_id").notNull().references(() => programmes.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  startsOn: date("starts_on").notNull(),
  endsOn: date("ends_on").notNull(),
  capacity: integer("capacity").notNull(),
  icapLevel: integer("icap_level"),
  enrolmentClosesAt: tz("enrolment_closes_at"),
  ...isDemo,
  ...timestamps,
}, (t) => [
  unique("cohorts_name").on(t.programmeId, t.name),
  check("cohorts_dates", sql`${t.endsOn} >= ${t.startsOn}`),
  check("cohorts_capacity", sql`${t.capacity} >= 0`),
  check("cohorts_icap", sql`${t.icapLevel} is null or ${t.icapLevel} between 1 and 7`),
]);

export const enrolments = pgTable("enrolments", {
  id: uuid("id").primaryKey().defaultRandom(),
  cohortId: uuid("cohort_id").notNull().references(() => cohorts.id, { onDelete: "cascade" }),
  userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  status: enrolmentStatus("status").notNull(),
  /** Place on the waitlist (1 = next in line); set only while waitlisted. */
  waitlistPosition: integer("waitlist_position"),
  completedAt: tz("completed_at"),
  ...timestamps,
}, (t) => [
  unique("enrolments_once").on(t.cohortId, t.userId),
  uniqueIndex("enrolments_waitlist_place").on(t.cohortId, t.waitlistPosition).where(sql`${t.status} = 'waitlisted'`),
  check("enrolments_waitlist", sql`(${t.status} = 'waitlisted') = (${t.waitlistPosition} is not null) and coalesce(${t.waitlistPosition}, 1) >= 1`),
  check("enrolments_completed", sql`(${t.status} = 'completed') = (${t.completedAt} is not null)`),
  index("enrolments_user").on(t.userId),
]);

export const attendance = pgTable("attendance", {
  enrolmentId: uuid("enrolment_id").notNull().references(() => enrolments.id, { onDelete: "cascade" }),
  sessionOn: date("session_on").notNull(),
  present: boolean("present").notNull(),
  recordedBy: text("recorded_by").references(() => users.id, { onDelete: "set null" }),
}, (t) => [primaryKey({ columns: [t.enrolmentId, t.sessionOn] })]);

export const certificates = pgTable("certificates", {
  id: uuid("id").primaryKey().defaultRandom(),
  enrolmentId: uuid("enrolment_id").notNull().unique().references(() => enrolments.id, { onDelete: "restrict" }),
  serial: text("serial").notNull().unique(),
  /** Random code in the public verification URL. */
  verificationCode: text("verification_code").notNull().unique(),
  issuedAt: tz("issued_at").notNull().defaultNow(),
  revokedAt: tz("revoked_at"),
});
