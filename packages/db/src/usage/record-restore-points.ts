/**
 * Stores restore points and keeps the engine's rollups current, in the caller's transaction and in
 * one set-based statement: points that repeat a stored one (same natural key) are skipped, and the
 * batch's day bits, folded here with the engine's own arithmetic (packages/rules/src/activity.ts),
 * are ORed into machine_usage with PostgreSQL's array operations (no per-row procedural code).
 */
import { activityBitsOf, type OpClass, type Operation, opClassOf } from '@vcc/rules';
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

/** One usage row's bits of one month, folded from a batch's points. */
interface MonthBits {
  tenantId: string;
  machineId: number;
  serverId: string;
  opClass: OpClass;
  /** Month number: year × 12 + month − 1. */
  month: number;
  firstAt: number;
  days: number;
  lateDays: number;
}

/**
 * A PostgreSQL array literal of values that need no quoting (uuids, numbers, enum labels, ISO
 * times): one text parameter instead of one parameter per value, and cheaper to parse than JSON.
 */
function arrayLiteral(values: readonly (string | number)[]): string {
  return `{${values.join(',')}}`;
}

/**
 * The batch's usage bits, by usage row and month, as rounds: a row can be changed once per
 * statement, so round 1 holds each row's first month and the rare later months of the same row (a
 * batch that spans a month's end) follow in rounds 2, 3…
 * Every point is folded, repeats included: ORing a day bit again and taking the earlier of two
 * first times change nothing, so the rollup need not wait to learn which points were new.
 */
function usageRounds(points: readonly { p: StoredRestorePoint; ms: number }[]): MonthBits[][] {
  const byMonth = new Map<string, MonthBits>();
  for (const { p, ms } of points) {
    const opClass = opClassOf(p.operation);
    const { monthIndex: month, bit, late } = activityBitsOf(ms);
    const key = `${p.tenantId}\u0000${p.machineId}\u0000${p.serverId}\u0000${opClass}\u0000${month}`;
    const bits = byMonth.get(key);
    if (!bits) {
      byMonth.set(key, {
        tenantId: p.tenantId,
        machineId: p.machineId,
        serverId: p.serverId,
        opClass,
        month,
        firstAt: ms,
        days: bit,
        lateDays: late ? bit : 0,
      });
    } else {
      bits.days |= bit;
      if (late) bits.lateDays |= bit;
      if (ms < bits.firstAt) bits.firstAt = ms;
    }
  }
  const rounds: MonthBits[][] = [];
  const seen = new Map<string, number>();
  for (const bits of [...byMonth.values()].sort((a, b) => a.month - b.month)) {
    const row = `${bits.tenantId}\u0000${bits.machineId}\u0000${bits.serverId}\u0000${bits.opClass}`;
    const round = seen.get(row) ?? 0;
    seen.set(row, round + 1);
    if (!rounds[round]) rounds[round] = [];
    rounds[round].push(bits);
  }
  return rounds;
}

/**
 * Folds one round of month bits into the usage rows: a new row starts at that month; an old one is
 * ORed, and left untouched (no new row version) when the bits add nothing it does not have.
 */
function upsertUsage(spId: string, round: readonly MonthBits[]): SQL {
  const m = sql.raw('array_lower(excluded.days, 1)');
  return sql`
    insert into machine_usage (sp_id, tenant_id, machine_id, server_id, op_class, first_at, days, late_days)
    select ${spId}::uuid, u.tenant_id, u.machine_id, u.server_id, u.op_class, u.first_at,
           array_fill(u.days, '{1}', array[u.month]), array_fill(u.late_days, '{1}', array[u.month])
      from unnest(${arrayLiteral(round.map((b) => b.tenantId))}::uuid[],
                  ${arrayLiteral(round.map((b) => b.machineId))}::bigint[],
                  ${arrayLiteral(round.map((b) => b.serverId))}::uuid[],
                  ${arrayLiteral(round.map((b) => b.opClass))}::op_class[],
                  ${arrayLiteral(round.map((b) => new Date(b.firstAt).toISOString()))}::timestamptz[],
                  ${arrayLiteral(round.map((b) => b.month))}::int[],
                  ${arrayLiteral(round.map((b) => b.days))}::int[],
                  ${arrayLiteral(round.map((b) => b.lateDays))}::int[])
           as u(tenant_id, machine_id, server_id, op_class, first_at, month, days, late_days)
     -- One order for every writer, so that concurrent batches lock rows alike and never deadlock.
     order by 2, 3, 4, 5
    on conflict (tenant_id, machine_id, server_id, op_class) do update set
      first_at = least(machine_usage.first_at, excluded.first_at),
      days[${m}] = coalesce(machine_usage.days[${m}], 0) | excluded.days[${m}],
      late_days[${m}] = coalesce(machine_usage.late_days[${m}], 0) | excluded.late_days[${m}]
    where machine_usage.first_at > excluded.first_at
       or coalesce(machine_usage.days[${m}], 0) & excluded.days[${m}] <> excluded.days[${m}]
       or coalesce(machine_usage.late_days[${m}], 0) & excluded.late_days[${m}] <> excluded.late_days[${m}]`;
}

export async function recordRestorePoints(
  tx: Executor,
  spId: string,
  points: readonly StoredRestorePoint[],
): Promise<{ inserted: number; duplicates: number }> {
  if (points.length === 0) return { inserted: 0, duplicates: 0 };
  // Times to the millisecond, the precision stored, so the rollup and the stored points agree.
  const timed = points.map((p) => ({ p, ms: typeof p.at === 'number' ? p.at : Date.parse(p.at) }));
  const [first, ...later] = usageRounds(timed);
  // The points and the first round of usage in one statement (two independent CTEs).
  const [result] = await queryRows<{ inserted: number }>(
    tx,
    sql`
    with inserted as (
      insert into restore_points (sp_id, tenant_id, machine_id, server_id, operation, at)
      select ${spId}::uuid, i.* from unnest(${arrayLiteral(points.map((p) => p.tenantId))}::uuid[],
                                            ${arrayLiteral(points.map((p) => p.machineId))}::bigint[],
                                            ${arrayLiteral(points.map((p) => p.serverId))}::uuid[],
                                            ${arrayLiteral(points.map((p) => p.operation))}::operation[],
                                            ${arrayLiteral(timed.map((t) => new Date(t.ms).toISOString()))}::timestamptz[]) as i
       order by 2, 3, 4, 5, 6
      on conflict do nothing
      returning 1
    ), usage as (
      ${upsertUsage(spId, first ?? [])}
      returning 1
    )
    select (select count(*) from inserted)::int as inserted`,
  );
  for (const round of later) await tx.execute(upsertUsage(spId, round));
  const inserted = result?.inserted ?? 0;
  return { inserted, duplicates: points.length - inserted };
}
