// Every closed vocabulary of the portal, as Postgres enums so the database refuses anything else.
import { pgEnum } from "drizzle-orm/pg-core";

export const educationLevel = pgEnum("education_level", ["high_school", "college", "master", "phd"]);
export const experienceBand = pgEnum("experience_band", ["none", "under_2", "2_to_5", "over_5", "any"]);
export const recruitmentDifficulty = pgEnum("recruitment_difficulty", ["easy", "normal", "hard"]);
export const forecastScenario = pgEnum("forecast_scenario", ["optimistic", "flat", "conservative"]);
export const locale = pgEnum("locale", ["zh-TW", "en"]);

export const organisationKind = pgEnum("organisation_kind", [
  "company",
  "training_unit",
  "medical_centre",
  "programme_office",
]);
export const approvalState = pgEnum("approval_state", ["draft", "pending", "approved", "rejected"]);
export const role = pgEnum("role", [
  "company_recruiter",
  "talent",
  "training_unit_staff",
  "reviewer",
  "mentor",
  "programme_officer",
  "admin",
]);
export const authTokenPurpose = pgEnum("auth_token_purpose", ["email_verification", "password_reset"]);
export const outboxStatus = pgEnum("outbox_status", ["pending", "sent", "failed"]);
export const searchJobOp = pgEnum("search_job_op", ["upsert", "delete"]);

export const profileVisibility = pgEnum("profile_visibility", ["approved_companies", "applications_only"]);
export const positionStatus = pgEnum("position_status", ["draft", "published", "closed", "filled"]);
export const applicationStage = pgEnum("application_stage", [
  "invited",
  "applied",
  "screening",
  "interview",
  "offer",
  "hired",
  "rejected",
  "withdrawn",
]);
export const applicationOrigin = pgEnum("application_origin", ["applied", "invited"]);
export const recommendation = pgEnum("recommendation", ["strong_no", "no", "yes", "strong_yes"]);

export const programmeType = pgEnum("programme_type", [
  "spark_course",
  "device_fellowship",
  "phd_placement",
  "industry_course",
]);
export const publicationState = pgEnum("publication_state", ["draft", "published", "archived"]);
export const enrolmentStatus = pgEnum("enrolment_status", [
  "enrolled",
  "waitlisted",
  "withdrawn",
  "completed",
  "not_completed",
]);

export const roundStatus = pgEnum("round_status", ["draft", "open", "matching", "published", "closed"]);
export const unitFocus = pgEnum("unit_focus", ["drugs", "medical_devices", "healthcare_management"]);
export const quotaApplicationStatus = pgEnum("quota_application_status", [
  "draft",
  "submitted",
  "returned",
  "documents_complete",
  "allocated",
  "not_allocated",
]);
export const phdStatus = pgEnum("phd_status", ["obtained", "expected"]);
export const traineeApplicationStatus = pgEnum("trainee_application_status", ["draft", "submitted", "withdrawn"]);
export const interviewStatus = pgEnum("interview_status", ["scheduled", "held", "cancelled", "no_show"]);
export const matchRunStatus = pgEnum("match_run_status", ["computed", "verified", "published", "superseded"]);
export const placementStatus = pgEnum("placement_status", [
  "admitted",
  "checked_in",
  "declined",
  "withdrawn",
  "completed",
  "terminated",
]);

export const sparkStage = pgEnum("spark_stage", ["discovery", "preclinical", "clinical", "regulatory", "market"]);
export const sparkTeamStatus = pgEnum("spark_team_status", ["forming", "applied", "selected", "not_selected", "withdrawn"]);
export const sparkMemberRole = pgEnum("spark_member_role", ["researcher", "physician", "engineer", "business", "other"]);
export const invitationState = pgEnum("invitation_state", ["invited", "accepted", "declined", "revoked"]);
export const milestoneStatus = pgEnum("milestone_status", ["planned", "in_progress", "done", "missed"]);
export const mentorMode = pgEnum("mentor_mode", ["passive", "active", "intensive"]);

export const outcomeCheckpoint = pgEnum("outcome_checkpoint", ["completion", "six_months", "twelve_months"]);
export const outcomeStatus = pgEnum("outcome_status", [
  "industry",
  "academia",
  "medical_institution",
  "government",
  "further_study",
  "seeking",
  "other",
]);
export const outcomeSource = pgEnum("outcome_source", ["self_report", "unit_report", "portal_hire"]);
export const verificationState = pgEnum("verification_state", ["unverified", "verified", "disputed"]);
export const salaryBand = pgEnum("salary_band", [
  "under_40k",
  "40k_60k",
  "60k_80k",
  "80k_100k",
  "100k_150k",
  "over_150k",
  "undisclosed",
]);

export const eventKind = pgEnum("event_kind", [
  "info_session",
  "matchmaking_fair",
  "recruitment_mission",
  "demo_day",
  "showcase",
]);
export const eventParticipantRole = pgEnum("event_participant_role", ["company", "talent", "team", "unit"]);
export const meetingStatus = pgEnum("meeting_status", ["proposed", "confirmed", "held", "cancelled", "no_show"]);
export const inquiryKind = pgEnum("inquiry_kind", ["question", "complaint"]);
export const inquiryStatus = pgEnum("inquiry_status", ["open", "answered", "closed"]);

export const workPermitStepKind = pgEnum("work_permit_step_kind", [
  "offer",
  "documents",
  "work_permit",
  "gold_card_or_visa",
  "arrival",
  "residence_certificate",
]);
export const workPermitStepOwner = pgEnum("work_permit_step_owner", ["company", "talent"]);
export const workPermitStepStatus = pgEnum("work_permit_step_status", ["pending", "in_progress", "done"]);
