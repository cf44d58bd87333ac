-- The change feed learns versions finer than the estate's (migration 0012), so that an answer a
-- tenant's dashboard polls outlives other tenants' ingestion: the estate's notification carries the
-- config version too ('<sp id>:<estate version>:<config version>'), and every tenant usage stamp is
-- announced on channel vcc_usage as '<sp id>:<tenant id>:<version>'.
CREATE OR REPLACE FUNCTION notify_estate_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.estate_version IS DISTINCT FROM OLD.estate_version THEN
    PERFORM pg_notify('vcc_estate', NEW.id::text || ':' || NEW.estate_version::text || ':' || NEW.config_version::text);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION notify_tenant_usage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('vcc_usage', NEW.sp_id::text || ':' || NEW.tenant_id::text || ':' || NEW.version::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER tenant_usage_versions_notify AFTER INSERT OR UPDATE ON tenant_usage_versions
  FOR EACH ROW EXECUTE FUNCTION notify_tenant_usage();
