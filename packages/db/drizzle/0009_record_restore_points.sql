-- Stores a batch's restore points, each once, and says how many were new. A batch is what happened
-- since the last one, so the points are first inserted plainly: one descent of the key's index per
-- point, where ON CONFLICT DO NOTHING takes two and writes a speculative insertion it must then
-- confirm (about half the cost). A batch that repeats a stored point fails on the key; the block's
-- subtransaction undoes that attempt and the points are inserted again, skipping repeats (a batch
-- racing another with the same points waits for it, then skips them). In the database rather than
-- as a client's savepoint: one round trip, and nothing for a lost connection to leave half done.
-- Tenants and servers come as lists, each point with 1-based indexes into them; times as epoch
-- milliseconds, so that no uuid or timestamp is parsed per point.
CREATE FUNCTION record_restore_points(
  sp uuid, tenants uuid[], servers uuid[],
  point_tenants int[], machine_ids bigint[], point_servers int[], operations operation[], times_ms bigint[]
) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  stored integer;
BEGIN
  BEGIN
    INSERT INTO restore_points (sp_id, tenant_id, machine_id, server_id, operation, at)
    SELECT sp, tenants[p.tenant], p.machine_id, servers[p.server], p.operation,
           timestamptz 'epoch' + p.ms * interval '1 millisecond'
      FROM unnest(point_tenants, machine_ids, point_servers, operations, times_ms)
           AS p(tenant, machine_id, server, operation, ms)
     -- One order for every writer, so that batches sharing points wait on each other alike.
     ORDER BY 2, 3, 4, 5, 6;
    GET DIAGNOSTICS stored = ROW_COUNT;
  EXCEPTION WHEN unique_violation THEN
    INSERT INTO restore_points (sp_id, tenant_id, machine_id, server_id, operation, at)
    SELECT sp, tenants[p.tenant], p.machine_id, servers[p.server], p.operation,
           timestamptz 'epoch' + p.ms * interval '1 millisecond'
      FROM unnest(point_tenants, machine_ids, point_servers, operations, times_ms)
           AS p(tenant, machine_id, server, operation, ms)
     ORDER BY 2, 3, 4, 5, 6
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS stored = ROW_COUNT;
  END;
  RETURN stored;
END $$;
