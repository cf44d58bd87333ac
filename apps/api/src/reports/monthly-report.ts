/**
 * `monthlyReport(month)`: an approved month from its snapshot (so later ingestion cannot change it);
 * an open one from the engine, with the adjustments applied. Always within the caller's reach.
 */
import type { Transaction } from '@vcc/db';
import type { Principal } from '../auth/principal.js';
import { type MonthlyReport, ReportStatusEnum } from '../schema/reports/monthly-report.types.js';
import { actorLabels } from './actor-labels.js';
import { applyAdjustments } from './apply-adjustments.js';
import { listAdjustments } from './list-adjustments.js';
import { namedLicenseReport } from './named-report.js';
import { hasEnded } from './report-month.js';
import { readSnapshot } from './report-snapshot.js';

export async function loadMonthlyReport(
  tx: Transaction,
  principal: Principal,
  month: string,
): Promise<MonthlyReport> {
  const adjustments = await listAdjustments(tx, principal, month);
  const snapshot = await readSnapshot(tx, principal, month);
  if (snapshot) {
    const labels = await actorLabels(tx, principal, [snapshot.approvedBy]);
    return {
      month,
      status: ReportStatusEnum.APPROVED,
      closed: true,
      approvedAt: snapshot.approvedAt,
      approvedBy: snapshot.approvedBy,
      approvedByLabel: labels.get(snapshot.approvedBy) ?? snapshot.approvedBy,
      engine: snapshot.engine,
      adjusted: snapshot.adjusted,
      adjustments,
    };
  }
  const engine = await namedLicenseReport(tx, principal, month);
  return {
    month,
    status: ReportStatusEnum.OPEN,
    closed: hasEnded(month),
    approvedAt: null,
    approvedBy: null,
    approvedByLabel: null,
    engine,
    adjusted: applyAdjustments(
      engine,
      adjustments.map((a) => ({ tenantExternalId: a.tenant.externalId, ...a })),
    ),
    adjustments,
  };
}
