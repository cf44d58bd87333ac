/**
 * The SP monthly report as the benchmarks time it: cold (facts read from the rollups under the SP's
 * scope and evaluated, no cache) and warm (the API's report service, answered from its cache once
 * filled).
 */
import { type Database, loadEstateFacts, withScope } from '@vcc/db';
import { evaluate } from '@vcc/rules';
import type { Principal } from '../src/auth/principal.js';
import { monthReport } from '../src/reports/report-service.js';

export function spReportCold(db: Database, spId: string, month: string) {
  return withScope(db, { spId }, async (tx) =>
    evaluate((await loadEstateFacts(tx, [month]))!, [month], { machines: false }),
  );
}

export function spReportCached(db: Database, spId: string, month: string) {
  const principal: Principal = { kind: 'key', id: 'bench', spId, tenantId: null, role: 'sp-viewer' };
  return withScope(db, { spId }, (tx) => monthReport(tx, principal, month));
}
