/**
 * Stores restore points and keeps the engine's rollups current, in the caller's transaction and in
 * one set-based statement: points that repeat a stored one (same natural key) are skipped, and only
 * the points actually inserted are folded into machine_usage. The bit
 * arithmetic is that of packages/rules/src/activity.ts (a test holds the two equal).
 */
import type { Operation } from '@vcc/rules';
import { sql } from 'drizzle-orm';
import { queryRows } from '../rows.js';
import type { Executor } from '../scope.js';

export interface StoredRestorePoint {
  tenantId: string;
  machineId: number;
  serverId: string;
  operation: Operation;
  /** ISO 8601 or UTC milliseconds. */
  at: string | number;
}

export async function recordRestorePoints(
  tx: Executor,
  spId: string,
  points: readonly StoredRestorePoint[],
): Promise<{ inserted: number; duplicates: number }> {
  if (points.length === 0) return { inserted: 0, duplicates: 0 };
  const input = JSON.stringify(
    points.map((p) => ({
      t: p.tenantId,
      m: p.machineId,
      s: p.serverId,
      o: p.operation,
      a: typeof p.at === 'number' ? new Date(p.at).toISOString() : p.at,
    })),
  );
  const [result] = await queryRows<{ inserted: number }>(
    tx,
    sql`
    with input as (
      select i.t as tenant_id, i.m as machine_id, i.s as server_id, i.o::operation as operation, i.a as at
        from jsonb_to_recordset(${input}::jsonb) as i(t uuid, m bigint, s uuid, o text, a timestamptz)
    ), inserted as (
      insert into restore_points (sp_id, tenant_id, machine_id, server_id, operation, at)
      select ${spId}::uuid, tenant_id, machine_id, server_id, operation, at from input
       order by tenant_id, machine_id, server_id, operation, at
      on conflict do nothing
      returning tenant_id, machine_id, server_id, operation, at at time zone 'UTC' as utc
    ), classified as (
      select tenant_id, machine_id, server_id, utc, month_number(utc) as month,
             (case operation when 'cloud-backup' then 'cloud-backup' when 'cloud-backup-copy' then 'cloud-backup'
                             when 'cloud-replica' then 'cloud-replica' else 'local' end)::op_class as op_class,
             1 << (extract(day from utc)::int - 1) as bit
        from inserted
    ), by_month as (
      select tenant_id, machine_id, server_id, op_class, month, min(utc) as first_utc, bit_or(bit) as days,
             bit_or(case when utc::time <> time '00:00' then bit else 0 end) as late_days
        from classified
       group by tenant_id, machine_id, server_id, op_class, month
    ), usage as (
      insert into machine_usage (sp_id, tenant_id, machine_id, server_id, op_class, first_at, days, late_days)
      select ${spId}::uuid, tenant_id, machine_id, server_id, op_class, min(first_utc) at time zone 'UTC',
             day_bits_agg(month, days), day_bits_agg(month, late_days)
        from by_month
       group by tenant_id, machine_id, server_id, op_class
       -- One order for every writer, so that concurrent batches lock rows alike and never deadlock.
       order by tenant_id, machine_id, server_id, op_class
      on conflict (tenant_id, machine_id, server_id, op_class) do update
        set first_at = least(machine_usage.first_at, excluded.first_at),
            days = day_bits_merge(machine_usage.days, excluded.days),
            late_days = day_bits_merge(machine_usage.late_days, excluded.late_days)
      returning 1
    )
    select (select count(*) from inserted)::int as inserted, (select count(*) from usage)::int as touched`,
  );
  const inserted = result?.inserted ?? 0;
  return { inserted, duplicates: points.length - inserted };
}
