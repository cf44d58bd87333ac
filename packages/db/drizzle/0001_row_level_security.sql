-- Row-level security. The application runs every request as the role vcc_app (neither owner nor
-- superuser) with the caller's scope in transaction-local settings: app.sp_id, app.scope ('sp' or
-- 'tenant') and app.tenant_id. With nothing set, every policy below yields no rows.
DO $$ BEGIN
  CREATE ROLE vcc_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
-- The owner must be a member of vcc_app to SET ROLE to it (PostgreSQL 15 and later).
DO $$ BEGIN
  EXECUTE format('GRANT vcc_app TO %I', current_user);
EXCEPTION WHEN duplicate_object OR invalid_grant_operation THEN NULL;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO vcc_app;
--> statement-breakpoint
CREATE FUNCTION app_sp_id() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.sp_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE FUNCTION app_tenant_id() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE FUNCTION app_is_sp() RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT coalesce(current_setting('app.scope', true), '') = 'sp' $$;
--> statement-breakpoint
ALTER TABLE "tenants" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "tenants" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenants_isolation" ON "tenants" USING (sp_id = app_sp_id() AND (app_is_sp() OR id = app_tenant_id())) WITH CHECK (sp_id = app_sp_id() AND (app_is_sp() OR id = app_tenant_id()));
--> statement-breakpoint
ALTER TABLE "backup_servers" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "backup_servers" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "backup_servers_isolation" ON "backup_servers" USING (sp_id = app_sp_id() AND (app_is_sp() OR tenant_id = app_tenant_id())) WITH CHECK (sp_id = app_sp_id() AND (app_is_sp() OR tenant_id = app_tenant_id()));
--> statement-breakpoint
ALTER TABLE "licenses" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "licenses" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "licenses_isolation" ON "licenses" USING (sp_id = app_sp_id() AND (app_is_sp() OR tenant_id = app_tenant_id())) WITH CHECK (sp_id = app_sp_id() AND (app_is_sp() OR tenant_id = app_tenant_id()));
--> statement-breakpoint
ALTER TABLE "machines" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "machines" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "machines_isolation" ON "machines" USING (sp_id = app_sp_id() AND (app_is_sp() OR tenant_id = app_tenant_id())) WITH CHECK (sp_id = app_sp_id() AND (app_is_sp() OR tenant_id = app_tenant_id()));
--> statement-breakpoint
ALTER TABLE "restore_points" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "restore_points" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "restore_points_isolation" ON "restore_points" USING (sp_id = app_sp_id() AND (app_is_sp() OR tenant_id = app_tenant_id())) WITH CHECK (sp_id = app_sp_id() AND (app_is_sp() OR tenant_id = app_tenant_id()));
--> statement-breakpoint
ALTER TABLE "machine_usage" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "machine_usage" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "machine_usage_isolation" ON "machine_usage" USING (sp_id = app_sp_id() AND (app_is_sp() OR tenant_id = app_tenant_id())) WITH CHECK (sp_id = app_sp_id() AND (app_is_sp() OR tenant_id = app_tenant_id()));
--> statement-breakpoint
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "users" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "users_isolation" ON "users" USING (sp_id = app_sp_id() AND (app_is_sp() OR tenant_id = app_tenant_id())) WITH CHECK (sp_id = app_sp_id() AND (app_is_sp() OR tenant_id = app_tenant_id()));
--> statement-breakpoint
ALTER TABLE "api_keys" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "api_keys" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "api_keys_isolation" ON "api_keys" USING (sp_id = app_sp_id() AND (app_is_sp() OR tenant_id = app_tenant_id())) WITH CHECK (sp_id = app_sp_id() AND (app_is_sp() OR tenant_id = app_tenant_id()));
--> statement-breakpoint
ALTER TABLE "idempotency_records" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "idempotency_records" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "idempotency_records_isolation" ON "idempotency_records" USING (sp_id = app_sp_id() AND (app_is_sp() OR tenant_id = app_tenant_id())) WITH CHECK (sp_id = app_sp_id() AND (app_is_sp() OR tenant_id = app_tenant_id()));
--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "audit_log" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "audit_log_isolation" ON "audit_log" USING (sp_id = app_sp_id() AND (app_is_sp() OR tenant_id = app_tenant_id())) WITH CHECK (sp_id = app_sp_id() AND (app_is_sp() OR tenant_id = app_tenant_id()));
--> statement-breakpoint
ALTER TABLE "report_snapshot_tenants" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "report_snapshot_tenants" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "report_snapshot_tenants_isolation" ON "report_snapshot_tenants" USING (sp_id = app_sp_id() AND (app_is_sp() OR tenant_id = app_tenant_id())) WITH CHECK (sp_id = app_sp_id() AND (app_is_sp() OR tenant_id = app_tenant_id()));
--> statement-breakpoint
ALTER TABLE "report_adjustments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "report_adjustments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "report_adjustments_isolation" ON "report_adjustments" USING (sp_id = app_sp_id() AND (app_is_sp() OR tenant_id = app_tenant_id())) WITH CHECK (sp_id = app_sp_id() AND (app_is_sp() OR tenant_id = app_tenant_id()));
--> statement-breakpoint
ALTER TABLE "service_providers" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "service_providers" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "service_providers_isolation" ON "service_providers" USING (id = app_sp_id()) WITH CHECK (id = app_sp_id());
--> statement-breakpoint
ALTER TABLE "report_snapshots" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "report_snapshots" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "report_snapshots_isolation" ON "report_snapshots" USING (sp_id = app_sp_id() AND app_is_sp()) WITH CHECK (sp_id = app_sp_id() AND app_is_sp());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "tenants", "backup_servers", "licenses", "machines", "restore_points", "machine_usage", "users", "api_keys", "idempotency_records", "report_snapshot_tenants", "report_adjustments", "report_snapshots" TO vcc_app;
--> statement-breakpoint
GRANT SELECT, UPDATE ON "service_providers" TO vcc_app;
--> statement-breakpoint
-- The audit log is append-only for the application.
--> statement-breakpoint
GRANT SELECT, INSERT ON "audit_log" TO vcc_app;
--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO vcc_app;
--> statement-breakpoint
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
--> statement-breakpoint
-- The owner reads credentials for the authentication functions below even though RLS is forced.
CREATE POLICY "users_owner_auth" ON "users" FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY "api_keys_owner_auth" ON "api_keys" FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Authentication runs before a caller has a scope, so it reads credentials through these
-- functions (owned by the migration role) and never through the tables themselves.
CREATE FUNCTION auth_api_key(p_hash bytea)
  RETURNS TABLE (id uuid, sp_id uuid, tenant_id uuid, role role, expires_at timestamptz, revoked_at timestamptz)
  LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    UPDATE api_keys k SET last_used_at = now()
     WHERE k.hash = p_hash AND (k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute');
    SELECT k.id, k.sp_id, k.tenant_id, k.role, k.expires_at, k.revoked_at FROM api_keys k WHERE k.hash = p_hash;
  $$;
--> statement-breakpoint
CREATE FUNCTION auth_user(p_id uuid, p_email text)
  RETURNS TABLE (id uuid, sp_id uuid, tenant_id uuid, email text, role role, password_hash text,
                 failed_logins integer, locked_until timestamptz, disabled_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT u.id, u.sp_id, u.tenant_id, u.email, u.role, u.password_hash, u.failed_logins, u.locked_until, u.disabled_at
      FROM users u WHERE u.id = p_id OR u.email = lower(p_email);
  $$;
--> statement-breakpoint
-- Counts failed sign-ins and locks the account for 15 minutes after the 5th in a row.
CREATE FUNCTION auth_record_login(p_id uuid, p_success boolean) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    UPDATE users SET
      failed_logins = CASE WHEN p_success THEN 0 ELSE failed_logins + 1 END,
      locked_until = CASE WHEN p_success THEN NULL
                          WHEN failed_logins + 1 >= 5 THEN now() + interval '15 minutes'
                          ELSE locked_until END
     WHERE id = p_id;
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_api_key(bytea), auth_user(uuid, text), auth_record_login(uuid, boolean) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_api_key(bytea), auth_user(uuid, text), auth_record_login(uuid, boolean) TO vcc_app;
