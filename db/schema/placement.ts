// The PhD training-and-employment programme: rounds, unit quotas, trainee preferences, the match.
import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, numeric, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import {
  interviewStatus, matchRunStatus, phdStatus, placementStatus, quotaApplicationStatus, roundStatus,
  traineeApplicationStatus, unitFocus,
} from "./enums";
import { files, organisations, users } from "./accounts";
import { programmes } from "./programmes";
import { timestamps, tz } from "./columns";

export const placementRounds = pgTable("placement_rounds", {
  id: uuid("id").primaryKey().defaultRandom(),
  programmeId: uuid("programme_id").notNull().references(() => programmes.id),
  year: integer("year").notNull(),
  titleZh: text("title_zh").notNull(),
  titleEn: text("title_en").notNull(),
  status: roundStatus("status").notNull().default("draft"),
  monthlyStipendNtd: integer("monthly_stipend_ntd").notNull().default(56650),
  maxPreferences: integer("max_preferences").notNull().default(5),
  totalQuota: integer("total_quota").notNull(),
  unitApplicationsCloseAt: tz("unit_applications_close_at").notNull(),
  reviewCloseAt: tz("review_close_at").notNull(),
  registrationOpenAt: tz("registration_open_at").notNull(),
  preferencesCloseAt: tz("preferences_close_at").notNull(),
  interviewsCloseAt: tz("interviews_close_at").notNull(),
  unitRankingCloseAt: tz("unit_ranking_close_at").notNull(),
  matchAt: tz("match_at").notNull(),
  publishAt: tz("publish_at").notNull(),
  checkInCloseAt: tz("check_in_close_at").notNull(),
  trainingStartsOn: date("training_starts_on").notNull(),
  ...timestamps,
}, (t) => [
  unique("placement_rounds_year").on(t.programmeId, t.year),
  check("placement_rounds_stipend", sql`${t.monthlyStipendNtd} > 0`),
  check("placement_rounds_preferences", sql`${t.maxPreferences} between 1 and 30`),
  check("placement_rounds_quota", sql`${t.totalQuota} >= 0`),
  check("placement_rounds_calendar", sql`${t.unitApplicationsCloseAt} <= ${t.reviewCloseAt}
    and ${t.registrationOpenAt} <= ${t.preferencesCloseAt}
    and ${t.preferencesCloseAt} <= ${t.interviewsCloseAt}
    and ${t.interviewsCloseAt} <= ${t.unitRankingCloseAt}
    and ${t.unitRankingCloseAt} <= ${t.matchAt}
    and ${t.matchAt} <= ${t.publishAt}
    and ${t.publishAt} <= ${t.checkInCloseAt}`),
]);

/** Published review criteria of a round, each scored by reviewers up to maxScore. */
export const reviewCriteria = pgTable("review_criteria", {
  roundId: uuid("round_id").notNull().references(() => placementRounds.id, { onDelete: "cascade" }),
  key: text("key").notNull(),
  labelZh: text("label_zh").notNull(),
  labelEn: text("label_en").notNull(),
  weight: numeric("weight", { precision: 5, scale: 2, mode: "number" }).notNull(),
  maxScore: integer("max_score").notNull(),
}, (t) => [
  primaryKey({ columns: [t.roundId, t.key] }),
  check("review_criteria_weight", sql`${t.weight} > 0`),
  check("review_criteria_max", sql`${t.maxScore} > 0`),
]);

/** A training unit's yearly plan and request for trainees; the office allocates its quota. */
export const unitQuotaApplications = pgTable("unit_quota_applications", {
  id: uuid("id").primaryKey().defaultRandom(),
  roundId: uuid("round_id").notNull().references(() => placementRounds.id, { onDelete: "cascade" }),
  unitOrganisationId: uuid("unit_organisation_id").notNull().references(() => organisations.id),
  focus: unitFocus("focus").notNull(),
  planZh: text("plan_zh").notNull(),
  planEn: text("plan_en"),
  courses: text("courses").notNull(),
  internshipMonths: integer("internship_months").notNull(),
  requestedTrainees: integer("requested_trainees").notNull(),
  status: quotaApplicationStatus("status").notNull().default("draft"),
  returnedReason: text("returned_reason"),
  allocatedQuota: integer("allocated_quota"),
  submittedAt: tz("submitted_at"),
  version: integer("version").notNull().default(1),
  ...timestamps,
}, (t) => [
  unique("unit_quota_applications_once").on(t.roundId, t.unitOrganisationId),
  check("unit_quota_internship", sql`${t.internshipMonths} >= 6 and ${t.internshipMonths} <= 12`),
  check("unit_quota_requested", sql`${t.requestedTrainees} >= 1`),
  check("unit_quota_allocated", sql`${t.allocatedQuota} is null or ${t.allocatedQuota} >= 0`),
  check("unit_quota_allocated_state", sql`${t.status} <> 'allocated' or ${t.allocatedQuota} is not null`),
  check("unit_quota_returned_reason", sql`${t.status} <> 'returned' or ${t.returnedReason} is not null`),
]);

export const internshipPartners = pgTable("internship_partners", {
  id: uuid("id").primaryKey().defaultRandom(),
  quotaApplicationId: uuid("quota_application_id").notNull().references(() => unitQuotaApplications.id, { onDelete: "cascade" }),
  partnerOrganisationId: uuid("partner_organisation_id").references(() => organisations.id),
  partnerName: text("partner_name").notNull(),
  isMedicalCentre: boolean("is_medical_centre").notNull().default(false),
}, (t) => [unique("internship_partners_once").on(t.quotaApplicationId, t.partnerName)]);

export const reviewAssignments = pgTable("review_assignments", {
  id: uuid("id").primaryKey().defaultRandom(),
  quotaApplicationId: uuid("quota_application_id").notNull().references(() => unitQuotaApplications.id, { onDelete: "cascade" }),
  reviewerUserId: text("reviewer_user_id").notNull().references(() => users.id),
  conflictDeclared: boolean("conflict_declared").notNull().default(false),
  conflictNote: text("conflict_note"),
  submittedAt: tz("submitted_at"),
  comment: text("comment"),
}, (t) => [unique("review_assignments_once").on(t.quotaApplicationId, t.reviewerUserId)]);

export const reviewScores = pgTable("review_scores", {
  assignmentId: uuid("assignment_id").notNull().references(() => reviewAssignments.id, { onDelete: "cascade" }),
  criterionKey: text("criterion_key").notNull(),
  score: integer("score").notNull(),
}, (t) => [primaryKey({ columns: [t.assignmentId, t.criterionKey] }), check("review_scores_score", sql`${t.score} >= 0`)]);

export const traineeApplications = pgTable("trainee_applications", {
  id: uuid("id").primaryKey().defaultRandom(),
  roundId: uuid("round_id").notNull().references(() => placementRounds.id, { onDelete: "cascade" }),
  userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  phdStatus: phdStatus("phd_status").notNull(),
  phdObtainedOn: date("phd_obtained_on"),
  phdExpectedOn: date("phd_expected_on"),
  evidenceFileId: uuid("evidence_file_id").references(() => files.id, { onDelete: "set null" }),
  innovationScore: numeric("innovation_score", { precision: 5, scale: 2, mode: "number" }),
  status: traineeApplicationStatus("status").notNull().default("draft"),
  submittedAt: tz("submitted_at"),
  version: integer("version").notNull().default(1),
  ...timestamps,
}, (t) => [
  unique("trainee_applications_once").on(t.roundId, t.userId),
  check("trainee_applications_phd_dates", sql`(${t.phdStatus} = 'obtained' and ${t.phdObtainedOn} is not null) or (${t.phdStatus} = 'expected' and ${t.phdExpectedOn} is not null)`),
  check("trainee_applications_innovation", sql`${t.innovationScore} is null or ${t.innovationScore} between 0 and 100`),
]);

/** A trainee's ranked preferences (志願): one unit per rank, each unit once. */
export const traineePreferences = pgTable("trainee_preferences", {
  traineeApplicationId: uuid("trainee_application_id").notNull().references(() => traineeApplications.id, { onDelete: "cascade" }),
  rank: integer("rank").notNull(),
  quotaApplicationId: uuid("quota_application_id").notNull().references(() => unitQuotaApplications.id, { onDelete: "cascade" }),
}, (t) => [
  primaryKey({ columns: [t.traineeApplicationId, t.rank] }),
  unique("trainee_preferences_unit_once").on(t.traineeApplicationId, t.quotaApplicationId),
  check("trainee_preferences_rank", sql`${t.rank} >= 1`),
]);

/** Every submitted version of a trainee's list, as the receipt shows it. */
export const preferenceReceipts = pgTable("preference_receipts", {
  id: uuid("id").primaryKey().defaultRandom(),
  traineeApplicationId: uuid("trainee_application_id").notNull().references(() => traineeApplications.id, { onDelete: "cascade" }),
  version: integer("version").notNull(),
  /** JSON of exactly what was submitted. */
  content: text("content").notNull(),
  submittedAt: tz("submitted_at").notNull().defaultNow(),
}, (t) => [unique("preference_receipts_version").on(t.traineeApplicationId, t.version)]);

export const interviews = pgTable("interviews", {
  id: uuid("id").primaryKey().defaultRandom(),
  quotaApplicationId: uuid("quota_application_id").notNull().references(() => unitQuotaApplications.id, { onDelete: "cascade" }),
  traineeApplicationId: uuid("trainee_application_id").notNull().references(() => traineeApplications.id, { onDelete: "cascade" }),
  startsAt: tz("starts_at").notNull(),
  endsAt: tz("ends_at").notNull(),
  location: text("location").notNull(),
  status: interviewStatus("status").notNull().default("scheduled"),
}, (t) => [
  unique("interviews_once").on(t.quotaApplicationId, t.traineeApplicationId),
  check("interviews_times", sql`${t.endsAt} > ${t.startsAt}`),
]);

export const unitRankLists = pgTable("unit_rank_lists", {
  id: uuid("id").primaryKey().defaultRandom(),
  quotaApplicationId: uuid("quota_application_id").notNull().unique().references(() => unitQuotaApplications.id, { onDelete: "cascade" }),
  submittedAt: tz("submitted_at"),
  version: integer("version").notNull().default(1),
  ...timestamps,
});

/** A unit's ranking of the applicants it will accept; applicants left off are not acceptable. */
export const unitRankEntries = pgTable("unit_rank_entries", {
  rankListId: uuid("rank_list_id").notNull().references(() => unitRankLists.id, { onDelete: "cascade" }),
  rank: integer("rank").notNull(),
  traineeApplicationId: uuid("trainee_application_id").notNull().references(() => traineeApplications.id, { onDelete: "cascade" }),
}, (t) => [
  primaryKey({ columns: [t.rankListId, t.rank] }),
  unique("unit_rank_entries_once").on(t.rankListId, t.traineeApplicationId),
  check("unit_rank_entries_rank", sql`${t.rank} >= 1`),
]);

export const matchRuns = pgTable("match_runs", {
  id: uuid("id").primaryKey().defaultRandom(),
  roundId: uuid("round_id").notNull().references(() => placementRounds.id, { onDelete: "cascade" }),
  runNumber: integer("run_number").notNull(),
  algorithm: text("algorithm").notNull().default("applicant-proposing-deferred-acceptance"),
  /** Hash of the preferences, rank lists and quotas the run read, to prove what it matched. */
  inputHash: text("input_hash").notNull(),
  status: matchRunStatus("status").notNull().default("computed"),
  runBy: text("run_by").references(() => users.id, { onDelete: "set null" }),
  computedAt: tz("computed_at").notNull().defaultNow(),
  verifiedAt: tz("verified_at"),
  publishedAt: tz("published_at"),
  /** The exact input the run read, as canonical JSON (`npm run match` reads it); inputHash is its SHA-256. */
  inputJson: text("input_json").notNull(),
  /** Exactly what `npm run -s match -- <input_json>` prints for it. */
  outputJson: text("output_json").notNull(),
}, (t) => [
  unique("match_runs_number").on(t.roundId, t.runNumber),
  check("match_runs_published_verified", sql`${t.publishedAt} is null or ${t.verifiedAt} is not null`),
]);

export const matchResults = pgTable("match_results", {
  matchRunId: uuid("match_run_id").notNull().references(() => matchRuns.id, { onDelete: "cascade" }),
  traineeApplicationId: uuid("trainee_application_id").notNull().references(() => traineeApplications.id, { onDelete: "cascade" }),
  /** Null when the applicant was not matched. */
  quotaApplicationId: uuid("quota_application_id").references(() => unitQuotaApplications.id),
  preferenceRank: integer("preference_rank"),
}, (t) => [
  primaryKey({ columns: [t.matchRunId, t.traineeApplicationId] }),
  check("match_results_rank", sql`(${t.quotaApplicationId} is null) = (${t.preferenceRank} is null)`),
  index("match_results_unit").on(t.matchRunId, t.quotaApplicationId),
]);

export const placements = pgTable("placements", {
  id: uuid("id").primaryKey().defaultRandom(),
  roundId: uuid("round_id").notNull().references(() => placementRounds.id, { onDelete: "cascade" }),
  traineeApplicationId: uuid("trainee_application_id").notNull().unique().references(() => traineeApplications.id, { onDelete: "cascade" }),
  quotaApplicationId: uuid("quota_application_id").notNull().references(() => unitQuotaApplications.id),
  status: placementStatus("status").notNull().default("admitted"),
  /** match: the published run; waitlist: a seat freed by a decline; post_match: a unit's offer the talent accepted. */
  source: text("source", { enum: ["match", "waitlist", "post_match"] }).notNull().default("match"),
  /** Check in by then: the round's check-in deadline, or a week after a seat offered later. */
  checkInBy: tz("check_in_by").notNull(),
  checkedInAt: tz("checked_in_at"),
  /** When the trainee declined or the office marked a missed check-in. */
  endedAt: tz("ended_at"),
  startsOn: date("starts_on"),
  endsOn: date("ends_on"),
  completedAt: tz("completed_at"),
  ...timestamps,
}, (t) => [
  check("placements_dates", sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  check("placements_checked_in", sql`${t.status} not in ('checked_in', 'completed') or ${t.checkedInAt} is not null`),
  check("placements_completed", sql`(${t.status} = 'completed') = (${t.completedAt} is not null)`),
  check("placements_at_most_a_year", sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.endsOn} <= ${t.startsOn} + interval '1 year'`),
  check("placements_source", sql`${t.source} in ('match', 'waitlist', 'post_match')`),
  check("placements_ended", sql`(${t.status} in ('declined', 'withdrawn')) = (${t.endedAt} is not null)`),
  index("placements_unit").on(t.quotaApplicationId, t.status),
]);

export const internships = pgTable("internships", {
  id: uuid("id").primaryKey().defaultRandom(),
  placementId: uuid("placement_id").notNull().references(() => placements.id, { onDelete: "cascade" }),
  partnerOrganisationId: uuid("partner_organisation_id").references(() => organisations.id),
  partnerName: text("partner_name").notNull(),
  isMedicalCentre: boolean("is_medical_centre").notNull().default(false),
  startsOn: date("starts_on").notNull(),
  endsOn: date("ends_on").notNull(),
  recordedBy: text("recorded_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: tz("created_at").notNull().defaultNow(),
}, (t) => [check("internships_dates", sql`${t.endsOn} > ${t.startsOn}`)]);

/**
 * A seat given up after publication: the trainee declined, or the office marked a missed check-in.
 * The seat went down the unit's waitlist (seat_moves, in order); `emptiedQuotaApplicationId` is the
 * unit left with an empty seat at the end of the chain, if any.
 */
export const seatReleases = pgTable("seat_releases", {
  id: uuid("id").primaryKey().defaultRandom(),
  roundId: uuid("round_id").notNull().references(() => placementRounds.id, { onDelete: "cascade" }),
  placementId: uuid("placement_id").notNull().unique().references(() => placements.id, { onDelete: "cascade" }),
  cause: text("cause", { enum: ["declined", "missed_check_in"] }).notNull(),
  quotaApplicationId: uuid("quota_application_id").notNull().references(() => unitQuotaApplications.id),
  emptiedQuotaApplicationId: uuid("emptied_quota_application_id").references(() => unitQuotaApplications.id),
  actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: tz("created_at").notNull().defaultNow(),
}, (t) => [check("seat_releases_cause", sql`${t.cause} in ('declined', 'missed_check_in')`)]);

export const seatMoves = pgTable("seat_moves", {
  releaseId: uuid("release_id").notNull().references(() => seatReleases.id, { onDelete: "cascade" }),
  step: integer("step").notNull(),
  traineeApplicationId: uuid("trainee_application_id").notNull().references(() => traineeApplications.id, { onDelete: "cascade" }),
  /** Null when the trainee held no seat before. */
  fromQuotaApplicationId: uuid("from_quota_application_id").references(() => unitQuotaApplications.id),
  toQuotaApplicationId: uuid("to_quota_application_id").notNull().references(() => unitQuotaApplications.id),
}, (t) => [primaryKey({ columns: [t.releaseId, t.step] }), check("seat_moves_step", sql`${t.step} >= 1`)]);

/** After the match, a unit offers an empty seat to an applicant of the round who holds none. */
export const postMatchOffers = pgTable("post_match_offers", {
  id: uuid("id").primaryKey().defaultRandom(),
  roundId: uuid("round_id").notNull().references(() => placementRounds.id, { onDelete: "cascade" }),
  quotaApplicationId: uuid("quota_application_id").notNull().references(() => unitQuotaApplications.id),
  traineeApplicationId: uuid("trainee_application_id").notNull().references(() => traineeApplications.id, { onDelete: "cascade" }),
  status: text("status", { enum: ["offered", "accepted", "declined", "withdrawn"] }).notNull().default("offered"),
  offeredBy: text("offered_by").references(() => users.id, { onDelete: "set null" }),
  offeredAt: tz("offered_at").notNull().defaultNow(),
  answeredAt: tz("answered_at"),
}, (t) => [
  unique("post_match_offers_once").on(t.quotaApplicationId, t.traineeApplicationId),
  check("post_match_offers_status", sql`${t.status} in ('offered', 'accepted', 'declined', 'withdrawn')`),
  check("post_match_offers_answered", sql`(${t.status} = 'offered') = (${t.answeredAt} is null)`),
  index("post_match_offers_trainee").on(t.traineeApplicationId),
]);

/** Hours of the programme office's 24-hour common course a trainee attended. */
export const commonCourseHours = pgTable("common_course_hours", {
  id: uuid("id").primaryKey().defaultRandom(),
  placementId: uuid("placement_id").notNull().references(() => placements.id, { onDelete: "cascade" }),
  attendedOn: date("attended_on").notNull(),
  hours: numeric("hours", { precision: 3, scale: 1, mode: "number" }).notNull(),
  topic: text("topic").notNull(),
  recordedBy: text("recorded_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: tz("created_at").notNull().defaultNow(),
}, (t) => [
  check("common_course_hours_hours", sql`${t.hours} > 0 and ${t.hours} <= 8`),
  index("common_course_hours_placement").on(t.placementId),
]);
