/** A tenant's figures for one month, once all its machines went through the machine pass. */
import { COUNTERS, type Counter } from '../model.js';
import type { LicenseFigures, MachineReport, TenantCounterFigures, TenantReport } from '../report.js';
import type { EstateCtx, TenantCtx } from './estate.js';
import { exceedViolations } from './exceed-violations.js';
import { expiryViolations } from './expiry.js';
import { hostingFigures } from './hosting.js';
import type { TenantMonthAcc } from './machine-pass.js';
import { placementViolations } from './placement.js';
import { rentalVersionViolations } from './rental-version.js';
import { ownJobViolations } from './sp-own-jobs.js';
import { tenantPaidViolations } from './tenant-paid.js';
import { licenseFigures } from './tenant-usage.js';
import type { ViolationLog } from './violations.js';
import type { MonthWindow } from './window.js';

export function tenantCounters(acc: TenantMonthAcc): Record<Counter, TenantCounterFigures> {
  const out = {} as Record<Counter, TenantCounterFigures>;
  COUNTERS.forEach((c, i) => {
    out[c] = { used: acc.used[i]!, new: acc.new[i]!, rental: acc.rental[i]!, units: acc.units[i]! };
  });
  return out;
}

export function finishTenant(
  estate: EstateCtx,
  tenant: TenantCtx,
  acc: TenantMonthAcc,
  machines: MachineReport[],
  w: MonthWindow,
  log: ViolationLog,
): TenantReport {
  const t = tenant.facts.id;
  const licenses: LicenseFigures[] = [];
  for (const s of tenant.own) {
    for (const lm of acc.licenses.get(s) ?? []) {
      const r = licenseFigures(lm, w, estate.ruleset);
      if (!lm.listed) continue;
      licenses.push(r.figures);
      exceedViolations(
        r.state,
        `Tenant ${t}: license ${lm.ctx.facts.id} (${lm.ctx.facts.type}) on backup server ${s.id}`,
        r.figures.capacity,
        w.month,
        { tenant: t, license: lm.ctx.facts.id, server: s.id },
        log,
      );
    }
    expiryViolations(
      s.licenses,
      w,
      acc.activeServers.has(s),
      (l) => ({ tenant: t, license: l.facts.id, server: s.id }),
      (l) => `Tenant ${t}: license ${l.facts.id} (${l.facts.type}) on backup server ${s.id}`,
      log,
    );
  }
  placementViolations(tenant, w, log);
  tenantPaidViolations(tenant, acc.cloudDays, w, log);
  ownJobViolations(tenant, acc.ownJobs, w, log);
  rentalVersionViolations(estate, tenant, acc.tooOld, log);
  const hosting = hostingFigures(tenant, acc.hostingUsedVms, w, log);
  return { id: t, counters: tenantCounters(acc), licenses, hosting, machines };
}
