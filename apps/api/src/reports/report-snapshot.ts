/**
 * An approved month, frozen: the SP's part (its counters and the violations that belong to no tenant
 * it may show) in report_snapshots, and each tenant's part (its figures and violations) in its own
 * report_snapshot_tenants row, which row-level security lets that tenant read and no other. Both the
 * engine's and the adjusted figures are kept, in the GraphQL shape, with the names as they were.
 */
import { schema, type Transaction } from '@vcc/db';
import { and, eq } from 'drizzle-orm';
import { actorOf, isSpRole, type Principal } from '../auth/principal.js';
import { withinReach } from '../auth/scope-conditions.js';
import type { RulesetEnum } from '../schema/common/enums.js';
import type { LicenseReport, SpMonth, TenantMonth, Violation } from '../schema/reports/report.types.js';
import { monthDate } from './report-month.js';

/**
 * Violations about the SP's own license, which a tenant may not see (as report-service.ts leaves
 * them out of a tenant's report): they stay in the SP's part even when they name a tenant.
 */
const SP_LICENSE_CODES: ReadonlySet<string> = new Set(['SP_COUNTER_NOT_LICENSED', 'SP_LICENSE_UNDERSIZED']);

/** `seq` keeps the engine's order of tenants and violations across the split into rows. */
type StoredViolation = Violation & { seq: number };
interface SpPart {
  engine: SpMonth;
  adjusted: SpMonth;
}
interface TenantPart {
  seq: number;
  ruleset: RulesetEnum;
  approvedAt: string;
  approvedBy: string;
  engine: TenantMonth;
  adjusted: TenantMonth;
}

export interface Snapshot {
  approvedAt: Date;
  approvedBy: string;
  engine: LicenseReport;
  adjusted: LicenseReport;
}

function tenantMayRead(v: Violation, tenantExternalId: string): boolean {
  return v.tenant?.externalId === tenantExternalId && !SP_LICENSE_CODES.has(v.code);
}

/** Writes the snapshot of an SP-wide report; the caller holds the month's lock and checked it is new. */
export async function writeSnapshot(
  tx: Transaction,
  principal: Principal,
  engine: LicenseReport,
  adjusted: LicenseReport,
): Promise<Date> {
  if (!engine.serviceProvider || !adjusted.serviceProvider) throw new Error('an SP-wide report is needed');
  const violations: StoredViolation[] = engine.violations.map((v, seq) => ({ ...v, seq }));
  const owned = new Set(engine.tenants.map((t) => t.tenant.externalId));
  const approvedBy = actorOf(principal);
  const [sp] = await tx
    .insert(schema.reportSnapshots)
    .values({
      spId: principal.spId,
      month: monthDate(engine.month),
      ruleset: engine.ruleset,
      serviceProvider: {
        engine: engine.serviceProvider,
        adjusted: adjusted.serviceProvider,
      } satisfies SpPart,
      violations: violations.filter(
        (v) => !(v.tenant && owned.has(v.tenant.externalId) && tenantMayRead(v, v.tenant.externalId)),
      ),
      approvedBy,
    })
    .returning({ approvedAt: schema.reportSnapshots.approvedAt });
  const approvedAt = sp!.approvedAt;
  const rows = engine.tenants.map((t, seq) => ({
    spId: principal.spId,
    tenantId: t.tenant.id,
    month: monthDate(engine.month),
    report: {
      seq,
      ruleset: engine.ruleset,
      approvedAt: approvedAt.toISOString(),
      approvedBy,
      engine: t,
      adjusted: adjusted.tenants[seq]!,
    } satisfies TenantPart,
    violations: violations.filter((v) => tenantMayRead(v, t.tenant.externalId)),
  }));
  // In slices: one statement per thousand tenants keeps the parameter count well under the limit.
  for (let i = 0; i < rows.length; i += 1000)
    await tx.insert(schema.reportSnapshotTenants).values(rows.slice(i, i + 1000));
  return approvedAt;
}

/** Whether the SP approved the month (SP callers only: tenants cannot read report_snapshots). */
export async function isApproved(tx: Transaction, principal: Principal, month: string): Promise<boolean> {
  const { reportSnapshots: s } = schema;
  const [row] = await tx
    .select({ month: s.month })
    .from(s)
    .where(and(eq(s.spId, principal.spId), eq(s.month, monthDate(month))));
  return row !== undefined;
}

/** The approved month within the caller's reach, or null while it is open. */
export async function readSnapshot(
  tx: Transaction,
  principal: Principal,
  month: string,
): Promise<Snapshot | null> {
  const { reportSnapshots: s, reportSnapshotTenants: st } = schema;
  let sp: (typeof s.$inferSelect & { serviceProvider: SpPart }) | null = null;
  if (isSpRole(principal.role)) {
    const [row] = await tx
      .select()
      .from(s)
      .where(and(eq(s.spId, principal.spId), eq(s.month, monthDate(month))));
    if (!row) return null;
    sp = row as typeof row & { serviceProvider: SpPart };
  }
  const tenantRows = await tx
    .select({ report: st.report, violations: st.violations })
    .from(st)
    .where(
      and(
        eq(st.month, monthDate(month)),
        ...withinReach(principal, { spId: st.spId, tenantId: st.tenantId }),
      ),
    );
  const parts = tenantRows
    .map((r) => ({ part: r.report as TenantPart, violations: r.violations as StoredViolation[] }))
    .sort((a, b) => a.part.seq - b.part.seq);
  const first = parts[0]?.part;
  if (!sp && !first) return null;
  const violations = [
    ...((sp?.violations as StoredViolation[] | undefined) ?? []),
    ...parts.flatMap((p) => p.violations),
  ]
    .sort((a, b) => a.seq - b.seq)
    .map(({ seq: _seq, ...v }) => v);
  const report = (which: 'engine' | 'adjusted'): LicenseReport => ({
    month,
    ruleset: (sp?.ruleset ?? first!.ruleset) as RulesetEnum,
    serviceProvider: sp ? sp.serviceProvider[which] : null,
    tenants: parts.map((p) => p.part[which]),
    violations,
  });
  return {
    approvedAt: sp ? sp.approvedAt : new Date(first!.approvedAt),
    approvedBy: sp ? sp.approvedBy : first!.approvedBy,
    engine: report('engine'),
    adjusted: report('adjusted'),
  };
}
