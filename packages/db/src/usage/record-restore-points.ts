/**
 * Stores restore points and keeps the engine's rollups current, in the caller's transaction and in
 * one set-based statement: points that repeat a stored one (same natural key) are skipped, and only
 * the points actually inserted are folded into machine_usage, with PostgreSQL's own array
 * operations (no per-row procedural code). The bit arithmetic is that of
 * packages/rules/src/activity.ts (a test holds the two equal).
 */
import type { Operation } from '@vcc/rules';
import { type SQL, sql } from 'drizzle-orm';
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

/** One machine's bits of one month, for a usage row that the main statement could not take. */
interface MonthBits {
  tenant_id: string;
  machine_id: string;
  server_id: string;
  op_class: string;
  first_at: string;
  month: number;
  days: number;
  late_days: number;
  /** 2 for a row's second month in the batch, 3 for its third… */
  round: number;
}

/**
 * A PostgreSQL array literal of values that need no quoting (uuids, numbers, enum labels, ISO
 * times): one text parameter instead of one parameter per value, and cheaper to parse than JSON.
 */
function arrayLiteral(values: readonly (string | number)[]): string {
  return `{${values.join(',')}}`;
}

/** Folds one month's bits into a usage row: a new row starts at that month; an old one is ORed. */
function upsertUsage(spId: string, rows: SQL): SQL {
  return sql`
    insert into machine_usage (sp_id, tenant_id, machine_id, server_id, op_class, first_at, days, late_days)
    select ${spId}::uuid, tenant_id, machine_id, server_id, op_class, first_at,
           array_fill(days, '{1}', array[month]), array_fill(late_days, '{1}', array[month])
      from ${rows}
     -- One order for every writer, so that concurrent batches lock rows alike and never deadlock.
     order by tenant_id, machine_id, server_id, op_class
    on conflict (tenant_id, machine_id, server_id, op_class) do update set
      first_at = least(machine_usage.first_at, excluded.first_at),
      days[array_lower(excluded.days, 1)] =
        coalesce(machine_usage.days[array_lower(excluded.days, 1)], 0) | excluded.days[array_lower(excluded.days, 1)],
      late_days[array_lower(excluded.days, 1)] =
        coalesce(machine_usage.late_days[array_lower(excluded.days, 1)], 0) | excluded.late_days[array_lower(excluded.days, 1)]`;
}

export async function recordRestorePoints(
  tx: Executor,
  spId: string,
  points: readonly StoredRestorePoint[],
): Promise<{ inserted: number; duplicates: number }> {
  if (points.length === 0) return { inserted: 0, duplicates: 0 };
  const tenants = arrayLiteral(points.map((p) => p.tenantId));
  const machines = arrayLiteral(points.map((p) => p.machineId));
  const servers = arrayLiteral(points.map((p) => p.serverId));
  const operations = arrayLiteral(points.map((p) => p.operation));
  const times = arrayLiteral(
    points.map((p) => (typeof p.at === 'number' ? new Date(p.at).toISOString() : p.at)),
  );
  // A row can be changed once per statement: the first month of each usage row goes in here, and
  // the rare later months of the same row (a batch that spans a month's end) come back to be
  // applied one statement per month after.
  const [result] = await queryRows<{ inserted: number; later: MonthBits[] }>(
    tx,
    sql`
    with inserted as (
      insert into restore_points (sp_id, tenant_id, machine_id, server_id, operation, at)
      select ${spId}::uuid, i.* from unnest(${tenants}::uuid[], ${machines}::bigint[], ${servers}::uuid[],
                                            ${operations}::operation[], ${times}::timestamptz[]) as i
       order by 2, 3, 4, 5, 6
      on conflict do nothing
      returning tenant_id, machine_id, server_id, operation, at at time zone 'UTC' as utc
    ), by_month as (
      select tenant_id, machine_id, server_id,
             (case operation when 'cloud-backup' then 'cloud-backup' when 'cloud-backup-copy' then 'cloud-backup'
                             when 'cloud-replica' then 'cloud-replica' else 'local' end)::op_class as op_class,
             month_number(utc) as month, min(utc) at time zone 'UTC' as first_at,
             bit_or(1 << (extract(day from utc)::int - 1)) as days,
             bit_or(case when utc::time <> time '00:00' then 1 << (extract(day from utc)::int - 1) else 0 end) as late_days
        from inserted
       group by 1, 2, 3, 4, 5
    ), ranked as (
      select *, row_number() over (partition by tenant_id, machine_id, server_id, op_class order by month) as round
        from by_month
    ), usage as (
      ${upsertUsage(spId, sql`ranked where round = 1`)}
      returning 1
    )
    select (select count(*) from inserted)::int as inserted,
           (select count(*) from usage)::int as touched,
           coalesce((select jsonb_agg(r order by r.round) from ranked r where r.round > 1), '[]'::jsonb) as later`,
  );
  await applyLaterMonths(tx, spId, result?.later ?? []);
  const inserted = result?.inserted ?? 0;
  return { inserted, duplicates: points.length - inserted };
}

async function applyLaterMonths(tx: Executor, spId: string, later: MonthBits[]): Promise<void> {
  const rounds = new Map<number, MonthBits[]>();
  for (const row of later) rounds.set(row.round, [...(rounds.get(row.round) ?? []), row]);
  for (const round of [...rounds.keys()].sort((a, b) => a - b)) {
    const rows = sql`jsonb_to_recordset(${JSON.stringify(rounds.get(round))}::jsonb)
      as r(tenant_id uuid, machine_id bigint, server_id uuid, op_class op_class, first_at timestamptz,
           month int, days int, late_days int)`;
    await tx.execute(upsertUsage(spId, rows));
  }
}
