/**
 * R-ACTIVE-31D: a restore point at instant t keeps its machine active at every instant of
 * [t, t + 31 days), i.e. on days floorDay(t)..floorDay(t)+30 when t is exactly midnight UTC, else
 * ..floorDay(t)+31 (facts.ts `days`/`lateDays`). The number of points and jobs does not matter.
 *
 * A machine's activity on one track (a counter, or a server for its licenses) is kept as per-month
 * day bitmasks in a shared scratch buffer and turned into a few merged intervals of active axis days:
 * consecutive days are taken a run at a time with bit tricks, so a machine backed up daily costs
 * one interval per month, not one step per day. Nothing is allocated per machine.
 */
import { LOOKBACK_MONTHS } from '../activity.js';

/** Words per track in the scratch buffer: the day masks of months M−4..M, then their late masks. */
export const TRACK_MONTHS = LOOKBACK_MONTHS + 1;
export const TRACK_WORDS = TRACK_MONTHS * 2;

/** The last day a restore point keeps its machine active, counted from its own day. */
const REACH_MIDNIGHT = 30;

function ctz(x: number): number {
  return 31 - Math.clz32(x & -x);
}

/**
 * Writes the merged active intervals [start, end] (axis days, inclusive) of the track at `base` into
 * `out` as pairs and returns how many intervals there are. `off[p]` is the axis day of month p's 1st.
 */
export function activeIntervals(scratch: Int32Array, base: number, off: Int32Array, out: Int32Array): number {
  let n = 0;
  let curS = 0;
  let curE = -2;
  let open = false;
  for (let p = 0; p < TRACK_MONTHS; p++) {
    let m = scratch[base + p]!;
    if (m === 0) continue;
    const late = scratch[base + TRACK_MONTHS + p]!;
    const o = off[p]!;
    while (m !== 0) {
      const a = ctz(m);
      // The run of set bits starting at a ends just below the lowest clear bit above it. Day masks
      // never use bit 31 (months have ≤ 31 days), so a clear bit always exists.
      const z = ctz(~(m | ((1 << a) - 1)));
      const b = z - 1;
      m &= -1 << z;
      const s = o + a;
      // Within a run only the last day's lateness matters: day b−1 + 31 = day b + 30.
      const e = o + b + REACH_MIDNIGHT + ((late >>> b) & 1);
      if (open && s <= curE + 1) {
        if (e > curE) curE = e;
      } else {
        if (open) {
          out[n * 2] = curS;
          out[n * 2 + 1] = curE;
          n++;
        }
        curS = s;
        curE = e;
        open = true;
      }
    }
  }
  if (open) {
    out[n * 2] = curS;
    out[n * 2 + 1] = curE;
    n++;
  }
  return n;
}

/** Whether some interval meets the axis days [lo, hi] (never, when lo > hi). */
export function meets(iv: Int32Array, n: number, lo: number, hi: number): boolean {
  if (lo > hi) return false;
  for (let i = 0; i < n; i++) if (iv[i * 2]! <= hi && iv[i * 2 + 1]! >= lo) return true;
  return false;
}

/**
 * Adds one to `diff` (a difference array over axis days r0..) for every day of the intervals within
 * [lo, hi] and outside [exLo, exHi] (the month in which the machine is new, R-NEW).
 */
export function addDays(
  diff: Int32Array,
  r0: number,
  iv: Int32Array,
  n: number,
  lo: number,
  hi: number,
  exLo: number,
  exHi: number,
): void {
  for (let i = 0; i < n; i++) {
    const s = Math.max(iv[i * 2]!, lo);
    const e = Math.min(iv[i * 2 + 1]!, hi);
    if (s > e) continue;
    if (exHi < s || exLo > e) {
      diff[s - r0]! += 1;
      diff[e - r0 + 1]! -= 1;
      continue;
    }
    if (s < exLo) {
      diff[s - r0]! += 1;
      diff[exLo - r0]! -= 1;
    }
    if (e > exHi) {
      diff[exHi + 1 - r0]! += 1;
      diff[e - r0 + 1]! -= 1;
    }
  }
}

/** Turns a difference array into daily figures in place. */
export function prefixSum(diff: Int32Array): void {
  for (let i = 1; i < diff.length; i++) diff[i]! += diff[i - 1]!;
}
