/**
 * R-SP-SIZING: the SP license must cover the sum of tenant plans per counter, leaving out what
 * R-RENTAL-EXEMPT moves to tenant licenses. Project definition: a tenant's `vm-backup`, `server` and
 * `workstation` plans are left out when every one of its backup servers carries a rental/hosting license
 * valid on the last day of M and the SP and tenant servers meet the VBR gate (agents' versions are not
 * known for planned machines). In `vcsp-points` plans are converted to points with the ruleset's table.
 */
import { COUNTERS } from '../model.js';
import type { EstateCtx, TenantCtx } from './estate.js';
import { validOn } from './licenses.js';
import type { SpCapacity } from './sp-required.js';
import { reportedCapacity } from './sp-required.js';
import type { ViolationLog } from './violations.js';
import type { MonthWindow } from './window.js';

export function plansExempt(estate: EstateCtx, t: TenantCtx, w: MonthWindow): boolean {
  if (estate.spTooOld || t.own.length === 0) return false;
  const lastDay = w.baseDay + w.mEnd;
  return t.own.every((s) => s.vbrOk && s.rentalLicenses.some((l) => validOn(l, lastDay)));
}

export function sizingViolations(estate: EstateCtx, sp: SpCapacity, w: MonthWindow, log: ViolationLog): void {
  const planned = [0, 0, 0, 0];
  for (const t of estate.tenants) {
    const exempt = plansExempt(estate, t, w);
    COUNTERS.forEach((c, i) => {
      if (!exempt || c === 'vm-replica') planned[i]! += t.facts.plan[c];
    });
  }
  const subject = (detail: string) => ({
    license: sp.primary?.facts.id ?? null,
    server: sp.primary?.server ?? null,
    detail,
  });
  const lic = sp.primary ? `SP license ${sp.primary.facts.id}` : 'The SP license';
  if (estate.ruleset.spCapacity === 'points') {
    const units = estate.ruleset.spUnits;
    const need = COUNTERS.reduce((sum, c, i) => sum + planned[i]! * units[c], 0);
    const have = reportedCapacity(sp.byCounter[0]!, w) ?? 0;
    if (need > have) {
      log.add(
        'SP_LICENSE_UNDERSIZED',
        'warning',
        subject('points'),
        `${lic} holds ${have} points but tenants plan workloads worth ${need} points at the end of ${w.month}; add ${need - have} points (R-SP-SIZING).`,
      );
    }
    return;
  }
  COUNTERS.forEach((c, i) => {
    const have = reportedCapacity(sp.byCounter[i]!, w) ?? 0;
    const need = planned[i]!;
    if (need <= have) return;
    log.add(
      'SP_LICENSE_UNDERSIZED',
      'warning',
      subject(c),
      `${lic} covers ${have} ${c} but tenants plan ${need} at the end of ${w.month}; add ${need - have} ${c} to the SP license (R-SP-SIZING).`,
    );
  });
}
