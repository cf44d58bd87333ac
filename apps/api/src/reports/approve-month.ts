/**
 * `approveMonth` (SP admin): freezes a month that has ended. The engine's report with the adjustments
 * applied is written as a snapshot (report-snapshot.ts) with an audit row, all in the request's
 * transaction; from then on `monthlyReport` serves the snapshot, adjustments are refused, and a
 * second approval is a CONFLICT.
 */
import type { Transaction } from '@vcc/db';
import { recordAudit } from '../audit/record-audit.js';
import type { Principal } from '../auth/principal.js';
import { conflict } from '../errors.js';
import type { MonthlyReport } from '../schema/reports/monthly-report.types.js';
import { applyAdjustments } from './apply-adjustments.js';
import { listAdjustments } from './list-adjustments.js';
import { loadMonthlyReport } from './monthly-report.js';
import { namedLicenseReport } from './named-report.js';
import { hasEnded, lockMonth } from './report-month.js';
import { isApproved, writeSnapshot } from './report-snapshot.js';

export async function approveMonth(
  tx: Transaction,
  principal: Principal,
  month: string,
): Promise<MonthlyReport> {
  if (!hasEnded(month))
    throw conflict(`${month} has not ended: a month can be approved from the 1st of the next month (UTC)`);
  await lockMonth(tx, principal.spId, month);
  if (await isApproved(tx, principal, month)) throw conflict(`${month} is already approved`);

  const engine = await namedLicenseReport(tx, principal, month);
  const adjustments = await listAdjustments(tx, principal, month);
  const adjusted = applyAdjustments(
    engine,
    adjustments.map((a) => ({ tenantExternalId: a.tenant.externalId, ...a })),
  );
  await writeSnapshot(tx, principal, engine, adjusted);
  await recordAudit(tx, principal, {
    tenantId: null,
    action: 'report.approve',
    subject: `report:${month}`,
    details: {
      tenants: engine.tenants.length,
      adjustments: adjustments.length,
      units: adjusted.serviceProvider?.units.used ?? null,
    },
  });
  return loadMonthlyReport(tx, principal, month);
}
