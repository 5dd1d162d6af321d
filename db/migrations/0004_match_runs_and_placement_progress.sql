CREATE TABLE "common_course_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"placement_id" uuid NOT NULL,
	"attended_on" date NOT NULL,
	"hours" numeric(3, 1) NOT NULL,
	"topic" text NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "common_course_hours_hours" CHECK ("common_course_hours"."hours" > 0 and "common_course_hours"."hours" <= 8)
);
--> statement-breakpoint
CREATE TABLE "post_match_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"quota_application_id" uuid NOT NULL,
	"trainee_application_id" uuid NOT NULL,
	"status" text DEFAULT 'offered' NOT NULL,
	"offered_by" text,
	"offered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "post_match_offers_once" UNIQUE("quota_application_id","trainee_application_id"),
	CONSTRAINT "post_match_offers_status" CHECK ("post_match_offers"."status" in ('offered', 'accepted', 'declined', 'withdrawn')),
	CONSTRAINT "post_match_offers_answered" CHECK (("post_match_offers"."status" = 'offered') = ("post_match_offers"."answered_at" is null))
);
--> statement-breakpoint
CREATE TABLE "seat_moves" (
	"release_id" uuid NOT NULL,
	"step" integer NOT NULL,
	"trainee_application_id" uuid NOT NULL,
	"from_quota_application_id" uuid,
	"to_quota_application_id" uuid NOT NULL,
	CONSTRAINT "seat_moves_release_id_step_pk" PRIMARY KEY("release_id","step"),
	CONSTRAINT "seat_moves_step" CHECK ("seat_moves"."step" >= 1)
);
--> statement-breakpoint
CREATE TABLE "seat_releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"placement_id" uuid NOT NULL,
	"cause" text NOT NULL,
	"quota_application_id" uuid NOT NULL,
	"emptied_quota_application_id" uuid,
	"actor_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "seat_releases_placement_id_unique" UNIQUE("placement_id"),
	CONSTRAINT "seat_releases_cause" CHECK ("seat_releases"."cause" in ('declined', 'missed_check_in'))
);
--> statement-breakpoint
ALTER TABLE "internships" ADD COLUMN "is_medical_centre" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "internships" ADD COLUMN "recorded_by" text;--> statement-breakpoint
ALTER TABLE "internships" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "match_runs" ADD COLUMN "input_json" text NOT NULL;--> statement-breakpoint
ALTER TABLE "match_runs" ADD COLUMN "output_json" text NOT NULL;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "source" text DEFAULT 'match' NOT NULL;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "check_in_by" timestamp with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "common_course_hours" ADD CONSTRAINT "common_course_hours_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "common_course_hours" ADD CONSTRAINT "common_course_hours_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_match_offers" ADD CONSTRAINT "post_match_offers_round_id_placement_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."placement_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_match_offers" ADD CONSTRAINT "post_match_offers_quota_application_id_unit_quota_applications_id_fk" FOREIGN KEY ("quota_application_id") REFERENCES "public"."unit_quota_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_match_offers" ADD CONSTRAINT "post_match_offers_trainee_application_id_trainee_applications_id_fk" FOREIGN KEY ("trainee_application_id") REFERENCES "public"."trainee_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_match_offers" ADD CONSTRAINT "post_match_offers_offered_by_users_id_fk" FOREIGN KEY ("offered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seat_moves" ADD CONSTRAINT "seat_moves_release_id_seat_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."seat_releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seat_moves" ADD CONSTRAINT "seat_moves_trainee_application_id_trainee_applications_id_fk" FOREIGN KEY ("trainee_application_id") REFERENCES "public"."trainee_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seat_moves" ADD CONSTRAINT "seat_moves_from_quota_application_id_unit_quota_applications_id_fk" FOREIGN KEY ("from_quota_application_id") REFERENCES "public"."unit_quota_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seat_moves" ADD CONSTRAINT "seat_moves_to_quota_application_id_unit_quota_applications_id_fk" FOREIGN KEY ("to_quota_application_id") REFERENCES "public"."unit_quota_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seat_releases" ADD CONSTRAINT "seat_releases_round_id_placement_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."placement_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seat_releases" ADD CONSTRAINT "seat_releases_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seat_releases" ADD CONSTRAINT "seat_releases_quota_application_id_unit_quota_applications_id_fk" FOREIGN KEY ("quota_application_id") REFERENCES "public"."unit_quota_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seat_releases" ADD CONSTRAINT "seat_releases_emptied_quota_application_id_unit_quota_applications_id_fk" FOREIGN KEY ("emptied_quota_application_id") REFERENCES "public"."unit_quota_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seat_releases" ADD CONSTRAINT "seat_releases_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "common_course_hours_placement" ON "common_course_hours" USING btree ("placement_id");--> statement-breakpoint
CREATE INDEX "post_match_offers_trainee" ON "post_match_offers" USING btree ("trainee_application_id");--> statement-breakpoint
ALTER TABLE "internships" ADD CONSTRAINT "internships_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "placements_unit" ON "placements" USING btree ("quota_application_id","status");--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_source" CHECK ("placements"."source" in ('match', 'waitlist', 'post_match'));--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_ended" CHECK (("placements"."status" in ('declined', 'withdrawn')) = ("placements"."ended_at" is not null));--> statement-breakpoint

-- A published match run is the record of who was admitted: it and its results never change again.
-- Before publication a run may only change status (verified, superseded, published); what it read and
-- what it computed are fixed from the start.
CREATE FUNCTION match_runs_immutable_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.published_at IS NOT NULL THEN
    RAISE EXCEPTION 'integrity:match_run_published' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND (NEW.input_json IS DISTINCT FROM OLD.input_json OR NEW.output_json IS DISTINCT FROM OLD.output_json
      OR NEW.input_hash IS DISTINCT FROM OLD.input_hash OR NEW.run_number IS DISTINCT FROM OLD.run_number
      OR NEW.round_id IS DISTINCT FROM OLD.round_id OR NEW.computed_at IS DISTINCT FROM OLD.computed_at) THEN
    RAISE EXCEPTION 'integrity:match_run_record_fixed' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER match_runs_immutable BEFORE UPDATE OR DELETE ON match_runs
  FOR EACH ROW EXECUTE FUNCTION match_runs_immutable_check();
--> statement-breakpoint

CREATE FUNCTION match_results_immutable_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'integrity:match_results_fixed' USING ERRCODE = 'check_violation';
  END IF;
  IF EXISTS (SELECT 1 FROM match_runs WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.match_run_id ELSE NEW.match_run_id END AND published_at IS NOT NULL) THEN
    RAISE EXCEPTION 'integrity:match_run_published' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER match_results_immutable BEFORE INSERT OR UPDATE OR DELETE ON match_results
  FOR EACH ROW EXECUTE FUNCTION match_results_immutable_check();
--> statement-breakpoint
CREATE TRIGGER match_runs_no_truncate BEFORE TRUNCATE ON match_runs
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint

-- A unit never holds more trainees, plus open post-match offers, than its allocated quota. The unit's
-- row is locked first, so two offers or acceptances at once are counted one after the other.
CREATE FUNCTION unit_seats_check(quota_application uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  quota integer;
BEGIN
  SELECT allocated_quota INTO quota FROM unit_quota_applications WHERE id = quota_application FOR UPDATE;
  IF (SELECT count(*) FROM placements WHERE quota_application_id = quota_application AND status IN ('admitted', 'checked_in', 'completed'))
     + (SELECT count(*) FROM post_match_offers WHERE quota_application_id = quota_application AND status = 'offered')
     > coalesce(quota, 0) THEN
    RAISE EXCEPTION 'integrity:unit_over_quota' USING ERRCODE = 'check_violation';
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION placements_within_quota_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM unit_seats_check(NEW.quota_application_id);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER placements_within_quota AFTER INSERT OR UPDATE OF quota_application_id, status ON placements
  FOR EACH ROW EXECUTE FUNCTION placements_within_quota_check();
--> statement-breakpoint
CREATE TRIGGER post_match_offers_within_quota AFTER INSERT OR UPDATE OF status ON post_match_offers
  FOR EACH ROW EXECUTE FUNCTION placements_within_quota_check();
