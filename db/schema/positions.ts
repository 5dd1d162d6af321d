// Shortage positions companies post, and the hiring pipeline behind each.
import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { applicationOrigin, applicationStage, educationLevel, experienceBand, positionStatus, recommendation } from "./enums";
import { organisations, users } from "./accounts";
import { educationFields, occupations, skills } from "./reference";
import { isDemo, timestamps, tz } from "./columns";

export const positions = pgTable("positions", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id").notNull().references(() => organisations.id, { onDelete: "cascade" }),
  /** The survey row the position was started from; its requirements were the prefill. */
  occupationId: uuid("occupation_id").notNull().references(() => occupations.id),
  title: text("title").notNull(),
  description: text("description").notNull(),
  city: text("city").notNull(),
  salaryMinNtd: integer("salary_min_ntd"),
  salaryMaxNtd: integer("salary_max_ntd"),
  headcount: integer("headcount").notNull(),
  remainingHeadcount: integer("remaining_headcount").notNull(),
  applicationDeadline: date("application_deadline"),
  minEducation: educationLevel("min_education").notNull(),
  experience: experienceBand("experience").notNull(),
  workingLanguages: text("working_languages").array().notNull().default(sql`'{zh}'::text[]`),
  openToOverseas: boolean("open_to_overseas").notNull().default(false),
  supportsWorkPermit: boolean("supports_work_permit").notNull().default(false),
  status: positionStatus("status").notNull().default("draft"),
  publishedAt: tz("published_at"),
  /** Optimistic concurrency: every update must name the version it read. */
  version: integer("version").notNull().default(1),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  ...isDemo,
  ...timestamps,
}, (t) => [
  index("positions_org").on(t.organisationId),
  index("positions_status").on(t.status),
  check("positions_salary", sql`(${t.salaryMinNtd} is null or ${t.salaryMinNtd} >= 0) and (${t.salaryMaxNtd} is null or ${t.salaryMinNtd} is null or ${t.salaryMaxNtd} >= ${t.salaryMinNtd})`),
  check("positions_headcount", sql`${t.headcount} >= 1 and ${t.remainingHeadcount} between 0 and ${t.headcount}`),
  check("positions_filled_means_none_left", sql`${t.status} <> 'filled' or ${t.remainingHeadcount} = 0`),
  check("positions_overseas_permit", sql`${t.openToOverseas} or not ${t.supportsWorkPermit}`),
]);

export const positionSkills = pgTable("position_skills", {
  positionId: uuid("position_id").notNull().references(() => positions.id, { onDelete: "cascade" }),
  skillKey: text("skill_key").notNull().references(() => skills.key),
  position: integer("position").notNull(),
}, (t) => [
  primaryKey({ columns: [t.positionId, t.skillKey] }),
  unique("position_skills_order").on(t.positionId, t.position),
]);

export const positionEducationFields = pgTable("position_education_fields", {
  positionId: uuid("position_id").notNull().references(() => positions.id, { onDelete: "cascade" }),
  fieldCode: text("field_code").notNull().references(() => educationFields.code),
}, (t) => [primaryKey({ columns: [t.positionId, t.fieldCode] })]);

/** Every saved edit of a position, so its applicants can see what they applied to. */
export const positionRevisions = pgTable("position_revisions", {
  positionId: uuid("position_id").notNull().references(() => positions.id, { onDelete: "cascade" }),
  revision: integer("revision").notNull(),
  snapshot: jsonb("snapshot").notNull(),
  editedBy: text("edited_by").references(() => users.id, { onDelete: "set null" }),
  editedAt: tz("edited_at").notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.positionId, t.revision] })]);

export const applications = pgTable("applications", {
  id: uuid("id").primaryKey().defaultRandom(),
  positionId: uuid("position_id").notNull().references(() => positions.id, { onDelete: "cascade" }),
  talentUserId: text("talent_user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  origin: applicationOrigin("origin").notNull(),
  stage: applicationStage("stage").notNull(),
  coverNote: text("cover_note").notNull().default(""),
  version: integer("version").notNull().default(1),
  ...timestamps,
}, (t) => [
  unique("applications_once_per_position").on(t.positionId, t.talentUserId),
  index("applications_talent").on(t.talentUserId),
]);

export const applicationStageEvents = pgTable("application_stage_events", {
  id: uuid("id").primaryKey().defaultRandom(),
  applicationId: uuid("application_id").notNull().references(() => applications.id, { onDelete: "cascade" }),
  fromStage: applicationStage("from_stage"),
  toStage: applicationStage("to_stage").notNull(),
  actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
  note: text("note"),
  at: tz("at").notNull().defaultNow(),
}, (t) => [index("application_stage_events_app").on(t.applicationId, t.at)]);

export const interviewScorecards = pgTable("interview_scorecards", {
  id: uuid("id").primaryKey().defaultRandom(),
  applicationId: uuid("application_id").notNull().references(() => applications.id, { onDelete: "cascade" }),
  interviewerUserId: text("interviewer_user_id").notNull().references(() => users.id),
  recommendation: recommendation("recommendation").notNull(),
  notes: text("notes").notNull().default(""),
  ...timestamps,
}, (t) => [unique("scorecards_one_per_interviewer").on(t.applicationId, t.interviewerUserId)]);

export const scorecardScores = pgTable("scorecard_scores", {
  scorecardId: uuid("scorecard_id").notNull().references(() => interviewScorecards.id, { onDelete: "cascade" }),
  skillKey: text("skill_key").notNull().references(() => skills.key),
  score: integer("score").notNull(),
}, (t) => [
  primaryKey({ columns: [t.scorecardId, t.skillKey] }),
  check("scorecard_scores_range", sql`${t.score} between 1 and 5`),
]);
