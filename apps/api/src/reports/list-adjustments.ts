/** `reportAdjustments(month)`: the month's adjustments within reach (a tenant sees its own), oldest first. */
import { schema, type Transaction } from '@vcc/db';
import { and, asc, eq } from 'drizzle-orm';
import type { Principal } from '../auth/principal.js';
import { withinReach } from '../auth/scope-conditions.js';
import type { CounterEnum } from '../schema/common/enums.js';
import type { ReportAdjustment, ReportFigureEnum } from '../schema/reports/monthly-report.types.js';
import { actorLabels } from './actor-labels.js';
import { monthDate } from './report-month.js';

export async function listAdjustments(
  tx: Transaction,
  principal: Principal,
  month: string,
): Promise<ReportAdjustment[]> {
  const { reportAdjustments: a, tenants } = schema;
  const rows = await tx
    .select({ row: a, tenant: { id: tenants.id, externalId: tenants.externalId, name: tenants.name } })
    .from(a)
    .innerJoin(tenants, eq(tenants.id, a.tenantId))
    .where(
      and(eq(a.month, monthDate(month)), ...withinReach(principal, { spId: a.spId, tenantId: a.tenantId })),
    )
    // created_at is the transaction's start; the id breaks no ties in time order, but keeps the order stable.
    .orderBy(asc(a.createdAt), asc(a.id));
  const labels = await actorLabels(
    tx,
    principal,
    rows.map((r) => r.row.actor),
  );
  return rows.map(({ row, tenant }) => ({
    id: row.id,
    month,
    tenant,
    counter: row.counter as CounterEnum,
    field: row.field as ReportFigureEnum,
    value: row.value,
    reason: row.reason,
    actor: row.actor,
    actorLabel: labels.get(row.actor) ?? row.actor,
    createdAt: row.createdAt,
  }));
}
