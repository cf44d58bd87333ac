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
  /** Index into the batch's tenants. */
  tenant: number;
  machineId: number;
  /** Index into the batch's servers. */
  server: number;
  opClass: OpClass;
  /** Month number: year × 12 + month − 1. */
  month: number;
  firstAt: number;
  days: number;
  lateDays: number;
}

/**
 * A PostgreSQL array literal of values that need no quoting (uuids, numbers, enum labels): one text
 * parameter instead of one parameter per value, and cheaper to parse than JSON.
 */
function arrayLiteral(values: readonly (string | number)[]): string {
  return `{${values.join(',')}}`;
}

/**
 * Values that repeat across a batch (a few tenants and servers for thousands of points), each kept
 * once: PostgreSQL parses each uuid once and the rows carry small indexes into the list (1-based,
 * as SQL arrays are).
 */
class Dictionary {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  of(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }
}

/** Milliseconds since the epoch as a timestamptz, exactly (no text to parse). */
const fromEpochMs = (column: string) => sql.raw(`timestamptz 'epoch' + ${column} * interval '1 millisecond'`);

/**
 * The batch's usage bits, by usage row and month, as rounds: a row can be changed once per
 * statement, so round 1 holds each row's first month and the rare later months of the same row (a
 * batch that spans a month's end) follow in rounds 2, 3…
 * Every point is folded, repeats included: ORing a day bit again and taking the earlier of two
 * first times change nothing, so the rollup need not wait to learn which points were new.
 */
function usageRounds(points: readonly EncodedPoint[]): MonthBits[][] {
  const byMonth = new Map<string, MonthBits>();
  for (const p of points) {
    const opClass = opClassOf(p.operation);
    const { monthIndex: month, bit, late } = activityBitsOf(p.ms);
    // A machine id names its tenant too.
    const key = `${p.machineId}:${p.server}:${opClass}:${month}`;
    const bits = byMonth.get(key);
    if (!bits) {
      byMonth.set(key, {
        tenant: p.tenant,
        machineId: p.machineId,
        server: p.server,
        opClass,
        month,
        firstAt: p.ms,
        days: bit,
        lateDays: late ? bit : 0,
      });
    } else {
      bits.days |= bit;
      if (late) bits.lateDays |= bit;
      if (p.ms < bits.firstAt) bits.firstAt = p.ms;
    }
  }
  const rounds: MonthBits[][] = [];
  const seen = new Map<string, number>();
  for (const bits of [...byMonth.values()].sort((a, b) => a.month - b.month)) {
    const row = `${bits.machineId}:${bits.server}:${bits.opClass}`;
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
function upsertUsage(spId: string, tenants: SQL, servers: SQL, round: readonly MonthBits[]): SQL {
  const m = sql.raw('array_lower(excluded.days, 1)');
  return sql`
    insert into machine_usage (sp_id, tenant_id, machine_id, server_id, op_class, first_at, days, late_days)
    select ${spId}::uuid, ${tenants}[u.tenant], u.machine_id, ${servers}[u.server], u.op_class,
           ${fromEpochMs('u.first_at')},
           array_fill(u.days, '{1}', array[u.month]), array_fill(u.late_days, '{1}', array[u.month])
      from unnest(${arrayLiteral(round.map((b) => b.tenant))}::int[],
                  ${arrayLiteral(round.map((b) => b.machineId))}::bigint[],
                  ${arrayLiteral(round.map((b) => b.server))}::int[],
                  ${arrayLiteral(round.map((b) => b.opClass))}::op_class[],
                  ${arrayLiteral(round.map((b) => b.firstAt))}::bigint[],
                  ${arrayLiteral(round.map((b) => b.month))}::int[],
                  ${arrayLiteral(round.map((b) => b.days))}::int[],
                  ${arrayLiteral(round.map((b) => b.lateDays))}::int[])
           as u(tenant, machine_id, server, op_class, first_at, month, days, late_days)
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

/** A point with its tenant and server as dictionary indexes and its time in milliseconds. */
interface EncodedPoint {
  tenant: number;
  machineId: number;
  server: number;
  operation: Operation;
  ms: number;
}

export async function recordRestorePoints(
  tx: Executor,
  spId: string,
  points: readonly StoredRestorePoint[],
): Promise<{ inserted: number; duplicates: number }> {
  if (points.length === 0) return { inserted: 0, duplicates: 0 };
  const tenantIds = new Dictionary();
  const serverIds = new Dictionary();
  const encoded: EncodedPoint[] = points.map((p) => ({
    tenant: tenantIds.of(p.tenantId),
    machineId: p.machineId,
    server: serverIds.of(p.serverId),
    operation: p.operation,
    // Times to the millisecond, the precision stored, so the rollup and the stored points agree.
    ms: typeof p.at === 'number' ? p.at : Date.parse(p.at),
  }));
  const tenants = sql`(${arrayLiteral(tenantIds.values)}::uuid[])`;
  const servers = sql`(${arrayLiteral(serverIds.values)}::uuid[])`;
  const [first, ...later] = usageRounds(encoded);
  // The points and the first round of usage in one statement (two independent CTEs).
  const [result] = await queryRows<{ inserted: number }>(
    tx,
    sql`
    with inserted as (
      insert into restore_points (sp_id, tenant_id, machine_id, server_id, operation, at)
      select ${spId}::uuid, ${tenants}[i.tenant], i.machine_id, ${servers}[i.server], i.operation, ${fromEpochMs('i.at')}
        from unnest(${arrayLiteral(encoded.map((p) => p.tenant))}::int[],
                    ${arrayLiteral(encoded.map((p) => p.machineId))}::bigint[],
                    ${arrayLiteral(encoded.map((p) => p.server))}::int[],
                    ${arrayLiteral(encoded.map((p) => p.operation))}::operation[],
                    ${arrayLiteral(encoded.map((p) => p.ms))}::bigint[]) as i(tenant, machine_id, server, operation, at)
       order by 2, 3, 4, 5, 6
      on conflict do nothing
      returning 1
    ), usage as (
      ${upsertUsage(spId, tenants, servers, first ?? [])}
      returning 1
    )
    select (select count(*) from inserted)::int as inserted`,
  );
  for (const round of later) await tx.execute(upsertUsage(spId, tenants, servers, round));
  const inserted = result?.inserted ?? 0;
  return { inserted, duplicates: points.length - inserted };
}
