/** R-SP-OWN-JOBS: jobs on the SP's own backup server are not Cloud Connect workloads: nothing charged, a warning. */
import type { MachineFacts } from '../facts.js';
import type { ServerCtx, TenantCtx } from './estate.js';
import type { ViolationLog } from './violations.js';
import type { MonthWindow } from './window.js';

export function ownJobViolations(
  tenant: TenantCtx,
  ownJobs: Map<ServerCtx, { count: number; example: string; last: MachineFacts }>,
  w: MonthWindow,
  log: ViolationLog,
): void {
  for (const [s, j] of ownJobs) {
    const who = j.count === 1 ? `machine ${j.example}` : `${j.count} machines (e.g. ${j.example})`;
    log.add(
      'SP_SERVER_JOB',
      'warning',
      { tenant: tenant.facts.id, server: s.id, machine: j.count === 1 ? j.example : null },
      `Tenant ${tenant.facts.id}: ${who} had jobs on SP backup server ${s.id} in ${w.month}; such jobs are not Cloud Connect workloads and are not on the SP license. Run them from the tenant's own backup server, or confirm they are the SP's own (R-SP-OWN-JOBS).`,
    );
  }
}
