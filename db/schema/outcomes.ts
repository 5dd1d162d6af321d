// Where completers end up, at completion and 6 and 12 months later.
import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { outcomeCheckpoint, outcomeSource, outcomeStatus, salaryBand, verificationState } from "./enums";
import { organisations, users } from "./accounts";
import { occupationCodes } from "./reference";
import { enrolments } from "./programmes";
import { placements } from "./placement";
import { applications } from "./positions";
import { timestamps, tz } from "./columns";

export const employmentOutcomes = pgTable("employment_outcomes", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  /** What the outcome follows: exactly one of a PhD placement, a programme enrolment, or a hire. */
  placementId: uuid("placement_id").references(() => placements.id, { onDelete: "cascade" }),
  enrolmentId: uuid("enrolment_id").references(() => enrolments.id, { onDelete: "cascade" }),
  applicationId: uuid("application_id").references(() => applications.id, { onDelete: "cascade" }),
  checkpoint: outcomeCheckpoint("checkpoint").notNull(),
  status: outcomeStatus("status").notNull(),
  employerOrganisationId: uuid("employer_organisation_id").references(() => organisations.id),
  employerName: text("employer_name"),
  occupationCode: text("occupation_code").references(() => occupationCodes.code),
  isShortageOccupation: boolean("is_shortage_occupation").notNull().default(false),
  salaryBand: salaryBand("salary_band").notNull().default("undisclosed"),
  source: outcomeSource("source").notNull(),
  verification: verificationState("verification").notNull().default("unverified"),
  recordedBy: text("recorded_by").references(() => users.id, { onDelete: "set null" }),
  ...timestamps,
}, (t) => [
  check("employment_outcomes_one_subject", sql`num_nonnulls(${t.placementId}, ${t.enrolmentId}, ${t.applicationId}) = 1`),
  check("employment_outcomes_employer", sql`${t.status} not in ('industry', 'academia', 'medical_institution', 'government') or ${t.employerOrganisationId} is not null or ${t.employerName} is not null`),
  unique("employment_outcomes_once").on(t.placementId, t.enrolmentId, t.applicationId, t.checkpoint).nullsNotDistinct(),
  index("employment_outcomes_user").on(t.userId),
  // The completers' checkpoint lists and the CSV import look outcomes up by enrolment.
  index("employment_outcomes_enrolment").on(t.enrolmentId, t.checkpoint),
]);

/** A single-use, expiring link that lets a completer report an outcome without logging in. */
export const outcomeSurveyTokens = pgTable("outcome_survey_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  placementId: uuid("placement_id").references(() => placements.id, { onDelete: "cascade" }),
  enrolmentId: uuid("enrolment_id").references(() => enrolments.id, { onDelete: "cascade" }),
  checkpoint: outcomeCheckpoint("checkpoint").notNull(),
  expiresAt: tz("expires_at").notNull(),
  usedAt: tz("used_at"),
  remindersSent: text("reminders_sent").array().notNull().default(sql`'{}'::text[]`),
  createdAt: tz("created_at").notNull().defaultNow(),
}, (t) => [
  check("outcome_survey_tokens_subject", sql`num_nonnulls(${t.placementId}, ${t.enrolmentId}) = 1`),
  // One survey per completion and checkpoint: two senders at once insert one row, and only its sender mails.
  unique("outcome_survey_tokens_once").on(t.placementId, t.enrolmentId, t.checkpoint).nullsNotDistinct(),
]);
