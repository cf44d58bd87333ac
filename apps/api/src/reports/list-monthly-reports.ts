/**
 * `monthlyReports`: the months worth reviewing, newest first: from the first month with restore
 * points to the month after the last (the 31-day window carries usage into it, R-MONTH-USAGE), never
 * past the current month, plus any month already approved or adjusted. Within the caller's reach:
 * a tenant sees the months of its own data and whether its own part was approved.
 */
import { queryRows, schema, type Transaction } from '@vcc/db';
import { and, count, eq, sql } from 'drizzle-orm';
import { isSpRole, type Principal } from '../auth/principal.js';
import { withinReach } from '../auth/scope-conditions.js';
import { badInput } from '../errors.js';
import { decodeCursor, encodeCursor, pageSize } from '../schema/common/connection.js';
import {
  type MonthlyReportConnection,
  type MonthlyReportSummary,
  ReportStatusEnum,
} from '../schema/reports/monthly-report.types.js';
import { currentUtcMonth, hasEnded, monthNumber, monthOfNumber } from './report-month.js';

interface Approval {
  approvedAt: Date;
  approvedBy: string;
}

export async function listMonthlyReports(
  tx: Transaction,
  principal: Principal,
  first: number | null,
  after: string | null,
): Promise<MonthlyReportConnection> {
  const limit = pageSize(first, 24);
  const before = after ? String(decodeCursor(after)[0]) : null;
  if (before !== null && !/^\d{4}-\d{2}$/.test(before))
    throw badInput([{ path: 'after', message: 'not a cursor this API gave out' }]);

  const [approvals, adjustmentCounts, dataMonths] = [
    await approvalsOf(tx, principal),
    await adjustmentCountsOf(tx, principal),
    await dataMonthsOf(tx, principal),
  ];
  const months = [...new Set([...dataMonths, ...approvals.keys(), ...adjustmentCounts.keys()])]
    .sort()
    .reverse()
    .filter((m) => before === null || m < before);
  const page: MonthlyReportSummary[] = months.slice(0, limit).map((month) => {
    const approval = approvals.get(month);
    return {
      month,
      status: approval ? ReportStatusEnum.APPROVED : ReportStatusEnum.OPEN,
      closed: hasEnded(month),
      approvedAt: approval?.approvedAt ?? null,
      approvedBy: approval?.approvedBy ?? null,
      adjustmentCount: adjustmentCounts.get(month) ?? 0,
    };
  });
  return {
    edges: page.map((node) => ({ node, cursor: encodeCursor([node.month]) })),
    pageInfo: {
      hasNextPage: months.length > limit,
      endCursor: page.length ? encodeCursor([page[page.length - 1]!.month]) : null,
    },
    totalCount: months.length,
  };
}

async function approvalsOf(tx: Transaction, principal: Principal): Promise<Map<string, Approval>> {
  if (isSpRole(principal.role)) {
    const s = schema.reportSnapshots;
    const rows = await tx
      .select({ month: s.month, approvedAt: s.approvedAt, approvedBy: s.approvedBy })
      .from(s)
      .where(eq(s.spId, principal.spId));
    return new Map(rows.map((r) => [r.month.slice(0, 7), r]));
  }
  // A tenant cannot read report_snapshots: its own part carries the approval.
  const st = schema.reportSnapshotTenants;
  const rows = await tx
    .select({ month: st.month, report: st.report })
    .from(st)
    .where(and(...withinReach(principal, { spId: st.spId, tenantId: st.tenantId })));
  return new Map(
    rows.map((r) => {
      const part = r.report as { approvedAt: string; approvedBy: string };
      return [r.month.slice(0, 7), { approvedAt: new Date(part.approvedAt), approvedBy: part.approvedBy }];
    }),
  );
}

async function adjustmentCountsOf(tx: Transaction, principal: Principal): Promise<Map<string, number>> {
  const a = schema.reportAdjustments;
  const rows = await tx
    .select({ month: a.month, n: count() })
    .from(a)
    .where(and(...withinReach(principal, { spId: a.spId, tenantId: a.tenantId })))
    .groupBy(a.month);
  return new Map(rows.map((r) => [r.month.slice(0, 7), Number(r.n)]));
}

/** Month numbers of machine_usage's day-bit arrays (see packages/db/src/schema/usage.ts). */
async function dataMonthsOf(tx: Transaction, principal: Principal): Promise<string[]> {
  const tenant = isSpRole(principal.role)
    ? null
    : (principal.tenantId ?? '00000000-0000-0000-0000-000000000000');
  const [range] = await queryRows<{ lo: number | null; hi: number | null }>(
    tx,
    sql`select min(array_lower(days, 1)) as lo, max(array_upper(days, 1)) as hi from machine_usage
        where sp_id = ${principal.spId} ${tenant ? sql`and tenant_id = ${tenant}` : sql``}`,
  );
  if (range?.lo == null || range.hi == null) return [];
  // Up to the month after the last data, but never a month that has not begun.
  const last = Math.min(Number(range.hi) + 1, monthNumber(currentUtcMonth()));
  const months: string[] = [];
  for (let n = Number(range.lo); n <= last; n++) months.push(monthOfNumber(n));
  return months;
}
