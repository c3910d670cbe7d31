-- The activity log is append-only: a direct UPDATE or DELETE is refused. Changes cascaded from
-- a deleted network, initiative or user (pg_trigger_depth() > 1) still go through.
CREATE FUNCTION activity_append_only() RETURNS trigger AS $$
BEGIN
  IF pg_trigger_depth() = 1 THEN
    RAISE EXCEPTION 'activity is append-only';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER activity_append_only BEFORE UPDATE OR DELETE ON "activity"
  FOR EACH ROW EXECUTE FUNCTION activity_append_only();
