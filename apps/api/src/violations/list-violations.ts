/**
 * `violations`: a month's violations from the report (so they match `licenseReport` exactly),
 * optionally of one severity or one tenant. A tenant caller's report holds its own only.
 */
import type { Transaction } from '@vcc/db';
import type { Principal } from '../auth/principal.js';
import { monthReport } from '../reports/report-service.js';
import type { SeverityEnum } from '../schema/common/enums.js';
import { toViolation } from '../schema/reports/report.mapping.js';
import type { Violation } from '../schema/reports/report.types.js';

export async function listViolations(
  tx: Transaction,
  principal: Principal,
  month: string,
  filter: { severity: SeverityEnum | null; tenantExternalId: string | null },
): Promise<Violation[]> {
  const report = await monthReport(tx, principal, month);
  return report.violations
    .filter((v) => filter.severity === null || v.severity === filter.severity)
    .filter((v) => filter.tenantExternalId === null || v.tenant === filter.tenantExternalId)
    .map(toViolation);
}
