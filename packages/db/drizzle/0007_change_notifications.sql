-- Changes the API's in-process caches must hear of at once, announced on commit by NOTIFY:
-- an SP's estate version (every estate change bumps it) on channel vcc_estate as '<sp id>:<version>',
-- and any change that can end a credential's validity (a key revoked, expired or re-scoped; a user
-- disabled, re-scoped or removed) on channel vcc_credentials. Triggers, so no code path can forget.
CREATE FUNCTION notify_estate_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.estate_version IS DISTINCT FROM OLD.estate_version THEN
    PERFORM pg_notify('vcc_estate', NEW.id::text || ':' || NEW.estate_version::text);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER service_providers_estate_version AFTER UPDATE OF estate_version ON service_providers
  FOR EACH ROW EXECUTE FUNCTION notify_estate_version();
--> statement-breakpoint
CREATE FUNCTION notify_credentials() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('vcc_credentials', TG_TABLE_NAME);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER api_keys_validity AFTER UPDATE OF revoked_at, expires_at, role, tenant_id, sp_id OR DELETE ON api_keys
  FOR EACH STATEMENT EXECUTE FUNCTION notify_credentials();
--> statement-breakpoint
CREATE TRIGGER users_validity AFTER UPDATE OF disabled_at, role, tenant_id, sp_id, password_hash OR DELETE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION notify_credentials();
