ALTER TABLE "meetings" DROP CONSTRAINT "meetings_host_slot";--> statement-breakpoint
ALTER TABLE "meetings" DROP CONSTRAINT "meetings_guest_slot";--> statement-breakpoint
ALTER TABLE "meetings" DROP CONSTRAINT "meetings_team_slot";--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_host_slot" ON "meetings" USING btree ("event_id","host_organisation_id","starts_at") WHERE "meetings"."status" <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_guest_slot" ON "meetings" USING btree ("event_id","guest_user_id","starts_at") WHERE "meetings"."status" <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_team_slot" ON "meetings" USING btree ("event_id","guest_spark_team_id","starts_at") WHERE "meetings"."status" <> 'cancelled';