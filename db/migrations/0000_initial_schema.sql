CREATE TYPE "public"."application_origin" AS ENUM('applied', 'invited');--> statement-breakpoint
CREATE TYPE "public"."application_stage" AS ENUM('invited', 'applied', 'screening', 'interview', 'offer', 'hired', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."approval_state" AS ENUM('draft', 'pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."auth_token_purpose" AS ENUM('email_verification', 'password_reset');--> statement-breakpoint
CREATE TYPE "public"."education_level" AS ENUM('high_school', 'college', 'master', 'phd');--> statement-breakpoint
CREATE TYPE "public"."enrolment_status" AS ENUM('enrolled', 'waitlisted', 'withdrawn', 'completed', 'not_completed');--> statement-breakpoint
CREATE TYPE "public"."event_kind" AS ENUM('info_session', 'matchmaking_fair', 'recruitment_mission', 'demo_day', 'showcase');--> statement-breakpoint
CREATE TYPE "public"."event_participant_role" AS ENUM('company', 'talent', 'team', 'unit');--> statement-breakpoint
CREATE TYPE "public"."experience_band" AS ENUM('none', 'under_2', '2_to_5', 'over_5', 'any');--> statement-breakpoint
CREATE TYPE "public"."forecast_scenario" AS ENUM('optimistic', 'flat', 'conservative');--> statement-breakpoint
CREATE TYPE "public"."inquiry_kind" AS ENUM('question', 'complaint');--> statement-breakpoint
CREATE TYPE "public"."inquiry_status" AS ENUM('open', 'answered', 'closed');--> statement-breakpoint
CREATE TYPE "public"."interview_status" AS ENUM('scheduled', 'held', 'cancelled', 'no_show');--> statement-breakpoint
CREATE TYPE "public"."invitation_state" AS ENUM('invited', 'accepted', 'declined', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."locale" AS ENUM('zh-TW', 'en');--> statement-breakpoint
CREATE TYPE "public"."match_run_status" AS ENUM('computed', 'verified', 'published', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."meeting_status" AS ENUM('proposed', 'confirmed', 'held', 'cancelled', 'no_show');--> statement-breakpoint
CREATE TYPE "public"."mentor_mode" AS ENUM('passive', 'active', 'intensive');--> statement-breakpoint
CREATE TYPE "public"."milestone_status" AS ENUM('planned', 'in_progress', 'done', 'missed');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('company', 'training_unit', 'medical_centre', 'programme_office');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."outcome_checkpoint" AS ENUM('completion', 'six_months', 'twelve_months');--> statement-breakpoint
CREATE TYPE "public"."outcome_source" AS ENUM('self_report', 'unit_report', 'portal_hire');--> statement-breakpoint
CREATE TYPE "public"."outcome_status" AS ENUM('industry', 'academia', 'medical_institution', 'government', 'further_study', 'seeking', 'other');--> statement-breakpoint
CREATE TYPE "public"."phd_status" AS ENUM('obtained', 'expected');--> statement-breakpoint
CREATE TYPE "public"."placement_status" AS ENUM('admitted', 'checked_in', 'declined', 'withdrawn', 'completed', 'terminated');--> statement-breakpoint
CREATE TYPE "public"."position_status" AS ENUM('draft', 'published', 'closed', 'filled');--> statement-breakpoint
CREATE TYPE "public"."profile_visibility" AS ENUM('approved_companies', 'applications_only');--> statement-breakpoint
CREATE TYPE "public"."programme_type" AS ENUM('spark_course', 'device_fellowship', 'phd_placement', 'industry_course');--> statement-breakpoint
CREATE TYPE "public"."publication_state" AS ENUM('draft', 'published', 'archived');--> statement-breakpoint
CREATE TYPE "public"."quota_application_status" AS ENUM('draft', 'submitted', 'returned', 'documents_complete', 'allocated', 'not_allocated');--> statement-breakpoint
CREATE TYPE "public"."recommendation" AS ENUM('strong_no', 'no', 'yes', 'strong_yes');--> statement-breakpoint
CREATE TYPE "public"."recruitment_difficulty" AS ENUM('easy', 'normal', 'hard');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('company_recruiter', 'talent', 'training_unit_staff', 'reviewer', 'mentor', 'programme_officer', 'admin');--> statement-breakpoint
CREATE TYPE "public"."round_status" AS ENUM('draft', 'open', 'matching', 'published', 'closed');--> statement-breakpoint
CREATE TYPE "public"."salary_band" AS ENUM('under_40k', '40k_60k', '60k_80k', '80k_100k', '100k_150k', 'over_150k', 'undisclosed');--> statement-breakpoint
CREATE TYPE "public"."search_job_op" AS ENUM('upsert', 'delete');--> statement-breakpoint
CREATE TYPE "public"."spark_member_role" AS ENUM('researcher', 'physician', 'engineer', 'business', 'other');--> statement-breakpoint
CREATE TYPE "public"."spark_stage" AS ENUM('discovery', 'preclinical', 'clinical', 'regulatory', 'market');--> statement-breakpoint
CREATE TYPE "public"."spark_team_status" AS ENUM('forming', 'applied', 'selected', 'not_selected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."trainee_application_status" AS ENUM('draft', 'submitted', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."unit_focus" AS ENUM('drugs', 'medical_devices', 'healthcare_management');--> statement-breakpoint
CREATE TYPE "public"."verification_state" AS ENUM('unverified', 'verified', 'disputed');--> statement-breakpoint
CREATE TABLE "education_fields" (
	"code" text PRIMARY KEY NOT NULL,
	"zh" text NOT NULL,
	"en" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "education_fields_code" CHECK ("education_fields"."code" ~ '^[0-9]{4,5}$')
);
--> statement-breakpoint
CREATE TABLE "forecasts" (
	"survey_key" text NOT NULL,
	"year" integer NOT NULL,
	"scenario" "forecast_scenario" NOT NULL,
	"new_demand" integer NOT NULL,
	"new_demand_share_pct" numeric(5, 2),
	"revenue_hundred_million_ntd" numeric(12, 2),
	"revenue_growth_pct" numeric(6, 2),
	"employment" integer,
	"new_supply" integer,
	"source_file" text NOT NULL,
	"source_location" text NOT NULL,
	CONSTRAINT "forecasts_survey_key_year_scenario_pk" PRIMARY KEY("survey_key","year","scenario"),
	CONSTRAINT "forecasts_new_demand" CHECK ("forecasts"."new_demand" >= 0),
	CONSTRAINT "forecasts_employment" CHECK ("forecasts"."employment" is null or "forecasts"."employment" >= 0),
	CONSTRAINT "forecasts_new_supply" CHECK ("forecasts"."new_supply" is null or "forecasts"."new_supply" >= 0)
);
--> statement-breakpoint
CREATE TABLE "occupation_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "occupation_codes_code" CHECK ("occupation_codes"."code" ~ '^[0-9]{6}$')
);
--> statement-breakpoint
CREATE TABLE "occupation_education_fields" (
	"occupation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"field_code" text NOT NULL,
	"as_written" text NOT NULL,
	CONSTRAINT "occupation_education_fields_occupation_id_position_pk" PRIMARY KEY("occupation_id","position"),
	CONSTRAINT "occupation_fields_once" UNIQUE("occupation_id","field_code"),
	CONSTRAINT "occupation_fields_position" CHECK ("occupation_education_fields"."position" >= 1)
);
--> statement-breakpoint
CREATE TABLE "occupation_shortage_reasons" (
	"occupation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"reason_key" text NOT NULL,
	"as_written" text NOT NULL,
	CONSTRAINT "occupation_shortage_reasons_occupation_id_position_pk" PRIMARY KEY("occupation_id","position"),
	CONSTRAINT "occupation_reasons_once" UNIQUE("occupation_id","reason_key"),
	CONSTRAINT "occupation_reasons_position" CHECK ("occupation_shortage_reasons"."position" >= 1)
);
--> statement-breakpoint
CREATE TABLE "occupation_skills" (
	"occupation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"skill_key" text NOT NULL,
	"as_written" text NOT NULL,
	CONSTRAINT "occupation_skills_occupation_id_position_pk" PRIMARY KEY("occupation_id","position"),
	CONSTRAINT "occupation_skills_once" UNIQUE("occupation_id","skill_key"),
	CONSTRAINT "occupation_skills_position" CHECK ("occupation_skills"."position" >= 1)
);
--> statement-breakpoint
CREATE TABLE "occupations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_key" text NOT NULL,
	"code" text NOT NULL,
	"table_order" integer NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"description_zh" text NOT NULL,
	"description_en" text NOT NULL,
	"min_education" "education_level" NOT NULL,
	"any_education_field" boolean DEFAULT false NOT NULL,
	"experience" "experience_band" NOT NULL,
	"difficulty" "recruitment_difficulty" NOT NULL,
	"overseas_needed" boolean NOT NULL,
	"icap_level" integer,
	"source_file" text NOT NULL,
	"source_location" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "occupations_survey_code" UNIQUE("survey_key","code"),
	CONSTRAINT "occupations_survey_order" UNIQUE("survey_key","table_order"),
	CONSTRAINT "occupations_icap_level" CHECK ("occupations"."icap_level" between 1 and 7),
	CONSTRAINT "occupations_table_order" CHECK ("occupations"."table_order" >= 1)
);
--> statement-breakpoint
CREATE TABLE "recruitment_difficulty_rows" (
	"survey_key" text NOT NULL,
	"position" integer NOT NULL,
	"job_category_zh" text NOT NULL,
	"job_category_en" text NOT NULL,
	"difficulty" "recruitment_difficulty" NOT NULL,
	"share_pct" numeric(5, 2) NOT NULL,
	"source_file" text NOT NULL,
	"source_location" text NOT NULL,
	CONSTRAINT "recruitment_difficulty_rows_survey_key_position_pk" PRIMARY KEY("survey_key","position"),
	CONSTRAINT "recruitment_difficulty_category" UNIQUE("survey_key","job_category_zh"),
	CONSTRAINT "recruitment_difficulty_share" CHECK ("recruitment_difficulty_rows"."share_pct" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "shortage_reasons" (
	"key" text PRIMARY KEY NOT NULL,
	"zh" text NOT NULL,
	"en" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skills" (
	"key" text PRIMARY KEY NOT NULL,
	"zh" text NOT NULL,
	"en" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skills_zh_unique" UNIQUE("zh")
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"key" text PRIMARY KEY NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"publisher_zh" text NOT NULL,
	"publisher_en" text NOT NULL,
	"year" integer NOT NULL,
	"forecast_from_year" integer NOT NULL,
	"forecast_to_year" integer NOT NULL,
	"forecast_method_zh" text NOT NULL,
	"forecast_method_en" text NOT NULL,
	"source_file" text NOT NULL,
	"source_location" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_forecast_years" CHECK ("surveys"."forecast_from_year" <= "surveys"."forecast_to_year")
);
--> statement-breakpoint
CREATE TABLE "app_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"detail" text,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "auth_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"purpose" "auth_token_purpose" NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_outbox_attempts" CHECK ("email_outbox"."attempts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_user_id" text NOT NULL,
	"purpose" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "files_size" CHECK ("files"."size_bytes" > 0 and "files"."size_bytes" <= 5242880),
	CONSTRAINT "files_mime" CHECK ("files"."mime_type" in ('application/pdf', 'image/png', 'image/jpeg'))
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" "role" NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "invitations_email_lowercase" CHECK ("invitations"."email" = lower("invitations"."email"))
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"organisation_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"is_org_admin" boolean DEFAULT false NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_organisation_id_user_id_pk" PRIMARY KEY("organisation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"approval" "approval_state" DEFAULT 'draft' NOT NULL,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"city" text,
	"website" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_slug_unique" UNIQUE("slug"),
	CONSTRAINT "organisations_slug" CHECK ("organisations"."slug" ~ '^[a-z0-9-]+$'),
	CONSTRAINT "organisations_approved_has_approver" CHECK ("organisations"."approval" <> 'approved' or "organisations"."approved_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "search_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"index_name" text NOT NULL,
	"document_id" text NOT NULL,
	"op" "search_job_op" NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"absolute_expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"user_id" text NOT NULL,
	"role" "role" NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_roles_user_id_role_pk" PRIMARY KEY("user_id","role")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"email_verified_at" timestamp with time zone,
	"password_hash" text,
	"display_name" text NOT NULL,
	"locale" "locale" DEFAULT 'zh-TW' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_email_lowercase" CHECK ("users"."email" = lower("users"."email") and position('@' in "users"."email") > 1)
);
--> statement-breakpoint
CREATE TABLE "talent_degrees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"level" "education_level" NOT NULL,
	"field_code" text NOT NULL,
	"institution" text NOT NULL,
	"year" integer NOT NULL,
	CONSTRAINT "talent_degrees_year" CHECK ("talent_degrees"."year" between 1950 and 2100)
);
--> statement-breakpoint
CREATE TABLE "talent_languages" (
	"user_id" text NOT NULL,
	"language" text NOT NULL,
	"proficiency" integer NOT NULL,
	CONSTRAINT "talent_languages_user_id_language_pk" PRIMARY KEY("user_id","language"),
	CONSTRAINT "talent_languages_proficiency" CHECK ("talent_languages"."proficiency" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "talent_profiles" (
	"user_id" text PRIMARY KEY NOT NULL,
	"headline" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"nationality" text,
	"country_of_residence" text,
	"city" text,
	"years_experience" integer DEFAULT 0 NOT NULL,
	"intended_arrival_on" date,
	"visibility" "profile_visibility" DEFAULT 'applications_only' NOT NULL,
	"cv_file_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "talent_years_experience" CHECK ("talent_profiles"."years_experience" between 0 and 70),
	CONSTRAINT "talent_nationality" CHECK ("talent_profiles"."nationality" is null or "talent_profiles"."nationality" ~ '^[A-Z]{2}$'),
	CONSTRAINT "talent_residence" CHECK ("talent_profiles"."country_of_residence" is null or "talent_profiles"."country_of_residence" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "talent_skills" (
	"user_id" text NOT NULL,
	"skill_key" text NOT NULL,
	"level" integer NOT NULL,
	CONSTRAINT "talent_skills_user_id_skill_key_pk" PRIMARY KEY("user_id","skill_key"),
	CONSTRAINT "talent_skills_level" CHECK ("talent_skills"."level" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "application_stage_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"from_stage" "application_stage",
	"to_stage" "application_stage" NOT NULL,
	"actor_user_id" text,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position_id" uuid NOT NULL,
	"talent_user_id" text NOT NULL,
	"origin" "application_origin" NOT NULL,
	"stage" "application_stage" NOT NULL,
	"cover_note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_once_per_position" UNIQUE("position_id","talent_user_id")
);
--> statement-breakpoint
CREATE TABLE "interview_scorecards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"interviewer_user_id" text NOT NULL,
	"recommendation" "recommendation" NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scorecards_one_per_interviewer" UNIQUE("application_id","interviewer_user_id")
);
--> statement-breakpoint
CREATE TABLE "position_education_fields" (
	"position_id" uuid NOT NULL,
	"field_code" text NOT NULL,
	CONSTRAINT "position_education_fields_position_id_field_code_pk" PRIMARY KEY("position_id","field_code")
);
--> statement-breakpoint
CREATE TABLE "position_revisions" (
	"position_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"edited_by" text,
	"edited_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "position_revisions_position_id_revision_pk" PRIMARY KEY("position_id","revision")
);
--> statement-breakpoint
CREATE TABLE "position_skills" (
	"position_id" uuid NOT NULL,
	"skill_key" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "position_skills_position_id_skill_key_pk" PRIMARY KEY("position_id","skill_key"),
	CONSTRAINT "position_skills_order" UNIQUE("position_id","position")
);
--> statement-breakpoint
CREATE TABLE "positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"occupation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"city" text NOT NULL,
	"salary_min_ntd" integer,
	"salary_max_ntd" integer,
	"headcount" integer NOT NULL,
	"remaining_headcount" integer NOT NULL,
	"application_deadline" date,
	"min_education" "education_level" NOT NULL,
	"experience" "experience_band" NOT NULL,
	"working_languages" text[] DEFAULT '{zh}'::text[] NOT NULL,
	"open_to_overseas" boolean DEFAULT false NOT NULL,
	"supports_work_permit" boolean DEFAULT false NOT NULL,
	"status" "position_status" DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "positions_salary" CHECK (("positions"."salary_min_ntd" is null or "positions"."salary_min_ntd" >= 0) and ("positions"."salary_max_ntd" is null or "positions"."salary_min_ntd" is null or "positions"."salary_max_ntd" >= "positions"."salary_min_ntd")),
	CONSTRAINT "positions_headcount" CHECK ("positions"."headcount" >= 1 and "positions"."remaining_headcount" between 0 and "positions"."headcount"),
	CONSTRAINT "positions_filled_means_none_left" CHECK ("positions"."status" <> 'filled' or "positions"."remaining_headcount" = 0),
	CONSTRAINT "positions_overseas_permit" CHECK ("positions"."open_to_overseas" or not "positions"."supports_work_permit")
);
--> statement-breakpoint
CREATE TABLE "scorecard_scores" (
	"scorecard_id" uuid NOT NULL,
	"skill_key" text NOT NULL,
	"score" integer NOT NULL,
	CONSTRAINT "scorecard_scores_scorecard_id_skill_key_pk" PRIMARY KEY("scorecard_id","skill_key"),
	CONSTRAINT "scorecard_scores_range" CHECK ("scorecard_scores"."score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"enrolment_id" uuid NOT NULL,
	"session_on" date NOT NULL,
	"present" boolean NOT NULL,
	"recorded_by" text,
	CONSTRAINT "attendance_enrolment_id_session_on_pk" PRIMARY KEY("enrolment_id","session_on")
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"serial" text NOT NULL,
	"verification_code" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "certificates_enrolment_id_unique" UNIQUE("enrolment_id"),
	CONSTRAINT "certificates_serial_unique" UNIQUE("serial"),
	CONSTRAINT "certificates_verification_code_unique" UNIQUE("verification_code")
);
--> statement-breakpoint
CREATE TABLE "cohorts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"capacity" integer NOT NULL,
	"icap_level" integer,
	"enrolment_closes_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohorts_name" UNIQUE("programme_id","name"),
	CONSTRAINT "cohorts_dates" CHECK ("cohorts"."ends_on" >= "cohorts"."starts_on"),
	CONSTRAINT "cohorts_capacity" CHECK ("cohorts"."capacity" >= 0),
	CONSTRAINT "cohorts_icap" CHECK ("cohorts"."icap_level" is null or "cohorts"."icap_level" between 1 and 7)
);
--> statement-breakpoint
CREATE TABLE "enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"status" "enrolment_status" NOT NULL,
	"waitlist_position" integer,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enrolments_once" UNIQUE("cohort_id","user_id"),
	CONSTRAINT "enrolments_waitlist" CHECK (("enrolments"."status" = 'waitlisted') = ("enrolments"."waitlist_position" is not null) and coalesce("enrolments"."waitlist_position", 1) >= 1),
	CONSTRAINT "enrolments_completed" CHECK (("enrolments"."status" = 'completed') = ("enrolments"."completed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "programme_rules" (
	"programme_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"zh" text NOT NULL,
	"en" text NOT NULL,
	CONSTRAINT "programme_rules_programme_id_position_pk" PRIMARY KEY("programme_id","position"),
	CONSTRAINT "programme_rules_position" CHECK ("programme_rules"."position" >= 1)
);
--> statement-breakpoint
CREATE TABLE "programme_skills" (
	"programme_id" uuid NOT NULL,
	"skill_key" text NOT NULL,
	"level" integer NOT NULL,
	CONSTRAINT "programme_skills_programme_id_skill_key_pk" PRIMARY KEY("programme_id","skill_key"),
	CONSTRAINT "programme_skills_level" CHECK ("programme_skills"."level" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "programme_target_occupations" (
	"programme_id" uuid NOT NULL,
	"occupation_code" text NOT NULL,
	CONSTRAINT "programme_target_occupations_programme_id_occupation_code_pk" PRIMARY KEY("programme_id","occupation_code")
);
--> statement-breakpoint
CREATE TABLE "programme_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"label_zh" text NOT NULL,
	"label_en" text NOT NULL,
	"value" numeric(14, 4) NOT NULL,
	"unit_zh" text NOT NULL,
	"unit_en" text NOT NULL,
	"year" integer,
	CONSTRAINT "programme_targets_metric_year" UNIQUE NULLS NOT DISTINCT("programme_id","metric","year"),
	CONSTRAINT "programme_targets_value" CHECK ("programme_targets"."value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"type" "programme_type" NOT NULL,
	"provider_organisation_id" uuid,
	"provider_zh" text NOT NULL,
	"provider_en" text NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"summary_zh" text NOT NULL,
	"summary_en" text NOT NULL,
	"schedule_zh" text,
	"schedule_en" text,
	"eligibility_zh" text,
	"eligibility_en" text,
	"language" text DEFAULT 'zh' NOT NULL,
	"city" text,
	"duration_months" integer,
	"monthly_stipend_ntd" integer,
	"fee_ntd" integer,
	"capacity_per_year" integer,
	"status" "publication_state" DEFAULT 'draft' NOT NULL,
	"source_file" text,
	"source_location" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_key_unique" UNIQUE("key"),
	CONSTRAINT "programmes_key" CHECK ("programmes"."key" ~ '^[a-z0-9-]+$'),
	CONSTRAINT "programmes_numbers" CHECK (coalesce("programmes"."duration_months", 1) > 0 and coalesce("programmes"."monthly_stipend_ntd", 0) >= 0 and coalesce("programmes"."fee_ntd", 0) >= 0 and coalesce("programmes"."capacity_per_year", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "internship_partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quota_application_id" uuid NOT NULL,
	"partner_organisation_id" uuid,
	"partner_name" text NOT NULL,
	"is_medical_centre" boolean DEFAULT false NOT NULL,
	CONSTRAINT "internship_partners_once" UNIQUE("quota_application_id","partner_name")
);
--> statement-breakpoint
CREATE TABLE "internships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"placement_id" uuid NOT NULL,
	"partner_organisation_id" uuid,
	"partner_name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	CONSTRAINT "internships_dates" CHECK ("internships"."ends_on" > "internships"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "interviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quota_application_id" uuid NOT NULL,
	"trainee_application_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location" text NOT NULL,
	"status" "interview_status" DEFAULT 'scheduled' NOT NULL,
	CONSTRAINT "interviews_once" UNIQUE("quota_application_id","trainee_application_id"),
	CONSTRAINT "interviews_times" CHECK ("interviews"."ends_at" > "interviews"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "match_results" (
	"match_run_id" uuid NOT NULL,
	"trainee_application_id" uuid NOT NULL,
	"quota_application_id" uuid,
	"preference_rank" integer,
	CONSTRAINT "match_results_match_run_id_trainee_application_id_pk" PRIMARY KEY("match_run_id","trainee_application_id"),
	CONSTRAINT "match_results_rank" CHECK (("match_results"."quota_application_id" is null) = ("match_results"."preference_rank" is null))
);
--> statement-breakpoint
CREATE TABLE "match_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"run_number" integer NOT NULL,
	"algorithm" text DEFAULT 'applicant-proposing-deferred-acceptance' NOT NULL,
	"input_hash" text NOT NULL,
	"status" "match_run_status" DEFAULT 'computed' NOT NULL,
	"run_by" text,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"verified_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	CONSTRAINT "match_runs_number" UNIQUE("round_id","run_number"),
	CONSTRAINT "match_runs_published_verified" CHECK ("match_runs"."published_at" is null or "match_runs"."verified_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "placement_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"status" "round_status" DEFAULT 'draft' NOT NULL,
	"monthly_stipend_ntd" integer DEFAULT 56650 NOT NULL,
	"max_preferences" integer DEFAULT 5 NOT NULL,
	"total_quota" integer NOT NULL,
	"unit_applications_close_at" timestamp with time zone NOT NULL,
	"review_close_at" timestamp with time zone NOT NULL,
	"registration_open_at" timestamp with time zone NOT NULL,
	"preferences_close_at" timestamp with time zone NOT NULL,
	"interviews_close_at" timestamp with time zone NOT NULL,
	"unit_ranking_close_at" timestamp with time zone NOT NULL,
	"match_at" timestamp with time zone NOT NULL,
	"publish_at" timestamp with time zone NOT NULL,
	"check_in_close_at" timestamp with time zone NOT NULL,
	"training_starts_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placement_rounds_year" UNIQUE("programme_id","year"),
	CONSTRAINT "placement_rounds_stipend" CHECK ("placement_rounds"."monthly_stipend_ntd" > 0),
	CONSTRAINT "placement_rounds_preferences" CHECK ("placement_rounds"."max_preferences" between 1 and 30),
	CONSTRAINT "placement_rounds_quota" CHECK ("placement_rounds"."total_quota" >= 0),
	CONSTRAINT "placement_rounds_calendar" CHECK ("placement_rounds"."unit_applications_close_at" <= "placement_rounds"."review_close_at"
    and "placement_rounds"."registration_open_at" <= "placement_rounds"."preferences_close_at"
    and "placement_rounds"."preferences_close_at" <= "placement_rounds"."interviews_close_at"
    and "placement_rounds"."interviews_close_at" <= "placement_rounds"."unit_ranking_close_at"
    and "placement_rounds"."unit_ranking_close_at" <= "placement_rounds"."match_at"
    and "placement_rounds"."match_at" <= "placement_rounds"."publish_at"
    and "placement_rounds"."publish_at" <= "placement_rounds"."check_in_close_at")
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"trainee_application_id" uuid NOT NULL,
	"quota_application_id" uuid NOT NULL,
	"status" "placement_status" DEFAULT 'admitted' NOT NULL,
	"checked_in_at" timestamp with time zone,
	"starts_on" date,
	"ends_on" date,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placements_trainee_application_id_unique" UNIQUE("trainee_application_id"),
	CONSTRAINT "placements_dates" CHECK ("placements"."ends_on" is null or "placements"."starts_on" is null or "placements"."ends_on" >= "placements"."starts_on"),
	CONSTRAINT "placements_checked_in" CHECK ("placements"."status" not in ('checked_in', 'completed') or "placements"."checked_in_at" is not null),
	CONSTRAINT "placements_completed" CHECK (("placements"."status" = 'completed') = ("placements"."completed_at" is not null)),
	CONSTRAINT "placements_at_most_a_year" CHECK ("placements"."ends_on" is null or "placements"."starts_on" is null or "placements"."ends_on" <= "placements"."starts_on" + interval '1 year')
);
--> statement-breakpoint
CREATE TABLE "preference_receipts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trainee_application_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "preference_receipts_version" UNIQUE("trainee_application_id","version")
);
--> statement-breakpoint
CREATE TABLE "review_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quota_application_id" uuid NOT NULL,
	"reviewer_user_id" text NOT NULL,
	"conflict_declared" boolean DEFAULT false NOT NULL,
	"conflict_note" text,
	"submitted_at" timestamp with time zone,
	"comment" text,
	CONSTRAINT "review_assignments_once" UNIQUE("quota_application_id","reviewer_user_id")
);
--> statement-breakpoint
CREATE TABLE "review_criteria" (
	"round_id" uuid NOT NULL,
	"key" text NOT NULL,
	"label_zh" text NOT NULL,
	"label_en" text NOT NULL,
	"weight" numeric(5, 2) NOT NULL,
	"max_score" integer NOT NULL,
	CONSTRAINT "review_criteria_round_id_key_pk" PRIMARY KEY("round_id","key"),
	CONSTRAINT "review_criteria_weight" CHECK ("review_criteria"."weight" > 0),
	CONSTRAINT "review_criteria_max" CHECK ("review_criteria"."max_score" > 0)
);
--> statement-breakpoint
CREATE TABLE "review_scores" (
	"assignment_id" uuid NOT NULL,
	"criterion_key" text NOT NULL,
	"score" integer NOT NULL,
	CONSTRAINT "review_scores_assignment_id_criterion_key_pk" PRIMARY KEY("assignment_id","criterion_key"),
	CONSTRAINT "review_scores_score" CHECK ("review_scores"."score" >= 0)
);
--> statement-breakpoint
CREATE TABLE "trainee_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"phd_status" "phd_status" NOT NULL,
	"phd_obtained_on" date,
	"phd_expected_on" date,
	"evidence_file_id" uuid,
	"innovation_score" numeric(5, 2),
	"status" "trainee_application_status" DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trainee_applications_once" UNIQUE("round_id","user_id"),
	CONSTRAINT "trainee_applications_phd_dates" CHECK (("trainee_applications"."phd_status" = 'obtained' and "trainee_applications"."phd_obtained_on" is not null) or ("trainee_applications"."phd_status" = 'expected' and "trainee_applications"."phd_expected_on" is not null)),
	CONSTRAINT "trainee_applications_innovation" CHECK ("trainee_applications"."innovation_score" is null or "trainee_applications"."innovation_score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "trainee_preferences" (
	"trainee_application_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"quota_application_id" uuid NOT NULL,
	CONSTRAINT "trainee_preferences_trainee_application_id_rank_pk" PRIMARY KEY("trainee_application_id","rank"),
	CONSTRAINT "trainee_preferences_unit_once" UNIQUE("trainee_application_id","quota_application_id"),
	CONSTRAINT "trainee_preferences_rank" CHECK ("trainee_preferences"."rank" >= 1)
);
--> statement-breakpoint
CREATE TABLE "unit_quota_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"unit_organisation_id" uuid NOT NULL,
	"focus" "unit_focus" NOT NULL,
	"plan_zh" text NOT NULL,
	"plan_en" text,
	"courses" text NOT NULL,
	"internship_months" integer NOT NULL,
	"requested_trainees" integer NOT NULL,
	"status" "quota_application_status" DEFAULT 'draft' NOT NULL,
	"returned_reason" text,
	"allocated_quota" integer,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_quota_applications_once" UNIQUE("round_id","unit_organisation_id"),
	CONSTRAINT "unit_quota_internship" CHECK ("unit_quota_applications"."internship_months" >= 6 and "unit_quota_applications"."internship_months" <= 12),
	CONSTRAINT "unit_quota_requested" CHECK ("unit_quota_applications"."requested_trainees" >= 1),
	CONSTRAINT "unit_quota_allocated" CHECK ("unit_quota_applications"."allocated_quota" is null or "unit_quota_applications"."allocated_quota" >= 0),
	CONSTRAINT "unit_quota_allocated_state" CHECK ("unit_quota_applications"."status" <> 'allocated' or "unit_quota_applications"."allocated_quota" is not null),
	CONSTRAINT "unit_quota_returned_reason" CHECK ("unit_quota_applications"."status" <> 'returned' or "unit_quota_applications"."returned_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "unit_rank_entries" (
	"rank_list_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"trainee_application_id" uuid NOT NULL,
	CONSTRAINT "unit_rank_entries_rank_list_id_rank_pk" PRIMARY KEY("rank_list_id","rank"),
	CONSTRAINT "unit_rank_entries_once" UNIQUE("rank_list_id","trainee_application_id"),
	CONSTRAINT "unit_rank_entries_rank" CHECK ("unit_rank_entries"."rank" >= 1)
);
--> statement-breakpoint
CREATE TABLE "unit_rank_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quota_application_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_rank_lists_quota_application_id_unique" UNIQUE("quota_application_id")
);
--> statement-breakpoint
CREATE TABLE "matching_fund_spends" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"amount_ntd" integer NOT NULL,
	"spent_on" date NOT NULL,
	"description" text NOT NULL,
	"recorded_by" text,
	CONSTRAINT "matching_fund_spends_amount" CHECK ("matching_fund_spends"."amount_ntd" > 0)
);
--> statement-breakpoint
CREATE TABLE "mentor_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"mentor_user_id" text NOT NULL,
	"mode" "mentor_mode" NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentor_assignments_once" UNIQUE("team_id","mentor_user_id")
);
--> statement-breakpoint
CREATE TABLE "mentor_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"met_on" date NOT NULL,
	"minutes" integer NOT NULL,
	"notes" text NOT NULL,
	CONSTRAINT "mentor_meetings_minutes" CHECK ("mentor_meetings"."minutes" between 1 and 1440)
);
--> statement-breakpoint
CREATE TABLE "spark_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"title" text NOT NULL,
	"deliverable" text NOT NULL,
	"due_on" date NOT NULL,
	"status" "milestone_status" DEFAULT 'planned' NOT NULL,
	"evidence_file_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spark_team_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"email" text NOT NULL,
	"user_id" text,
	"role" "spark_member_role" NOT NULL,
	"state" "invitation_state" DEFAULT 'invited' NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone,
	CONSTRAINT "spark_team_members_once" UNIQUE("team_id","email"),
	CONSTRAINT "spark_team_members_accepted_user" CHECK ("spark_team_members"."state" <> 'accepted' or "spark_team_members"."user_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "spark_teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"project_title" text NOT NULL,
	"clinical_need" text NOT NULL,
	"technology" text NOT NULL,
	"stage" "spark_stage" NOT NULL,
	"status" "spark_team_status" DEFAULT 'forming' NOT NULL,
	"lead_user_id" text NOT NULL,
	"matching_fund_budget_ntd" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "spark_teams_budget" CHECK ("spark_teams"."matching_fund_budget_ntd" >= 0)
);
--> statement-breakpoint
CREATE TABLE "employment_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"placement_id" uuid,
	"enrolment_id" uuid,
	"application_id" uuid,
	"checkpoint" "outcome_checkpoint" NOT NULL,
	"status" "outcome_status" NOT NULL,
	"employer_organisation_id" uuid,
	"employer_name" text,
	"occupation_code" text,
	"is_shortage_occupation" boolean DEFAULT false NOT NULL,
	"salary_band" "salary_band" DEFAULT 'undisclosed' NOT NULL,
	"source" "outcome_source" NOT NULL,
	"verification" "verification_state" DEFAULT 'unverified' NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employment_outcomes_once" UNIQUE NULLS NOT DISTINCT("placement_id","enrolment_id","application_id","checkpoint"),
	CONSTRAINT "employment_outcomes_one_subject" CHECK (num_nonnulls("employment_outcomes"."placement_id", "employment_outcomes"."enrolment_id", "employment_outcomes"."application_id") = 1),
	CONSTRAINT "employment_outcomes_employer" CHECK ("employment_outcomes"."status" not in ('industry', 'academia', 'medical_institution', 'government') or "employment_outcomes"."employer_organisation_id" is not null or "employment_outcomes"."employer_name" is not null)
);
--> statement-breakpoint
CREATE TABLE "outcome_survey_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"placement_id" uuid,
	"enrolment_id" uuid,
	"checkpoint" "outcome_checkpoint" NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"reminders_sent" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outcome_survey_tokens_subject" CHECK (num_nonnulls("outcome_survey_tokens"."placement_id", "outcome_survey_tokens"."enrolment_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "event_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"role" "event_participant_role" NOT NULL,
	"user_id" text,
	"organisation_id" uuid,
	"spark_team_id" uuid,
	"position_id" uuid,
	"attended" boolean,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_registrations_once" UNIQUE NULLS NOT DISTINCT("event_id","role","user_id","organisation_id","spark_team_id","position_id"),
	CONSTRAINT "event_registrations_who" CHECK (num_nonnulls("event_registrations"."user_id", "event_registrations"."organisation_id", "event_registrations"."spark_team_id") >= 1)
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "event_kind" NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"description_zh" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text DEFAULT 'Asia/Taipei' NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"venue" text,
	"city" text,
	"country" text,
	"capacity" integer,
	"meeting_minutes" integer DEFAULT 20 NOT NULL,
	"organiser_organisation_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_times" CHECK ("events"."ends_at" > "events"."starts_at"),
	CONSTRAINT "events_capacity" CHECK ("events"."capacity" is null or "events"."capacity" >= 0),
	CONSTRAINT "events_meeting_minutes" CHECK ("events"."meeting_minutes" between 5 and 240),
	CONSTRAINT "events_venue" CHECK ("events"."online" or "events"."venue" is not null)
);
--> statement-breakpoint
CREATE TABLE "inquiries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "inquiry_kind" NOT NULL,
	"subject" text NOT NULL,
	"requester_user_id" text,
	"requester_email" text NOT NULL,
	"status" "inquiry_status" DEFAULT 'open' NOT NULL,
	"assignee_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inquiry_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inquiry_id" uuid NOT NULL,
	"author_user_id" text,
	"from_office" boolean NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inquiry_messages_body" CHECK (length("inquiry_messages"."body") between 1 and 20000)
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"host_organisation_id" uuid NOT NULL,
	"guest_user_id" text,
	"guest_spark_team_id" uuid,
	"position_id" uuid,
	"status" "meeting_status" DEFAULT 'proposed' NOT NULL,
	"follow_up" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_host_slot" UNIQUE("event_id","host_organisation_id","starts_at"),
	CONSTRAINT "meetings_guest_slot" UNIQUE("event_id","guest_user_id","starts_at"),
	CONSTRAINT "meetings_team_slot" UNIQUE("event_id","guest_spark_team_id","starts_at"),
	CONSTRAINT "meetings_times" CHECK ("meetings"."ends_at" > "meetings"."starts_at"),
	CONSTRAINT "meetings_guest" CHECK (num_nonnulls("meetings"."guest_user_id", "meetings"."guest_spark_team_id") = 1)
);
--> statement-breakpoint
ALTER TABLE "forecasts" ADD CONSTRAINT "forecasts_survey_key_surveys_key_fk" FOREIGN KEY ("survey_key") REFERENCES "public"."surveys"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupation_education_fields" ADD CONSTRAINT "occupation_education_fields_occupation_id_occupations_id_fk" FOREIGN KEY ("occupation_id") REFERENCES "public"."occupations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupation_education_fields" ADD CONSTRAINT "occupation_education_fields_field_code_education_fields_code_fk" FOREIGN KEY ("field_code") REFERENCES "public"."education_fields"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupation_shortage_reasons" ADD CONSTRAINT "occupation_shortage_reasons_occupation_id_occupations_id_fk" FOREIGN KEY ("occupation_id") REFERENCES "public"."occupations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupation_shortage_reasons" ADD CONSTRAINT "occupation_shortage_reasons_reason_key_shortage_reasons_key_fk" FOREIGN KEY ("reason_key") REFERENCES "public"."shortage_reasons"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupation_skills" ADD CONSTRAINT "occupation_skills_occupation_id_occupations_id_fk" FOREIGN KEY ("occupation_id") REFERENCES "public"."occupations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupation_skills" ADD CONSTRAINT "occupation_skills_skill_key_skills_key_fk" FOREIGN KEY ("skill_key") REFERENCES "public"."skills"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupations" ADD CONSTRAINT "occupations_survey_key_surveys_key_fk" FOREIGN KEY ("survey_key") REFERENCES "public"."surveys"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupations" ADD CONSTRAINT "occupations_code_occupation_codes_code_fk" FOREIGN KEY ("code") REFERENCES "public"."occupation_codes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_difficulty_rows" ADD CONSTRAINT "recruitment_difficulty_rows_survey_key_surveys_key_fk" FOREIGN KEY ("survey_key") REFERENCES "public"."surveys"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_degrees" ADD CONSTRAINT "talent_degrees_user_id_talent_profiles_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."talent_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_degrees" ADD CONSTRAINT "talent_degrees_field_code_education_fields_code_fk" FOREIGN KEY ("field_code") REFERENCES "public"."education_fields"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_languages" ADD CONSTRAINT "talent_languages_user_id_talent_profiles_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."talent_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_profiles" ADD CONSTRAINT "talent_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_profiles" ADD CONSTRAINT "talent_profiles_cv_file_id_files_id_fk" FOREIGN KEY ("cv_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_skills" ADD CONSTRAINT "talent_skills_user_id_talent_profiles_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."talent_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_skills" ADD CONSTRAINT "talent_skills_skill_key_skills_key_fk" FOREIGN KEY ("skill_key") REFERENCES "public"."skills"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_stage_events" ADD CONSTRAINT "application_stage_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_stage_events" ADD CONSTRAINT "application_stage_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_talent_user_id_users_id_fk" FOREIGN KEY ("talent_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_scorecards" ADD CONSTRAINT "interview_scorecards_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_scorecards" ADD CONSTRAINT "interview_scorecards_interviewer_user_id_users_id_fk" FOREIGN KEY ("interviewer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_education_fields" ADD CONSTRAINT "position_education_fields_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_education_fields" ADD CONSTRAINT "position_education_fields_field_code_education_fields_code_fk" FOREIGN KEY ("field_code") REFERENCES "public"."education_fields"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_revisions" ADD CONSTRAINT "position_revisions_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_revisions" ADD CONSTRAINT "position_revisions_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_skills" ADD CONSTRAINT "position_skills_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_skills" ADD CONSTRAINT "position_skills_skill_key_skills_key_fk" FOREIGN KEY ("skill_key") REFERENCES "public"."skills"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_occupation_id_occupations_id_fk" FOREIGN KEY ("occupation_id") REFERENCES "public"."occupations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_scores" ADD CONSTRAINT "scorecard_scores_scorecard_id_interview_scorecards_id_fk" FOREIGN KEY ("scorecard_id") REFERENCES "public"."interview_scorecards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_scores" ADD CONSTRAINT "scorecard_scores_skill_key_skills_key_fk" FOREIGN KEY ("skill_key") REFERENCES "public"."skills"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_rules" ADD CONSTRAINT "programme_rules_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_skills" ADD CONSTRAINT "programme_skills_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_skills" ADD CONSTRAINT "programme_skills_skill_key_skills_key_fk" FOREIGN KEY ("skill_key") REFERENCES "public"."skills"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_target_occupations" ADD CONSTRAINT "programme_target_occupations_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_target_occupations" ADD CONSTRAINT "programme_target_occupations_occupation_code_occupation_codes_code_fk" FOREIGN KEY ("occupation_code") REFERENCES "public"."occupation_codes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_targets" ADD CONSTRAINT "programme_targets_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_provider_organisation_id_organisations_id_fk" FOREIGN KEY ("provider_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_partners" ADD CONSTRAINT "internship_partners_quota_application_id_unit_quota_applications_id_fk" FOREIGN KEY ("quota_application_id") REFERENCES "public"."unit_quota_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_partners" ADD CONSTRAINT "internship_partners_partner_organisation_id_organisations_id_fk" FOREIGN KEY ("partner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internships" ADD CONSTRAINT "internships_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internships" ADD CONSTRAINT "internships_partner_organisation_id_organisations_id_fk" FOREIGN KEY ("partner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_quota_application_id_unit_quota_applications_id_fk" FOREIGN KEY ("quota_application_id") REFERENCES "public"."unit_quota_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_trainee_application_id_trainee_applications_id_fk" FOREIGN KEY ("trainee_application_id") REFERENCES "public"."trainee_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_results" ADD CONSTRAINT "match_results_match_run_id_match_runs_id_fk" FOREIGN KEY ("match_run_id") REFERENCES "public"."match_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_results" ADD CONSTRAINT "match_results_trainee_application_id_trainee_applications_id_fk" FOREIGN KEY ("trainee_application_id") REFERENCES "public"."trainee_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_results" ADD CONSTRAINT "match_results_quota_application_id_unit_quota_applications_id_fk" FOREIGN KEY ("quota_application_id") REFERENCES "public"."unit_quota_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_runs" ADD CONSTRAINT "match_runs_round_id_placement_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."placement_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_runs" ADD CONSTRAINT "match_runs_run_by_users_id_fk" FOREIGN KEY ("run_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_rounds" ADD CONSTRAINT "placement_rounds_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_round_id_placement_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."placement_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_trainee_application_id_trainee_applications_id_fk" FOREIGN KEY ("trainee_application_id") REFERENCES "public"."trainee_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_quota_application_id_unit_quota_applications_id_fk" FOREIGN KEY ("quota_application_id") REFERENCES "public"."unit_quota_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preference_receipts" ADD CONSTRAINT "preference_receipts_trainee_application_id_trainee_applications_id_fk" FOREIGN KEY ("trainee_application_id") REFERENCES "public"."trainee_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_quota_application_id_unit_quota_applications_id_fk" FOREIGN KEY ("quota_application_id") REFERENCES "public"."unit_quota_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_reviewer_user_id_users_id_fk" FOREIGN KEY ("reviewer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_criteria" ADD CONSTRAINT "review_criteria_round_id_placement_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."placement_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_assignment_id_review_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."review_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainee_applications" ADD CONSTRAINT "trainee_applications_round_id_placement_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."placement_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainee_applications" ADD CONSTRAINT "trainee_applications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainee_applications" ADD CONSTRAINT "trainee_applications_evidence_file_id_files_id_fk" FOREIGN KEY ("evidence_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainee_preferences" ADD CONSTRAINT "trainee_preferences_trainee_application_id_trainee_applications_id_fk" FOREIGN KEY ("trainee_application_id") REFERENCES "public"."trainee_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainee_preferences" ADD CONSTRAINT "trainee_preferences_quota_application_id_unit_quota_applications_id_fk" FOREIGN KEY ("quota_application_id") REFERENCES "public"."unit_quota_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_quota_applications" ADD CONSTRAINT "unit_quota_applications_round_id_placement_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."placement_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_quota_applications" ADD CONSTRAINT "unit_quota_applications_unit_organisation_id_organisations_id_fk" FOREIGN KEY ("unit_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_rank_entries" ADD CONSTRAINT "unit_rank_entries_rank_list_id_unit_rank_lists_id_fk" FOREIGN KEY ("rank_list_id") REFERENCES "public"."unit_rank_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_rank_entries" ADD CONSTRAINT "unit_rank_entries_trainee_application_id_trainee_applications_id_fk" FOREIGN KEY ("trainee_application_id") REFERENCES "public"."trainee_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_rank_lists" ADD CONSTRAINT "unit_rank_lists_quota_application_id_unit_quota_applications_id_fk" FOREIGN KEY ("quota_application_id") REFERENCES "public"."unit_quota_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_fund_spends" ADD CONSTRAINT "matching_fund_spends_team_id_spark_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."spark_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_fund_spends" ADD CONSTRAINT "matching_fund_spends_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_assignments" ADD CONSTRAINT "mentor_assignments_team_id_spark_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."spark_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_assignments" ADD CONSTRAINT "mentor_assignments_mentor_user_id_users_id_fk" FOREIGN KEY ("mentor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_meetings" ADD CONSTRAINT "mentor_meetings_assignment_id_mentor_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."mentor_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spark_milestones" ADD CONSTRAINT "spark_milestones_team_id_spark_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."spark_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spark_milestones" ADD CONSTRAINT "spark_milestones_evidence_file_id_files_id_fk" FOREIGN KEY ("evidence_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spark_team_members" ADD CONSTRAINT "spark_team_members_team_id_spark_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."spark_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spark_team_members" ADD CONSTRAINT "spark_team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spark_teams" ADD CONSTRAINT "spark_teams_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spark_teams" ADD CONSTRAINT "spark_teams_lead_user_id_users_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_outcomes" ADD CONSTRAINT "employment_outcomes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_outcomes" ADD CONSTRAINT "employment_outcomes_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_outcomes" ADD CONSTRAINT "employment_outcomes_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_outcomes" ADD CONSTRAINT "employment_outcomes_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_outcomes" ADD CONSTRAINT "employment_outcomes_employer_organisation_id_organisations_id_fk" FOREIGN KEY ("employer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_outcomes" ADD CONSTRAINT "employment_outcomes_occupation_code_occupation_codes_code_fk" FOREIGN KEY ("occupation_code") REFERENCES "public"."occupation_codes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_outcomes" ADD CONSTRAINT "employment_outcomes_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_survey_tokens" ADD CONSTRAINT "outcome_survey_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_survey_tokens" ADD CONSTRAINT "outcome_survey_tokens_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_survey_tokens" ADD CONSTRAINT "outcome_survey_tokens_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_spark_team_id_spark_teams_id_fk" FOREIGN KEY ("spark_team_id") REFERENCES "public"."spark_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_organiser_organisation_id_organisations_id_fk" FOREIGN KEY ("organiser_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_requester_user_id_users_id_fk" FOREIGN KEY ("requester_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_messages" ADD CONSTRAINT "inquiry_messages_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_messages" ADD CONSTRAINT "inquiry_messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_host_organisation_id_organisations_id_fk" FOREIGN KEY ("host_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_guest_user_id_users_id_fk" FOREIGN KEY ("guest_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_guest_spark_team_id_spark_teams_id_fk" FOREIGN KEY ("guest_spark_team_id") REFERENCES "public"."spark_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_entity" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor" ON "audit_log" USING btree ("actor_user_id");--> statement-breakpoint
CREATE INDEX "email_outbox_due" ON "email_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "memberships_user" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "search_jobs_due" ON "search_jobs" USING btree ("done_at","next_attempt_at");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "application_stage_events_app" ON "application_stage_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "applications_talent" ON "applications" USING btree ("talent_user_id");--> statement-breakpoint
CREATE INDEX "positions_org" ON "positions" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "positions_status" ON "positions" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_waitlist_place" ON "enrolments" USING btree ("cohort_id","waitlist_position") WHERE "enrolments"."status" = 'waitlisted';--> statement-breakpoint
CREATE INDEX "enrolments_user" ON "enrolments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "match_results_unit" ON "match_results" USING btree ("match_run_id","quota_application_id");--> statement-breakpoint
CREATE INDEX "spark_milestones_team" ON "spark_milestones" USING btree ("team_id","due_on");--> statement-breakpoint
CREATE INDEX "employment_outcomes_user" ON "employment_outcomes" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "inquiries_status" ON "inquiries" USING btree ("status","created_at");