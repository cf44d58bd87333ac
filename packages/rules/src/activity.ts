/**
 * The rollup of restore points into the engine's activity facts. This is the reference: the database
 * keeps the same figures current at ingestion (packages/db), and a test holds the two equal.
 */
import type { ActivityFact, FirstFact } from './facts.js';
import { type OpClass, type Operation, opClassOf } from './model.js';
import { addMonths, DAY_MS, monthOfIndex } from './time.js';

export interface RestorePointFact {
  server: string;
  operation: Operation;
  /** UTC milliseconds. */
  at: number;
}

/**
 * How many months before a reported month the engine reads activity from: the longest grace period
 * (60 days, R-EXCEED) plus the 31-day window and its open start reach at most 92 days back, which
 * from the 1st of any month lies within the four months before it.
 */
export const LOOKBACK_MONTHS = 4;

/** The months of activity needed to report `months` (sorted or not). */
export function activityMonthsFor(months: readonly string[]): { from: string; to: string } | null {
  if (months.length === 0) return null;
  const sorted = [...months].sort();
  return { from: addMonths(sorted[0]!, -LOOKBACK_MONTHS), to: sorted[sorted.length - 1]! };
}

/**
 * The day-of-month bit a restore point sets, in which month (by index, see time.ts `monthIndex`), and
 * whether it is "late" (after midnight exactly).
 */
export function activityBitsOf(at: number): { monthIndex: number; bit: number; late: boolean } {
  const date = new Date(at);
  return {
    monthIndex: date.getUTCFullYear() * 12 + date.getUTCMonth(),
    bit: 1 << (date.getUTCDate() - 1),
    late: at % DAY_MS !== 0,
  };
}

/** activityBitsOf with the month as `YYYY-MM`. */
export function activityBits(at: number): { month: string; bit: number; late: boolean } {
  const { monthIndex, bit, late } = activityBitsOf(at);
  return { month: monthOfIndex(monthIndex), bit, late };
}

export function rollUp(points: Iterable<RestorePointFact>): {
  activity: ActivityFact[];
  firsts: FirstFact[];
} {
  const activity = new Map<string, ActivityFact>();
  const firsts = new Map<string, FirstFact>();
  for (const p of points) {
    const opClass: OpClass = opClassOf(p.operation);
    const { month, bit, late } = activityBits(p.at);
    const key = `${p.server}\u0000${opClass}\u0000${month}`;
    let a = activity.get(key);
    if (!a) {
      a = { server: p.server, opClass, month, days: 0, lateDays: 0 };
      activity.set(key, a);
    }
    a.days |= bit;
    if (late) a.lateDays |= bit;
    const firstKey = `${p.server}\u0000${opClass}`;
    const f = firsts.get(firstKey);
    if (!f) firsts.set(firstKey, { server: p.server, opClass, at: p.at });
    else if (p.at < f.at) f.at = p.at;
  }
  return { activity: [...activity.values()], firsts: [...firsts.values()] };
}
