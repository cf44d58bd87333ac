/**
 * R-EXCEED: daily states of one license (or SP counter, or points pool) over the state range r0..end
 * of M, from daily usage and daily capacity. A day is `ok` at or under capacity; over it, `grace`
 * while within the allowance and among the first N days of the current run of over-capacity days
 * (N: the grace of the type), else `exceeded`. A day at or under capacity, unlicensed or before the
 * license starts ends the run. The month's `peak` is its highest daily usage and its `state` the
 * worst of its days (ok < grace < exceeded < unlicensed).
 */
import type { State } from '../model.js';
import type { ExceedPolicy } from './rulesets/types.js';

/** Capacity codes of a day besides a number (Infinity: not limited). */
export const NOT_YET_VALID = Number.NaN;
export const UNLICENSED = -1;

const RANK: Record<State, number> = { ok: 0, grace: 1, exceeded: 2, unlicensed: 3 };

export function worse(a: State, b: State): State {
  return RANK[b] > RANK[a] ? b : a;
}

export function allowance(policy: ExceedPolicy, capacity: number): number {
  // Integer arithmetic first: 15 × 0.2 is 3.0000000000000004 in floating point.
  return Math.max(policy.minimum, Math.ceil((capacity * policy.percent) / 100));
}

export interface MonthState {
  peak: number;
  state: State;
  /** Some day of M was in grace / exceeded (also when a later day is unlicensed). */
  grace: boolean;
  exceeded: boolean;
  /** Highest usage over capacity on a day of M (for messages). */
  worstOver: number;
}

/**
 * `usage[k]`, `cap[k]`: day r0 + k; `from`: index of the 1st of M. `cap[k]` is a capacity, Infinity,
 * UNLICENSED or NaN (license not yet valid: the day is ignored).
 */
export function monthState(
  usage: ArrayLike<number>,
  cap: Float64Array,
  from: number,
  policy: ExceedPolicy,
): MonthState {
  let run = 0;
  const out: MonthState = { peak: 0, state: 'ok', grace: false, exceeded: false, worstOver: 0 };
  for (let k = 0; k < cap.length; k++) {
    const c = cap[k]!;
    const u = usage[k]!;
    let s: State = 'ok';
    if (Number.isNaN(c)) run = 0;
    else if (c === UNLICENSED) {
      run = 0;
      s = 'unlicensed';
    } else if (u <= c) run = 0;
    else {
      run++;
      s = u <= c + allowance(policy, c) && run <= policy.graceDays ? 'grace' : 'exceeded';
    }
    if (k < from) continue;
    if (u > out.peak) out.peak = u;
    out.state = worse(out.state, s);
    if (s === 'grace') out.grace = true;
    if (s === 'exceeded') out.exceeded = true;
    if (c >= 0 && u - c > out.worstOver) out.worstOver = u - c;
  }
  return out;
}
