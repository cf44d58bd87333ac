-- Writes as strict as the roles: a tenant scope reads its tenant, servers, licenses and approved
-- reports but changes none of them (only the SP does); the application may bump the SP's estate
-- version and nothing else of that row; a role and its tenant always agree.
DROP POLICY "tenants_isolation" ON "tenants";
--> statement-breakpoint
CREATE POLICY "tenants_read" ON "tenants" FOR SELECT USING (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR id = (SELECT app_tenant_id())));
--> statement-breakpoint
CREATE POLICY "tenants_sp_writes" ON "tenants" FOR ALL USING (sp_id = (SELECT app_sp_id()) AND (SELECT app_is_sp())) WITH CHECK (sp_id = (SELECT app_sp_id()) AND (SELECT app_is_sp()));
--> statement-breakpoint
DROP POLICY "backup_servers_isolation" ON "backup_servers";
--> statement-breakpoint
CREATE POLICY "backup_servers_read" ON "backup_servers" FOR SELECT USING (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id())));
--> statement-breakpoint
CREATE POLICY "backup_servers_sp_writes" ON "backup_servers" FOR ALL USING (sp_id = (SELECT app_sp_id()) AND (SELECT app_is_sp())) WITH CHECK (sp_id = (SELECT app_sp_id()) AND (SELECT app_is_sp()));
--> statement-breakpoint
DROP POLICY "licenses_isolation" ON "licenses";
--> statement-breakpoint
CREATE POLICY "licenses_read" ON "licenses" FOR SELECT USING (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id())));
--> statement-breakpoint
CREATE POLICY "licenses_sp_writes" ON "licenses" FOR ALL USING (sp_id = (SELECT app_sp_id()) AND (SELECT app_is_sp())) WITH CHECK (sp_id = (SELECT app_sp_id()) AND (SELECT app_is_sp()));
--> statement-breakpoint
DROP POLICY "report_adjustments_isolation" ON "report_adjustments";
--> statement-breakpoint
CREATE POLICY "report_adjustments_read" ON "report_adjustments" FOR SELECT USING (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id())));
--> statement-breakpoint
CREATE POLICY "report_adjustments_sp_writes" ON "report_adjustments" FOR ALL USING (sp_id = (SELECT app_sp_id()) AND (SELECT app_is_sp())) WITH CHECK (sp_id = (SELECT app_sp_id()) AND (SELECT app_is_sp()));
--> statement-breakpoint
DROP POLICY "report_snapshot_tenants_isolation" ON "report_snapshot_tenants";
--> statement-breakpoint
CREATE POLICY "report_snapshot_tenants_read" ON "report_snapshot_tenants" FOR SELECT USING (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id())));
--> statement-breakpoint
CREATE POLICY "report_snapshot_tenants_sp_writes" ON "report_snapshot_tenants" FOR ALL USING (sp_id = (SELECT app_sp_id()) AND (SELECT app_is_sp())) WITH CHECK (sp_id = (SELECT app_sp_id()) AND (SELECT app_is_sp()));
--> statement-breakpoint
REVOKE UPDATE ON "service_providers" FROM vcc_app;
--> statement-breakpoint
GRANT UPDATE ("estate_version") ON "service_providers" TO vcc_app;
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role_matches_tenant" CHECK ((role IN ('sp-admin', 'sp-viewer')) = (tenant_id IS NULL));
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_role_matches_tenant" CHECK ((role IN ('sp-admin', 'sp-viewer')) = (tenant_id IS NULL));
--> statement-breakpoint
-- A lock that has run out starts the count again: one wrong password after it no longer re-locks.
CREATE OR REPLACE FUNCTION auth_record_login(p_id uuid, p_success boolean) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    UPDATE users SET
      failed_logins = CASE WHEN p_success THEN 0
                           WHEN locked_until IS NOT NULL AND locked_until <= now() THEN 1
                           ELSE failed_logins + 1 END,
      locked_until = CASE WHEN p_success THEN NULL
                          WHEN locked_until IS NOT NULL AND locked_until <= now() THEN NULL
                          WHEN failed_logins + 1 >= 5 THEN now() + interval '15 minutes'
                          ELSE locked_until END
     WHERE id = p_id;
  $$;
--> statement-breakpoint
DROP FUNCTION sp_backup_servers();
--> statement-breakpoint
-- What a tenant's figures need of the SP's servers: versions, and when each carried a Cloud Connect
-- license (the rental gate counts only those servers), never the licenses' capacity.
CREATE FUNCTION sp_backup_servers() RETURNS TABLE (id uuid, external_id text, version text, cloud_connect jsonb)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT s.id, s.external_id, s.version,
           coalesce((SELECT jsonb_agg(jsonb_build_object('validFrom', l.valid_from, 'validTo', l.valid_to) ORDER BY l.valid_from)
                       FROM licenses l WHERE l.server_id = s.id AND l.type = 'cloud-connect-sp'), '[]'::jsonb)
      FROM backup_servers s WHERE s.sp_id = app_sp_id() AND s.tenant_id IS NULL
  $$;
--> statement-breakpoint
CREATE POLICY "licenses_owner_sp_licenses" ON "licenses" FOR SELECT TO CURRENT_USER USING (tenant_id IS NULL);
--> statement-breakpoint
REVOKE ALL ON FUNCTION sp_backup_servers() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION sp_backup_servers() TO vcc_app;
