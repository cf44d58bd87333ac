/**
 * R-MONTH-USAGE, R-EXCEED: the day axis of one reported month M. Axis day 0 is the 1st of M−4
 * (LOOKBACK_MONTHS), so the engine reads only activity of M−4..M. Daily usage is computed from `r0`,
 * 60 days (the longest finite grace) before the 1st of M: a run of over-capacity days that began
 * earlier is already past any grace on the 1st of M, so starting there gives the same states in M.
 * Usage on `r0` itself needs restore points from r0−31, which is still within M−4 (≥ 120 days back).
 */
import { LOOKBACK_MONTHS } from '../activity.js';
import { daysInMonth, monthIndex, monthIndexStartDay, monthOfIndex } from '../time.js';

/** Days before the 1st of M from which daily states are computed (the longest finite grace period). */
export const STATE_LOOKBACK_DAYS = 60;

export interface MonthWindow {
  month: string;
  /** Month index of M and of M−4. */
  mi: number;
  lo: number;
  /** Epoch day of axis day 0. */
  baseDay: number;
  /** off[p]: axis day of the 1st of month lo+p, p = 0..LOOKBACK_MONTHS+1 (the last is the 1st of M+1). */
  off: Int32Array;
  /** Axis days: first day of the daily-state range, first and last day of M. */
  r0: number;
  mStart: number;
  mEnd: number;
  /** Days of the daily-state range r0..mEnd. */
  len: number;
  daysInM: number;
}

export function monthWindow(month: string): MonthWindow {
  const mi = monthIndex(month);
  if (monthOfIndex(mi) !== month) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  const lo = mi - LOOKBACK_MONTHS;
  const baseDay = monthIndexStartDay(lo);
  const off = new Int32Array(LOOKBACK_MONTHS + 2);
  for (let p = 0; p < off.length; p++) off[p] = monthIndexStartDay(lo + p) - baseDay;
  const mStart = off[LOOKBACK_MONTHS]!;
  const daysInM = daysInMonth(month);
  const mEnd = mStart + daysInM - 1;
  const r0 = mStart - STATE_LOOKBACK_DAYS;
  return { month, mi, lo, baseDay, off, r0, mStart, mEnd, len: mEnd - r0 + 1, daysInM };
}

/** Axis day of an epoch day. */
export function axisDay(w: MonthWindow, epochDay: number): number {
  return epochDay - w.baseDay;
}

/** Axis days [first, last] of the month with index `mi` (may lie outside the window). */
export function monthSpan(w: MonthWindow, mi: number): [number, number] {
  const first = monthIndexStartDay(mi) - w.baseDay;
  return [first, monthIndexStartDay(mi + 1) - w.baseDay - 1];
}
