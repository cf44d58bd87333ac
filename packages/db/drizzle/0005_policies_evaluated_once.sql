-- The same policies, with the scope read once per statement: wrapped in a scalar subquery, the
-- setting becomes an init plan instead of a function call on every row (which cost ~15% of an
-- ingestion batch).
DROP POLICY "tenants_isolation" ON "tenants";
--> statement-breakpoint
CREATE POLICY "tenants_isolation" ON "tenants" USING (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR id = (SELECT app_tenant_id()))) WITH CHECK (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR id = (SELECT app_tenant_id())));
--> statement-breakpoint
DROP POLICY "backup_servers_isolation" ON "backup_servers";
--> statement-breakpoint
CREATE POLICY "backup_servers_isolation" ON "backup_servers" USING (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id()))) WITH CHECK (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id())));
--> statement-breakpoint
DROP POLICY "licenses_isolation" ON "licenses";
--> statement-breakpoint
CREATE POLICY "licenses_isolation" ON "licenses" USING (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id()))) WITH CHECK (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id())));
--> statement-breakpoint
DROP POLICY "machines_isolation" ON "machines";
--> statement-breakpoint
CREATE POLICY "machines_isolation" ON "machines" USING (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id()))) WITH CHECK (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id())));
--> statement-breakpoint
DROP POLICY "restore_points_isolation" ON "restore_points";
--> statement-breakpoint
CREATE POLICY "restore_points_isolation" ON "restore_points" USING (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id()))) WITH CHECK (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id())));
--> statement-breakpoint
DROP POLICY "machine_usage_isolation" ON "machine_usage";
--> statement-breakpoint
CREATE POLICY "machine_usage_isolation" ON "machine_usage" USING (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id()))) WITH CHECK (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id())));
--> statement-breakpoint
DROP POLICY "users_isolation" ON "users";
--> statement-breakpoint
CREATE POLICY "users_isolation" ON "users" USING (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id()))) WITH CHECK (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id())));
--> statement-breakpoint
DROP POLICY "api_keys_isolation" ON "api_keys";
--> statement-breakpoint
CREATE POLICY "api_keys_isolation" ON "api_keys" USING (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id()))) WITH CHECK (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id())));
--> statement-breakpoint
DROP POLICY "idempotency_records_isolation" ON "idempotency_records";
--> statement-breakpoint
CREATE POLICY "idempotency_records_isolation" ON "idempotency_records" USING (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id()))) WITH CHECK (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id())));
--> statement-breakpoint
DROP POLICY "audit_log_isolation" ON "audit_log";
--> statement-breakpoint
CREATE POLICY "audit_log_isolation" ON "audit_log" USING (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id()))) WITH CHECK (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id())));
--> statement-breakpoint
DROP POLICY "report_snapshot_tenants_isolation" ON "report_snapshot_tenants";
--> statement-breakpoint
CREATE POLICY "report_snapshot_tenants_isolation" ON "report_snapshot_tenants" USING (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id()))) WITH CHECK (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id())));
--> statement-breakpoint
DROP POLICY "report_adjustments_isolation" ON "report_adjustments";
--> statement-breakpoint
CREATE POLICY "report_adjustments_isolation" ON "report_adjustments" USING (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id()))) WITH CHECK (sp_id = (SELECT app_sp_id()) AND ((SELECT app_is_sp()) OR tenant_id = (SELECT app_tenant_id())));
--> statement-breakpoint
DROP POLICY "service_providers_isolation" ON "service_providers";
--> statement-breakpoint
CREATE POLICY "service_providers_isolation" ON "service_providers" USING (id = (SELECT app_sp_id())) WITH CHECK (id = (SELECT app_sp_id()));
--> statement-breakpoint
DROP POLICY "report_snapshots_isolation" ON "report_snapshots";
--> statement-breakpoint
CREATE POLICY "report_snapshots_isolation" ON "report_snapshots" USING (sp_id = (SELECT app_sp_id()) AND (SELECT app_is_sp())) WITH CHECK (sp_id = (SELECT app_sp_id()) AND (SELECT app_is_sp()));
