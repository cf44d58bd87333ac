/**
 * Stores restore points and keeps the engine's rollups current, in the caller's transaction and in
 * one set-based statement: points that repeat a stored one (same natural key) are skipped, and the
 * batch's day bits (folded in Node, see encode-batch.ts) are ORed into machine_usage with
 * PostgreSQL's array operations (no per-row procedural code).
 */
import { type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../rows.js';
import type { Executor } from '../scope.js';
import {
  type EncodedPoint,
  encodeBatch,
  type MonthBits,
  type StoredRestorePoint,
  type UsageBits,
} from './encode-batch.js';
import { arrayLiteral, fromEpochMs } from './sql-arrays.js';

export type { StoredRestorePoint, UsageBits };

export interface RecordOptions {
  /**
   * True when the stored row is known to hold these bits already, with a first point no later:
   * the batch then leaves it alone (no lock, no new row version). Rollups only ever gain bits and
   * move their first point earlier, so what was once committed stays true.
   */
  alreadyStored?: (bits: UsageBits) => boolean;
}

export interface Recorded {
  inserted: number;
  duplicates: number;
  /** Every usage row's bits the batch holds, whether written or already stored. */
  usage: UsageBits[];
}

/** The batch's columns as arrays, tenants and servers as indexes into their lists. */
interface BatchArrays {
  tenants: SQL;
  servers: SQL;
}

/**
 * Folds one round of month bits into the usage rows: a new row starts at that month; an old one is
 * ORed, and left untouched (no new row version) when the bits add nothing it does not have.
 */
function upsertUsage(spId: string, { tenants, servers }: BatchArrays, round: readonly MonthBits[]): SQL {
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

/**
 * The points (through `record_restore_points`, migration 0009: each stored once, a plain insert
 * first) and the first round of usage, in one statement.
 */
function pointsAndUsage(
  spId: string,
  arrays: BatchArrays,
  points: readonly EncodedPoint[],
  usage: readonly MonthBits[],
): SQL {
  return sql`
    with usage as (
      ${upsertUsage(spId, arrays, usage)}
      returning 1
    )
    select record_restore_points(${spId}::uuid, ${arrays.tenants}, ${arrays.servers},
             ${arrayLiteral(points.map((p) => p.tenant))}::int[],
             ${arrayLiteral(points.map((p) => p.machineId))}::bigint[],
             ${arrayLiteral(points.map((p) => p.server))}::int[],
             ${arrayLiteral(points.map((p) => p.operation))}::operation[],
             ${arrayLiteral(points.map((p) => p.ms))}::bigint[]) as inserted`;
}

export async function recordRestorePoints(
  tx: Executor,
  spId: string,
  points: readonly StoredRestorePoint[],
  { alreadyStored }: RecordOptions = {},
): Promise<Recorded> {
  if (points.length === 0) return { inserted: 0, duplicates: 0, usage: [] };
  const batch = encodeBatch(points);
  const arrays: BatchArrays = {
    tenants: sql`(${arrayLiteral(batch.tenants)}::uuid[])`,
    servers: sql`(${arrayLiteral(batch.servers)}::uuid[])`,
  };
  // A usage row's month bits are UsageBits already (the server's id beside its index).
  const usage: UsageBits[] = batch.rounds.flat();
  const rounds = alreadyStored
    ? batch.rounds.map((round) => round.filter((b) => !alreadyStored(b)))
    : batch.rounds;
  const [first = [], ...later] = rounds;
  const [result] = await queryRows<{ inserted: number }>(
    tx,
    pointsAndUsage(spId, arrays, batch.points, first),
  );
  const inserted = result!.inserted;
  for (const round of later) if (round.length > 0) await tx.execute(upsertUsage(spId, arrays, round));
  return { inserted, duplicates: points.length - inserted, usage };
}
