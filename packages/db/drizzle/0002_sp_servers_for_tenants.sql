-- A tenant's report needs the versions of the SP's Cloud Connect servers (R-RENTAL-EXEMPT), which
-- row-level security hides from tenant callers. This function shows exactly that much: the caller's
-- SP servers' ids and versions, never their licenses.
CREATE FUNCTION sp_backup_servers() RETURNS TABLE (id uuid, external_id text, version text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT s.id, s.external_id, s.version FROM backup_servers s WHERE s.sp_id = app_sp_id() AND s.tenant_id IS NULL $$;
--> statement-breakpoint
CREATE POLICY "backup_servers_owner_sp_servers" ON "backup_servers" FOR SELECT TO CURRENT_USER USING (tenant_id IS NULL);
--> statement-breakpoint
REVOKE ALL ON FUNCTION sp_backup_servers() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION sp_backup_servers() TO vcc_app;
