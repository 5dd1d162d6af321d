// SPARK-style translational teams: composition, milestones, mentors and the matching fund.
import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { invitationState, mentorMode, milestoneStatus, sparkMemberRole, sparkStage, sparkTeamStatus } from "./enums";
import { files, users } from "./accounts";
import { programmes } from "./programmes";
import { timestamps, tz } from "./columns";

/** One year's intake of a SPARK-style programme: how many teams the office may select and the period milestones fall in. */
export const sparkIntakes = pgTable("spark_intakes", {
  id: uuid("id").primaryKey().defaultRandom(),
  programmeId: uuid("programme_id").notNull().references(() => programmes.id, { onDelete: "cascade" }),
  year: integer("year").notNull(),
  teamTarget: integer("team_target").notNull(),
  startsOn: date("starts_on").notNull(),
  endsOn: date("ends_on").notNull(),
  ...timestamps,
}, (t) => [
  unique("spark_intakes_year").on(t.programmeId, t.year),
  check("spark_intakes_target", sql`${t.teamTarget} between 1 and 1000`),
  check("spark_intakes_period", sql`${t.endsOn} > ${t.startsOn}`),
]);

export const sparkTeams = pgTable("spark_teams", {
  id: uuid("id").primaryKey().defaultRandom(),
  programmeId: uuid("programme_id").notNull().references(() => programmes.id),
  year: integer("year").notNull(),
  projectTitle: text("project_title").notNull(),
  clinicalNeed: text("clinical_need").notNull(),
  technology: text("technology").notNull(),
  stage: sparkStage("stage").notNull(),
  status: sparkTeamStatus("status").notNull().default("forming"),
  leadUserId: text("lead_user_id").notNull().references(() => users.id),
  matchingFundBudgetNtd: integer("matching_fund_budget_ntd").notNull().default(0),
  /** Set once, when the lead or the office withdraws the team (final); the reason is the office's or the lead's own. */
  withdrawnAt: tz("withdrawn_at"),
  withdrawnBy: text("withdrawn_by").references(() => users.id, { onDelete: "set null" }),
  withdrawalReason: text("withdrawal_reason"),
  ...timestamps,
}, (t) => [
  check("spark_teams_budget", sql`${t.matchingFundBudgetNtd} >= 0`),
  check("spark_teams_withdrawn", sql`(${t.status} = 'withdrawn') = (${t.withdrawnAt} is not null)`),
  check("spark_teams_withdrawal_reason", sql`${t.withdrawalReason} is null or (${t.status} = 'withdrawn' and char_length(${t.withdrawalReason}) between 1 and 500)`),
]);

/** Members are invited by e-mail and count once accepted; a trigger (migration 0001) caps a team at 5. */
export const sparkTeamMembers = pgTable("spark_team_members", {
  id: uuid("id").primaryKey().defaultRandom(),
  teamId: uuid("team_id").notNull().references(() => sparkTeams.id, { onDelete: "cascade" }),
  email: text("email").notNull(),
  userId: text("user_id").references(() => users.id),
  role: sparkMemberRole("role").notNull(),
  state: invitationState("state").notNull().default("invited"),
  invitedAt: tz("invited_at").notNull().defaultNow(),
  respondedAt: tz("responded_at"),
}, (t) => [
  unique("spark_team_members_once").on(t.teamId, t.email),
  check("spark_team_members_accepted_user", sql`${t.state} <> 'accepted' or ${t.userId} is not null`),
]);

export const sparkMilestones = pgTable("spark_milestones", {
  id: uuid("id").primaryKey().defaultRandom(),
  teamId: uuid("team_id").notNull().references(() => sparkTeams.id, { onDelete: "cascade" }),
  title: text("title").notNull(),
  deliverable: text("deliverable").notNull(),
  dueOn: date("due_on").notNull(),
  status: milestoneStatus("status").notNull().default("planned"),
  evidenceFileId: uuid("evidence_file_id").references(() => files.id, { onDelete: "set null" }),
  ...timestamps,
}, (t) => [index("spark_milestones_team").on(t.teamId, t.dueOn)]);

export const mentorAssignments = pgTable("mentor_assignments", {
  id: uuid("id").primaryKey().defaultRandom(),
  teamId: uuid("team_id").notNull().references(() => sparkTeams.id, { onDelete: "cascade" }),
  mentorUserId: text("mentor_user_id").notNull().references(() => users.id),
  mode: mentorMode("mode").notNull(),
  assignedAt: tz("assigned_at").notNull().defaultNow(),
}, (t) => [unique("mentor_assignments_once").on(t.teamId, t.mentorUserId)]);

export const mentorMeetings = pgTable("mentor_meetings", {
  id: uuid("id").primaryKey().defaultRandom(),
  assignmentId: uuid("assignment_id").notNull().references(() => mentorAssignments.id, { onDelete: "cascade" }),
  metOn: date("met_on").notNull(),
  minutes: integer("minutes").notNull(),
  notes: text("notes").notNull(),
}, (t) => [check("mentor_meetings_minutes", sql`${t.minutes} between 1 and 1440`)]);

export const matchingFundSpends = pgTable("matching_fund_spends", {
  id: uuid("id").primaryKey().defaultRandom(),
  teamId: uuid("team_id").notNull().references(() => sparkTeams.id, { onDelete: "cascade" }),
  amountNtd: integer("amount_ntd").notNull(),
  spentOn: date("spent_on").notNull(),
  description: text("description").notNull(),
  recordedBy: text("recorded_by").references(() => users.id, { onDelete: "set null" }),
}, (t) => [check("matching_fund_spends_amount", sql`${t.amountNtd} > 0`)]);

