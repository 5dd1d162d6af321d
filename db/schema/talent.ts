// A talent's profile: what the ranking compares with an occupation's or position's requirements.
import { sql } from "drizzle-orm";
import { boolean, check, date, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { educationLevel, profileVisibility } from "./enums";
import { users, files } from "./accounts";
import { educationFields, skills } from "./reference";
import { timestamps } from "./columns";

export const talentProfiles = pgTable("talent_profiles", {
  userId: text("user_id").primaryKey().references(() => users.id, { onDelete: "cascade" }),
  headline: text("headline").notNull().default(""),
  summary: text("summary").notNull().default(""),
  /** ISO 3166-1 alpha-2. */
  nationality: text("nationality"),
  countryOfResidence: text("country_of_residence"),
  city: text("city"),
  yearsExperience: integer("years_experience").notNull().default(0),
  intendedArrivalOn: date("intended_arrival_on"),
  willingToRelocate: boolean("willing_to_relocate").notNull().default(false),
  visibility: profileVisibility("visibility").notNull().default("applications_only"),
  cvFileId: uuid("cv_file_id").references(() => files.id, { onDelete: "set null" }),
  ...timestamps,
}, (t) => [
  check("talent_years_experience", sql`${t.yearsExperience} between 0 and 70`),
  check("talent_nationality", sql`${t.nationality} is null or ${t.nationality} ~ '^[A-Z]{2}$'`),
  check("talent_residence", sql`${t.countryOfResidence} is null or ${t.countryOfResidence} ~ '^[A-Z]{2}$'`),
]);

export const talentDegrees = pgTable("talent_degrees", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: text("user_id").notNull().references(() => talentProfiles.userId, { onDelete: "cascade" }),
  level: educationLevel("level").notNull(),
  fieldCode: text("field_code").notNull().references(() => educationFields.code),
  institution: text("institution").notNull(),
  /** Year obtained, or expected. */
  year: integer("year").notNull(),
}, (t) => [check("talent_degrees_year", sql`${t.year} between 1950 and 2100`)]);

export const talentSkills = pgTable("talent_skills", {
  userId: text("user_id").notNull().references(() => talentProfiles.userId, { onDelete: "cascade" }),
  skillKey: text("skill_key").notNull().references(() => skills.key),
  level: integer("level").notNull(),
}, (t) => [primaryKey({ columns: [t.userId, t.skillKey] }), check("talent_skills_level", sql`${t.level} between 1 and 5`)]);

export const talentLanguages = pgTable("talent_languages", {
  userId: text("user_id").notNull().references(() => talentProfiles.userId, { onDelete: "cascade" }),
  /** BCP 47 language tag, e.g. zh, en, ja. */
  language: text("language").notNull(),
  /** 1 basic … 5 native. */
  proficiency: integer("proficiency").notNull(),
}, (t) => [
  primaryKey({ columns: [t.userId, t.language] }),
  check("talent_languages_proficiency", sql`${t.proficiency} between 1 and 5`),
]);
