/**
 * R-SP-REQUIRED: cloud operations need an SP `cloud-connect-sp` license that includes the counter.
 * Project definition: the SP license on a day is every `cloud-connect-sp` license on an SP backup server
 * valid that day, capacities added up; a counter (or, in `vcsp-points`, the points pool) with none is
 * `unlicensed` that day. Usage is still counted; usage on an unlicensed day raises SP_COUNTER_NOT_LICENSED.
 */
import { COUNTERS, type Counter } from '../model.js';
import { dayToDate } from '../time.js';
import type { EstateCtx } from './estate.js';
import { UNLICENSED } from './exceed.js';
import { type LicenseCtx, validOn } from './licenses.js';
import type { ViolationLog } from './violations.js';
import type { MonthWindow } from './window.js';

export interface SpCapacity {
  /** Daily capacity over r0..mEnd per counter position; in `vcsp-points` all four are the pool's array. */
  byCounter: Float64Array[];
  /** The SP license violations name: the one valid at the end of M, else the latest one in force. */
  primary: LicenseCtx | null;
}

export function spCapacity(estate: EstateCtx, w: MonthWindow): SpCapacity {
  const points = estate.ruleset.spCapacity === 'points';
  const keys: readonly (Counter | 'points')[] = points ? ['points'] : COUNTERS;
  const arrays = keys.map(() => new Float64Array(w.len).fill(UNLICENSED));
  for (let k = 0; k < w.len; k++) {
    const day = w.baseDay + w.r0 + k;
    for (const l of estate.spLicenses) {
      if (!validOn(l, day)) continue;
      for (let c = 0; c < keys.length; c++) {
        const cap = l.facts.capacity[keys[c]!];
        if (cap === undefined) continue;
        const a = arrays[c]!;
        a[k] = (a[k] === UNLICENSED ? 0 : a[k]!) + cap;
      }
    }
  }
  const lastDay = w.baseDay + w.mEnd;
  let primary: LicenseCtx | null = estate.spLicenses.find((l) => validOn(l, lastDay)) ?? null;
  if (!primary) {
    for (const l of estate.spLicenses) if (l.from <= lastDay && (!primary || l.to > primary.to)) primary = l;
  }
  return { byCounter: points ? COUNTERS.map(() => arrays[0]!) : arrays, primary };
}

/** The capacity a month reports: that of its last licensed day, or null when no day of M is licensed. */
export function reportedCapacity(cap: Float64Array, w: MonthWindow): number | null {
  for (let k = w.len - 1; k >= w.mStart - w.r0; k--) if (cap[k]! >= 0) return cap[k]!;
  return null;
}

/** `anyDaily`: machines with cloud activity on the counter per day of r0..mEnd (prefix-summed). */
export function spRequiredViolation(
  counter: Counter,
  anyDaily: Int32Array,
  cap: Float64Array,
  sp: SpCapacity,
  w: MonthWindow,
  log: ViolationLog,
): void {
  let worst = 0;
  let firstDay = -1;
  for (let k = w.mStart - w.r0; k < w.len; k++) {
    if (cap[k] !== UNLICENSED || anyDaily[k]! === 0) continue;
    if (firstDay < 0) firstDay = k;
    if (anyDaily[k]! > worst) worst = anyDaily[k]!;
  }
  if (firstDay < 0) return;
  const what = sp.primary
    ? `SP license ${sp.primary.facts.id} does not include`
    : 'no SP Cloud Connect license covers';
  log.add(
    'SP_COUNTER_NOT_LICENSED',
    'error',
    { license: sp.primary?.facts.id ?? null, server: sp.primary?.server ?? null, detail: counter },
    `Up to ${worst} machine(s) used Cloud Connect ${counter} from ${dayToDate(w.baseDay + w.r0 + firstDay)} while ${what} ${counter} on that day; add ${counter} to the SP license (R-SP-REQUIRED).`,
  );
}
