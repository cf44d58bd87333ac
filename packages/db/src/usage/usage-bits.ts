/**
 * A batch's usage bits, folded in Node with the engine's own arithmetic (packages/rules/src/activity.ts)
 * so that PostgreSQL only ORs integers into the rollups.
 */
import { activityBitsOf, type OpClass, type Operation, opClassOf } from '@vcc/rules';

/** A point with its tenant and server as dictionary indexes and its time in milliseconds. */
export interface EncodedPoint {
  tenant: number;
  machineId: number;
  server: number;
  operation: Operation;
  ms: number;
}

/** One usage row's bits of one month, folded from a batch's points. */
export interface MonthBits {
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
 * The batch's usage bits, by usage row and month, as rounds: a row can be changed once per
 * statement, so round 1 holds each row's first month and the rare later months of the same row (a
 * batch that spans a month's end) follow in rounds 2, 3…
 * Repeats of stored points may be folded too: ORing a day bit again and taking the earlier of two
 * first times change nothing, so the rollup need not wait to learn which points were new.
 */
export function usageRounds(points: readonly EncodedPoint[]): MonthBits[][] {
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
