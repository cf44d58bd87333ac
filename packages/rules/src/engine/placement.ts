/** R-SP-PLACEMENT: a `cloud-connect-sp` license on a tenant server is misplaced and covers nothing. */
import type { TenantCtx } from './estate.js';
import { validDayMask } from './licenses.js';
import type { ViolationLog } from './violations.js';
import type { MonthWindow } from './window.js';

export function placementViolations(tenant: TenantCtx, w: MonthWindow, log: ViolationLog): void {
  for (const s of tenant.own) {
    for (const l of s.misplaced) {
      if (validDayMask(l, w.mi) === 0) continue;
      log.add(
        'SP_LICENSE_ON_TENANT_SERVER',
        'error',
        { tenant: tenant.facts.id, license: l.facts.id, server: s.id },
        `Tenant ${tenant.facts.id}: Cloud Connect SP license ${l.facts.id} is installed on tenant backup server ${s.id}, where it covers nothing; install it on the SP backup server and give ${s.id} a tenant license (R-SP-PLACEMENT).`,
      );
    }
  }
}
