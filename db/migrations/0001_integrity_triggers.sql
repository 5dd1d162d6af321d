-- Rules that span rows, which CHECK constraints cannot express. Each trigger raises with a
-- stable message prefix (integrity:...) that the application maps to a message for the user.

-- The audit log is append-only.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'integrity:audit_log_append_only' USING ERRCODE = 'check_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint

-- A SPARK team has at most 5 members who have not declined or been revoked.
CREATE FUNCTION spark_team_size_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM spark_teams WHERE id = NEW.team_id FOR UPDATE;
  IF (SELECT count(*) FROM spark_team_members
      WHERE team_id = NEW.team_id AND state IN ('invited', 'accepted')) > 5 THEN
    RAISE EXCEPTION 'integrity:spark_team_too_large' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER spark_team_size AFTER INSERT OR UPDATE ON spark_team_members
  FOR EACH ROW EXECUTE FUNCTION spark_team_size_check();
--> statement-breakpoint

-- A trainee lists at most the round's number of preferences, and only units of that round.
CREATE FUNCTION trainee_preferences_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  app_round uuid;
  unit_round uuid;
  max_prefs integer;
BEGIN
  SELECT ta.round_id, r.max_preferences INTO app_round, max_prefs
    FROM trainee_applications ta JOIN placement_rounds r ON r.id = ta.round_id
    WHERE ta.id = NEW.trainee_application_id;
  SELECT round_id INTO unit_round FROM unit_quota_applications WHERE id = NEW.quota_application_id;
  IF unit_round IS DISTINCT FROM app_round THEN
    RAISE EXCEPTION 'integrity:preference_other_round' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.rank > max_prefs THEN
    RAISE EXCEPTION 'integrity:too_many_preferences' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER trainee_preferences_valid BEFORE INSERT OR UPDATE ON trainee_preferences
  FOR EACH ROW EXECUTE FUNCTION trainee_preferences_check();
--> statement-breakpoint

-- The quotas allocated in a round never add up to more than the round's total.
CREATE FUNCTION allocated_quota_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM placement_rounds WHERE id = NEW.round_id FOR UPDATE;
  IF (SELECT coalesce(sum(allocated_quota), 0) FROM unit_quota_applications WHERE round_id = NEW.round_id)
     > (SELECT total_quota FROM placement_rounds WHERE id = NEW.round_id) THEN
    RAISE EXCEPTION 'integrity:quota_exceeds_round_total' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER allocated_quota_within_total AFTER INSERT OR UPDATE OF allocated_quota ON unit_quota_applications
  FOR EACH ROW EXECUTE FUNCTION allocated_quota_check();
--> statement-breakpoint

-- A unit ranks only applicants who listed it.
CREATE FUNCTION unit_rank_entries_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM trainee_preferences p JOIN unit_rank_lists l ON l.quota_application_id = p.quota_application_id
    WHERE l.id = NEW.rank_list_id AND p.trainee_application_id = NEW.trainee_application_id
  ) THEN
    RAISE EXCEPTION 'integrity:ranked_applicant_did_not_apply' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER unit_rank_entries_applicants BEFORE INSERT OR UPDATE ON unit_rank_entries
  FOR EACH ROW EXECUTE FUNCTION unit_rank_entries_check();
