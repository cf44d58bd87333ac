/**
 * R-TENANT-USAGE: a tenant server's license is consumed by every distinct machine the server processes
 * (any operation) while the license is valid, active and not new in M. Project definition: the machine
 * is "first on the license" at max(its first restore point by that server, the start of validFrom), so
 * a machine is new on a license in the month it first appears on it (R-NEW).
 */
import type { LicenseFigures } from '../report.js';
import type { ServerCtx, TenantCtx } from './estate.js';
import { type MonthState, monthState, NOT_YET_VALID, UNLICENSED } from './exceed.js';
import { instancesOf, type LicenseCtx } from './licenses.js';
import type { Ruleset } from './rulesets/types.js';
import { axisDay, type MonthWindow } from './window.js';

/** Far outside any window: stands for "no end" on the axis. */
export const FAR = 1 << 29;

export interface LicenseMonth {
  ctx: LicenseCtx;
  /** Validity on the axis, clipped to ±FAR. */
  fromAxis: number;
  toAxis: number;
  /** Daily usage difference array over r0..mEnd (+1 slot). */
  diff: Int32Array;
  used: number;
  new: number;
  /** Shown in the tenant's `licenses`: valid on a day of M, or the server's last license, expired. */
  listed: boolean;
}

/** The tenant licenses in play in month w, by server id. */
export function licenseMonths(tenant: TenantCtx, w: MonthWindow): Map<ServerCtx, LicenseMonth[]> {
  const out = new Map<ServerCtx, LicenseMonth[]>();
  for (const s of tenant.own) {
    const list: LicenseMonth[] = [];
    const inM = (l: LicenseCtx) => axisDay(w, l.from) <= w.mEnd && axisDay(w, l.to) >= w.mStart;
    const anyInM = s.licenses.some(inM);
    // The server's latest-ending license is still shown once expired, so its state reads `unlicensed`.
    let latest: LicenseCtx | null = null;
    for (const l of s.licenses) if (axisDay(w, l.from) <= w.mEnd && (!latest || l.to > latest.to)) latest = l;
    for (const l of s.licenses) {
      const fromAxis = Math.max(axisDay(w, l.from), -FAR);
      const toAxis = Math.min(axisDay(w, l.to), FAR);
      const listed = inM(l) || (!anyInM && l === latest);
      if (!listed && (fromAxis > w.mEnd || toAxis < w.r0)) continue;
      list.push({ ctx: l, fromAxis, toAxis, diff: new Int32Array(w.len + 1), used: 0, new: 0, listed });
    }
    if (list.length > 0) out.set(s, list);
  }
  return out;
}

/** Daily capacity of a tenant license over r0..mEnd (R-EXCEED codes). */
export function tenantCapacity(lm: LicenseMonth, w: MonthWindow): Float64Array {
  const cap = new Float64Array(w.len);
  const instances = instancesOf(lm.ctx.facts) ?? Number.POSITIVE_INFINITY;
  for (let k = 0; k < w.len; k++) {
    const d = w.r0 + k;
    cap[k] = d < lm.fromAxis ? NOT_YET_VALID : d > lm.toAxis ? UNLICENSED : instances;
  }
  return cap;
}

export function licenseFigures(
  lm: LicenseMonth,
  w: MonthWindow,
  ruleset: Ruleset,
): { figures: LicenseFigures; state: MonthState } {
  const usage = lm.diff;
  for (let i = 1; i < usage.length; i++) usage[i]! += usage[i - 1]!;
  const st = monthState(usage, tenantCapacity(lm, w), w.mStart - w.r0, ruleset.exceed(lm.ctx.facts.type));
  return {
    figures: {
      id: lm.ctx.facts.id,
      type: lm.ctx.facts.type,
      used: lm.used,
      new: lm.new,
      capacity: instancesOf(lm.ctx.facts),
      peak: st.peak,
      state: st.state,
    },
    state: st,
  };
}
