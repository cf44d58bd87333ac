/**
 * A batch made ready for its statement: each point once, tenants and servers as indexes into their
 * lists, and the usage bits folded in Node with the engine's own arithmetic
 * (packages/rules/src/activity.ts) so that PostgreSQL only ORs integers into the rollups.
 * Points are grouped by machine, a few per machine in a batch: comparing numbers within a group is
 * far cheaper than building a string key per point.
 */
import { activityBitsOf, type OpClass, type Operation, opClassOf } from '@vcc/rules';
import { Dictionary } from './sql-arrays.js';

export interface StoredRestorePoint {
  tenantId: string;
  machineId: number;
  serverId: string;
  operation: Operation;
  /** ISO 8601 or UTC milliseconds. */
  at: string | number;
}

/** A point with its tenant and server as dictionary indexes and its time in milliseconds. */
export interface EncodedPoint {
  tenant: number;
  machineId: number;
  server: number;
  operation: Operation;
  ms: number;
}

/** One usage row's bits of one month, by ids: what a batch ORs into machine_usage. */
export interface UsageBits {
  machineId: number;
  serverId: string;
  opClass: OpClass;
  /** Month number: year × 12 + month − 1. */
  month: number;
  firstAt: number;
  days: number;
  lateDays: number;
}

/** A usage row's bits of one month, folded from a batch's points, with its statement's indexes. */
export interface MonthBits extends UsageBits {
  /** Index into the batch's tenants. */
  tenant: number;
  /** Index into the batch's servers. */
  server: number;
}

export interface EncodedBatch {
  tenants: string[];
  servers: string[];
  /** Each distinct point once. */
  points: EncodedPoint[];
  /**
   * The usage bits by usage row and month, as rounds: a row can be changed once per statement, so
   * round 1 holds each row's first month and the rare later months of the same row (a batch that
   * spans a month's end) follow in rounds 2, 3…
   */
  rounds: MonthBits[][];
}

export function encodeBatch(points: readonly StoredRestorePoint[]): EncodedBatch {
  const tenants = new Dictionary();
  const servers = new Dictionary();
  // Most machines have one point in a batch: their entry is the point, an array only from the second.
  const byMachine = new Map<number, EncodedPoint | EncodedPoint[]>();
  const distinct: EncodedPoint[] = [];
  for (const p of points) {
    // Times to the millisecond, the precision stored, so the rollup and the stored points agree.
    const ms = typeof p.at === 'number' ? p.at : Date.parse(p.at);
    const server = servers.of(p.serverId);
    const seen = byMachine.get(p.machineId);
    if (
      seen &&
      (Array.isArray(seen)
        ? seen.some((q) => sameKey(q, ms, server, p.operation))
        : sameKey(seen, ms, server, p.operation))
    )
      continue;
    const point = {
      tenant: tenants.of(p.tenantId),
      machineId: p.machineId,
      server,
      operation: p.operation,
      ms,
    };
    if (!seen) byMachine.set(p.machineId, point);
    else if (Array.isArray(seen)) seen.push(point);
    else byMachine.set(p.machineId, [seen, point]);
    distinct.push(point);
  }
  const rounds: MonthBits[][] = [];
  for (const mine of byMachine.values()) {
    const months = foldMonths(Array.isArray(mine) ? mine : [mine], servers.values);
    // A machine's months in order: the row's first month in round 1, its next in round 2…
    months.sort((a, b) => a.month - b.month);
    const seen: MonthBits[] = [];
    for (const bits of months) {
      const round = seen.filter((b) => b.server === bits.server && b.opClass === bits.opClass).length;
      seen.push(bits);
      if (!rounds[round]) rounds[round] = [];
      rounds[round].push(bits);
    }
  }
  return { tenants: tenants.values, servers: servers.values, points: distinct, rounds };
}

/** Whether a point of the same machine is the same point (the rest of the natural key). */
const sameKey = (q: EncodedPoint, ms: number, server: number, operation: Operation) =>
  q.ms === ms && q.server === server && q.operation === operation;

/** One machine's points folded by server, operation class and month. */
function foldMonths(points: readonly EncodedPoint[], serverIds: readonly string[]): MonthBits[] {
  const months: MonthBits[] = [];
  for (const p of points) {
    const opClass = opClassOf(p.operation);
    const { monthIndex: month, bit, late } = activityBitsOf(p.ms);
    const bits = months.find((b) => b.server === p.server && b.opClass === opClass && b.month === month);
    if (!bits) {
      months.push({
        tenant: p.tenant,
        machineId: p.machineId,
        server: p.server,
        serverId: serverIds[p.server - 1]!,
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
  return months;
}
