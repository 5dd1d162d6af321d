CREATE TYPE "public"."work_permit_step_kind" AS ENUM('offer', 'documents', 'work_permit', 'gold_card_or_visa', 'arrival', 'residence_certificate');--> statement-breakpoint
CREATE TYPE "public"."work_permit_step_owner" AS ENUM('company', 'talent');--> statement-breakpoint
CREATE TYPE "public"."work_permit_step_status" AS ENUM('pending', 'in_progress', 'done');--> statement-breakpoint
CREATE TABLE "work_permit_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"talent_user_id" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_permit_cases_application_id_unique" UNIQUE("application_id")
);
--> statement-breakpoint
CREATE TABLE "work_permit_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"step_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"uploaded_by" text,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_permit_documents_file_id_unique" UNIQUE("file_id")
);
--> statement-breakpoint
CREATE TABLE "work_permit_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "work_permit_step_kind" NOT NULL,
	"position" integer NOT NULL,
	"owner" "work_permit_step_owner" NOT NULL,
	"status" "work_permit_step_status" DEFAULT 'pending' NOT NULL,
	"due_on" date,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by" text,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "work_permit_steps_once" UNIQUE("case_id","kind"),
	CONSTRAINT "work_permit_steps_order" UNIQUE("case_id","position"),
	CONSTRAINT "work_permit_steps_position" CHECK ("work_permit_steps"."position" between 1 and 6),
	CONSTRAINT "work_permit_steps_note" CHECK (length("work_permit_steps"."note") <= 2000)
);
--> statement-breakpoint
ALTER TABLE "talent_profiles" ADD COLUMN "willing_to_relocate" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "work_permit_cases" ADD CONSTRAINT "work_permit_cases_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_permit_cases" ADD CONSTRAINT "work_permit_cases_talent_user_id_users_id_fk" FOREIGN KEY ("talent_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_permit_cases" ADD CONSTRAINT "work_permit_cases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_permit_documents" ADD CONSTRAINT "work_permit_documents_step_id_work_permit_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."work_permit_steps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_permit_documents" ADD CONSTRAINT "work_permit_documents_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_permit_documents" ADD CONSTRAINT "work_permit_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_permit_steps" ADD CONSTRAINT "work_permit_steps_case_id_work_permit_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."work_permit_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_permit_steps" ADD CONSTRAINT "work_permit_steps_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "work_permit_cases_talent" ON "work_permit_cases" USING btree ("talent_user_id");--> statement-breakpoint
CREATE INDEX "work_permit_cases_org" ON "work_permit_cases" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "work_permit_documents_step" ON "work_permit_documents" USING btree ("step_id");