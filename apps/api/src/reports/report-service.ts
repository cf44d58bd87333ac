/**
 * Monthly license reports, always from the licensing engine fed with database facts read under the
 * caller's scope: an SP caller's report covers the estate, a tenant caller's its own tenant only,
 * and figures are the engine's, so `licenseReport` and `vcc evaluate` cannot disagree. Reports are
 * cached by estate version (report-cache.ts).
 */
import { loadEstateConfig, queryRows, streamTenantMachines, type Transaction } from '@vcc/db';
import { activityMonthsFor, evaluateMonthIncrementally, type MonthReport, type Violation } from '@vcc/rules';
import { sql } from 'drizzle-orm';
import { isSpRole, type Principal, scopeOf } from '../auth/principal.js';
import { notFound } from '../errors.js';
import { type CachedReport, cachedReports, reportCacheKey } from './report-cache.js';

/** Violations about the SP's own license: a tenant's report leaves them out (it cannot see that license). */
const SP_LICENSE_CODES: ReadonlySet<Violation['code']> = new Set([
  'SP_COUNTER_NOT_LICENSED',
  'SP_LICENSE_UNDERSIZED',
]);

export interface ScopedMonthReport extends Omit<MonthReport, 'serviceProvider'> {
  ruleset: string;
  serviceProvider: MonthReport['serviceProvider'] | null;
}

export interface ReportOptions {
  /**
   * Per-machine charges: none (the default; figures only), for one tenant (its external id), or
   * for every tenant in reach (`'all'`, costly for a large SP).
   */
  machines?: 'none' | 'all' | { tenant: string };
}

/**
 * The engine's reports for the caller's reach and these months, computed from the database (no
 * cache) in one pass: the configuration first, then the machines of every month's window streamed
 * tenant by tenant, each tenant evaluated for every month as soon as its machines are in, so memory
 * holds one tenant's facts at a time and the rows are read once whatever the number of months.
 */
export async function computeReports(
  tx: Transaction,
  principal: Principal,
  months: readonly string[],
  options: ReportOptions = {},
): Promise<CachedReport[]> {
  const machines = options.machines ?? 'none';
  const only = typeof machines === 'object' ? machines.tenant : undefined;
  const tenantId = scopeOf(principal).tenantId;
  const config = await loadEstateConfig(tx, {
    tenant: only !== undefined ? { externalId: only } : tenantId ? { id: tenantId } : undefined,
  });
  if (!config) throw notFound('service provider');
  const evaluations = months.map((month) =>
    evaluateMonthIncrementally(config.facts, month, { machines: machines !== 'none' }),
  );
  const window = activityMonthsFor(months);
  if (window) {
    await streamTenantMachines(tx, window, config, (i, m) => {
      for (const evaluation of evaluations) evaluation.addTenant(i, m);
    });
  }
  return evaluations.map((evaluation) => ({ ruleset: config.facts.ruleset, report: evaluation.finish() }));
}

/** One month's report computed from the database (no cache). */
export async function computeReport(
  tx: Transaction,
  principal: Principal,
  month: string,
  options: ReportOptions = {},
): Promise<CachedReport> {
  const [report] = await computeReports(tx, principal, [month], options);
  return report!;
}

/** The caller's report for one month, from the cache when the estate has not changed since. */
export async function monthReport(
  tx: Transaction,
  principal: Principal,
  month: string,
  options: ReportOptions = {},
): Promise<ScopedMonthReport> {
  const [report] = await monthReports(tx, principal, [month], options);
  return report!;
}

/** The caller's reports for several months: those not cached are computed together, in one pass. */
export async function monthReports(
  tx: Transaction,
  principal: Principal,
  months: readonly string[],
  options: ReportOptions = {},
): Promise<ScopedMonthReport[]> {
  const machines = options.machines ?? 'none';
  // A transaction that has written (a mutation before this read in the same request) may yet roll
  // back, taking its version bump with it: its reports are computed but never cached.
  const [sp] = await queryRows<{ version: number; writing: boolean }>(
    tx,
    sql`select estate_version::int as version, pg_current_xact_id_if_assigned() is not null as writing
          from service_providers where id = app_sp_id()`,
  );
  if (!sp) throw notFound('service provider');
  const keys = months.map((month) =>
    reportCacheKey({
      spId: principal.spId,
      tenantId: scopeOf(principal).tenantId ?? null,
      month,
      detail: typeof machines === 'object' ? `tenant:${machines.tenant}` : machines,
      version: sp.version,
    }),
  );
  const reports = await cachedReports(keys, sp.writing, (missing) =>
    computeReports(
      tx,
      principal,
      missing.map((i) => months[i]!),
      options,
    ),
  );
  return reports.map((r) => scoped(principal, r, options));
}

/** What the caller may see of a report computed for its reach. */
function scoped(
  principal: Principal,
  { ruleset, report }: CachedReport,
  options: ReportOptions,
): ScopedMonthReport {
  const only = typeof options.machines === 'object' ? options.machines.tenant : undefined;
  if (isSpRole(principal.role) && only === undefined) return { ...report, ruleset };
  // A tenant's view, or one tenant's detail: that tenant's figures and violations, never SP totals
  // (for one tenant's facts they would be that tenant's share, not the SP's).
  // The facts held that one tenant only (read by its id or external id, under row-level security),
  // so every tenant in the report is it; its violations are those that name it.
  const own = new Set(report.tenants.map((t) => t.id));
  return {
    ...report,
    ruleset,
    serviceProvider: null,
    violations: report.violations.filter(
      (v) =>
        v.tenant !== null && own.has(v.tenant) && (isSpRole(principal.role) || !SP_LICENSE_CODES.has(v.code)),
    ),
  };
}
