ALTER TABLE "spark_teams" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "spark_teams" ADD COLUMN "withdrawn_by" text;--> statement-breakpoint
ALTER TABLE "spark_teams" ADD COLUMN "withdrawal_reason" text;--> statement-breakpoint
ALTER TABLE "spark_teams" ADD CONSTRAINT "spark_teams_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spark_teams" ADD CONSTRAINT "spark_teams_withdrawn" CHECK (("spark_teams"."status" = 'withdrawn') = ("spark_teams"."withdrawn_at" is not null));--> statement-breakpoint
ALTER TABLE "spark_teams" ADD CONSTRAINT "spark_teams_withdrawal_reason" CHECK ("spark_teams"."withdrawal_reason" is null or ("spark_teams"."status" = 'withdrawn' and char_length("spark_teams"."withdrawal_reason") between 1 and 500));