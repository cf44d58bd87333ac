/**
 * The SP's figures for one month: counters as the sums of the tenants' shares, daily states from the
 * daily usage of all tenants (R-EXCEED) against the SP license (R-SP-REQUIRED), units per ruleset.
 */
import { COUNTERS, type Counter, type State } from '../model.js';
import type { ServiceProviderMonth, SpCounterFigures, TenantReport } from '../report.js';
import { prefixSum } from './active-31d.js';
import type { EstateCtx } from './estate.js';
import { monthState, worse } from './exceed.js';
import { exceedViolations } from './exceed-violations.js';
import { expiryViolations } from './expiry.js';
import type { SpDaily } from './machine-pass.js';
import { reportedCapacity, spCapacity, spRequiredViolation } from './sp-required.js';
import { sizingViolations } from './sp-sizing.js';
import type { ViolationLog } from './violations.js';
import type { MonthWindow } from './window.js';

export function finishSp(
  estate: EstateCtx,
  tenants: readonly TenantReport[],
  daily: SpDaily,
  w: MonthWindow,
  log: ViolationLog,
): ServiceProviderMonth {
  const ruleset = estate.ruleset;
  const cap = spCapacity(estate, w);
  const policy = ruleset.exceed('cloud-connect-sp');
  const from = w.mStart - w.r0;
  const lic = cap.primary;
  const spSubject = (detail: string) => ({
    license: lic?.facts.id ?? null,
    server: lic?.server ?? null,
    detail,
  });
  const counters = {} as Record<Counter, SpCounterFigures>;
  const points = ruleset.spCapacity === 'points';
  const pool = new Float64Array(w.len);
  let unitsUsed = 0;
  let worst: State = 'ok';
  let inUse = false;
  COUNTERS.forEach((c, i) => {
    const usage = daily.usage[i]!;
    const any = daily.any[i]!;
    prefixSum(usage);
    prefixSum(any);
    let used = 0;
    let fresh = 0;
    let rental = 0;
    let units = 0;
    for (const t of tenants) {
      const f = t.counters[c];
      used += f.used;
      fresh += f.new;
      rental += f.rental;
      units += f.units;
    }
    unitsUsed += units;
    if (used + fresh + rental > 0) inUse = true;
    const st = monthState(usage, cap.byCounter[i]!, from, policy);
    if (points) for (let k = 0; k < w.len; k++) pool[k]! += usage[k]! * ruleset.spUnits[c];
    else {
      worst = worse(worst, st.state);
      exceedViolations(
        st,
        `SP license ${lic?.facts.id ?? '(none)'}, counter ${c},`,
        reportedCapacity(cap.byCounter[i]!, w),
        w.month,
        spSubject(c),
        log,
      );
    }
    counters[c] = {
      used,
      new: fresh,
      rental,
      units,
      capacity: points ? null : reportedCapacity(cap.byCounter[i]!, w),
      peak: st.peak,
      state: st.state,
    };
    spRequiredViolation(c, any, cap.byCounter[i]!, cap, w, log);
  });
  let unitsCapacity: number | null = null;
  if (points) {
    const st = monthState(pool, cap.byCounter[0]!, from, policy);
    worst = st.state;
    unitsCapacity = reportedCapacity(cap.byCounter[0]!, w);
    for (const c of COUNTERS) counters[c].state = st.state;
    exceedViolations(
      st,
      `SP license ${lic?.facts.id ?? '(none)'} (points)`,
      unitsCapacity,
      w.month,
      spSubject('points'),
      log,
    );
  }
  sizingViolations(estate, cap, w, log);
  expiryViolations(
    estate.spLicenses,
    w,
    inUse,
    (l) => ({ license: l.facts.id, server: l.server }),
    (l) => `SP license ${l.facts.id} on SP backup server ${l.server}`,
    log,
  );
  return { counters, units: { used: unitsUsed, capacity: unitsCapacity, state: worst } };
}
