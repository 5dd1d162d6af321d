CREATE TABLE "office_calendar_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "office_calendar_days_day" UNIQUE("day"),
	CONSTRAINT "office_calendar_days_kind" CHECK ("office_calendar_days"."kind" in ('holiday', 'workday')),
	CONSTRAINT "office_calendar_days_weekday" CHECK (("office_calendar_days"."kind" = 'holiday') = (extract(isodow from "office_calendar_days"."day") < 6)),
	CONSTRAINT "office_calendar_days_name_zh" CHECK (length("office_calendar_days"."name_zh") between 1 and 100),
	CONSTRAINT "office_calendar_days_name_en" CHECK (length("office_calendar_days"."name_en") between 1 and 100)
);
--> statement-breakpoint
ALTER TABLE "office_calendar_days" ADD CONSTRAINT "office_calendar_days_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;