/**
 * `adjustTenantFigure` (SP admin): sets one figure of one tenant counter in a month under review,
 * with the reason VSPC also asks for. Refused once the month is approved (it is frozen) and for a
 * month that has not started. Kept as a row of report_adjustments (the history stays: the latest per
 * figure counts) and an audit row carrying the reason, in the request's transaction.
 */
import { schema, type Transaction } from '@vcc/db';
import { and, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { conflict } from '../errors.js';
import { requireTenant } from '../estate/find-estate.js';
import { InputProblems } from '../input-problems.js';
import type { AdjustTenantFigureInput } from '../schema/reports/monthly-report.inputs.js';
import type { ReportAdjustment } from '../schema/reports/monthly-report.types.js';
import { actorLabels } from './actor-labels.js';
import { currentUtcMonth, lockMonth, monthDate } from './report-month.js';
import { isApproved } from './report-snapshot.js';

export const REASON_MAX_LENGTH = 500;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export async function adjustTenantFigure(
  tx: Transaction,
  principal: Principal,
  input: AdjustTenantFigureInput,
): Promise<ReportAdjustment> {
  const problems = new InputProblems();
  if (!MONTH.test(input.month))
    problems.add('input.month', `expected a month YYYY-MM, got ${JSON.stringify(input.month.slice(0, 40))}`);
  else if (input.month > currentUtcMonth()) problems.add('input.month', `${input.month} has not started yet`);
  problems.count(input.value, 'input.value');
  problems.text(input.reason, 'input.reason', REASON_MAX_LENGTH);
  problems.check();
  const tenant = await requireTenant(tx, principal, input.tenantExternalId);

  await lockMonth(tx, principal.spId, input.month);
  if (await isApproved(tx, principal, input.month))
    throw conflict(`${input.month} is approved: its report is frozen and can no longer be adjusted`);

  const { reportAdjustments: a } = schema;
  const [previous] = await tx
    .select({ value: a.value })
    .from(a)
    .where(
      and(
        eq(a.tenantId, tenant.id),
        eq(a.month, monthDate(input.month)),
        eq(a.counter, input.counter),
        eq(a.field, input.field),
      ),
    )
    .orderBy(desc(a.createdAt))
    .limit(1);
  const reason = input.reason.trim();
  const [row] = await tx
    .insert(a)
    .values({
      spId: principal.spId,
      tenantId: tenant.id,
      month: monthDate(input.month),
      counter: input.counter,
      field: input.field,
      value: input.value,
      reason,
      actor: actorOf(principal),
      // The wall clock, not the transaction's start: "the latest wins" must hold within one request too.
      createdAt: sql`clock_timestamp()`,
    })
    .returning();
  await recordAudit(tx, principal, {
    tenantId: tenant.id,
    action: 'report.adjust',
    subject: `report:${input.month}`,
    details: {
      tenant: tenant.externalId,
      counter: input.counter,
      field: input.field,
      value: input.value,
      previousAdjustment: previous?.value ?? null,
    },
    reason,
  });
  const labels = await actorLabels(tx, principal, [row!.actor]);
  return {
    id: row!.id,
    month: input.month,
    tenant: { id: tenant.id, externalId: tenant.externalId, name: tenant.name },
    counter: input.counter,
    field: input.field,
    value: row!.value,
    reason: row!.reason,
    actor: row!.actor,
    actorLabel: labels.get(row!.actor) ?? row!.actor,
    createdAt: row!.createdAt,
  };
}
