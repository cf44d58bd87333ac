-- The authentication functions run on every request. As LANGUAGE sql functions (not inlinable:
-- SECURITY DEFINER, a table result) PostgreSQL 15 plans their statements afresh at every call; in
-- PL/pgSQL each session plans them once. Same statements, same results, same privileges.
CREATE OR REPLACE FUNCTION auth_api_key(p_hash bytea)
  RETURNS TABLE (id uuid, sp_id uuid, tenant_id uuid, role role, expires_at timestamptz, revoked_at timestamptz)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
BEGIN
  UPDATE api_keys k SET last_used_at = now()
   WHERE k.hash = p_hash AND (k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute');
  RETURN QUERY
    SELECT k.id, k.sp_id, k.tenant_id, k.role, k.expires_at, k.revoked_at FROM api_keys k WHERE k.hash = p_hash;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION auth_user(p_id uuid, p_email text)
  RETURNS TABLE (id uuid, sp_id uuid, tenant_id uuid, email text, role role, password_hash text,
                 failed_logins integer, locked_until timestamptz, disabled_at timestamptz)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
BEGIN
  RETURN QUERY
    SELECT u.id, u.sp_id, u.tenant_id, u.email, u.role, u.password_hash, u.failed_logins, u.locked_until, u.disabled_at
      FROM users u WHERE u.id = p_id OR u.email = lower(p_email);
END $$;
