/**
 * The SP monthly report as the benchmarks time it: cold (the API's report service computing it from
 * the rollups under the SP's scope, no cache) and warm (the same service, answered from its cache once
 * filled).
 */
import { type Database, withScope } from '@vcc/db';
import type { Principal } from '../src/auth/principal.js';
import { computeReport, monthReport } from '../src/reports/report-service.js';

export const benchPrincipal = (spId: string, tenantId: string | null = null): Principal => ({
  kind: 'key',
  id: 'bench',
  spId,
  tenantId,
  role: tenantId ? 'tenant-viewer' : 'sp-viewer',
});

export function spReportCold(db: Database, spId: string, month: string) {
  return withScope(db, { spId }, (tx) => computeReport(tx, benchPrincipal(spId), month));
}

export function spReportCached(db: Database, spId: string, month: string) {
  return withScope(db, { spId }, (tx) => monthReport(tx, benchPrincipal(spId), month));
}
