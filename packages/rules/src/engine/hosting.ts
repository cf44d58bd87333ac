/**
 * R-HOSTING-REQUIRED, R-HOSTING-OBLIGATION: a tenant whose backup server the SP manages (`managedBySp`)
 * needs a `hosting` license covering max(planned VMs, used VMs). Project definition: the hosting
 * capacity is the sum of the tenant's hosting licenses valid on the last day of M; used VMs are the VMs
 * active in M on any of the tenant's servers and not new in M (R-TENANT-USAGE).
 */
import type { HostingFigures } from '../report.js';
import type { TenantCtx } from './estate.js';
import { instancesOf, validOn } from './licenses.js';
import type { ViolationLog } from './violations.js';
import type { MonthWindow } from './window.js';

export function hostingFigures(
  tenant: TenantCtx,
  usedVms: number,
  w: MonthWindow,
  log: ViolationLog,
): HostingFigures | null {
  const t = tenant.facts;
  if (!t.managedBySp) return null;
  const lastDay = w.baseDay + w.mEnd;
  let capacity = 0;
  let found = false;
  let firstLicense: string | null = null;
  for (const s of tenant.own) {
    for (const l of s.licenses) {
      if (l.facts.type !== 'hosting' || !validOn(l, lastDay)) continue;
      found = true;
      firstLicense ??= l.facts.id;
      capacity += instancesOf(l.facts) ?? 0;
    }
  }
  if (!found) {
    log.add(
      'HOSTING_LICENSE_MISSING',
      'error',
      { tenant: t.id },
      `Tenant ${t.id} is managed by the SP (Backup as a Service) but none of its backup servers carries a valid hosting license at the end of ${w.month}; install a hosting license for at least ${Math.max(t.plan.vms, usedVms)} VMs (R-HOSTING-REQUIRED).`,
    );
  }
  const obligation = Math.max(t.plan.vms, usedVms);
  const shortfall = Math.max(0, obligation - capacity);
  if (shortfall > 0) {
    log.add(
      'HOSTING_LICENSE_SHORTFALL',
      'error',
      { tenant: t.id, license: firstLicense },
      `Tenant ${t.id}: the hosting license covers ${capacity} VMs but the tenant plans ${t.plan.vms} and used ${usedVms} in ${w.month}; add ${shortfall} VMs of hosting capacity (R-HOSTING-OBLIGATION).`,
    );
  }
  return { planned: t.plan.vms, used: usedVms, capacity, obligation, shortfall };
}
