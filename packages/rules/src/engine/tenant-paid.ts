/**
 * R-TENANT-PAID: a tenant server that runs Cloud Connect jobs in M must carry a paid license on the
 * days it does. Free or no license: error; evaluation/NFR: the same code as a warning.
 */
import type { ServerCtx, TenantCtx } from './estate.js';
import { isPaidType, validDayMask } from './licenses.js';
import type { ViolationLog } from './violations.js';
import type { MonthWindow } from './window.js';

export function tenantPaidViolations(
  tenant: TenantCtx,
  cloudDays: Map<ServerCtx, number>,
  w: MonthWindow,
  log: ViolationLog,
): void {
  for (const [s, days] of cloudDays) {
    let paid = 0;
    let trial = 0;
    let free = 0;
    for (const l of s.licenses) {
      const mask = validDayMask(l, w.mi);
      if (isPaidType(l.facts.type)) paid |= mask;
      else if (l.facts.type === 'free') free |= mask;
      else trial |= mask;
    }
    const unpaid = days & ~paid;
    if (unpaid === 0) continue;
    const subject = { tenant: tenant.facts.id, server: s.id };
    const day = 32 - Math.clz32(unpaid & -unpaid);
    const when = `${w.month}-${String(day).padStart(2, '0')}`;
    if ((unpaid & ~trial) !== 0) {
      const what = (unpaid & ~trial & free) !== 0 ? 'only a free license' : 'no valid license';
      log.add(
        'TENANT_LICENSE_NOT_PAID',
        'error',
        subject,
        `Tenant ${tenant.facts.id}: backup server ${s.id} ran Cloud Connect jobs (first on ${when}) with ${what}; Cloud Connect needs a paid license (perpetual, subscription, rental or hosting): install one on ${s.id} (R-TENANT-PAID).`,
      );
    } else {
      log.add(
        'TENANT_LICENSE_NOT_PAID',
        'warning',
        subject,
        `Tenant ${tenant.facts.id}: backup server ${s.id} ran Cloud Connect jobs (first on ${when}) under an evaluation or NFR license; replace it with a paid license before production use (R-TENANT-PAID).`,
      );
    }
  }
}
