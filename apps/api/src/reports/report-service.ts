/**
 * Monthly license reports, always from the licensing engine fed with database facts read under the
 * caller's scope: an SP caller's report covers the estate, a tenant caller's its own tenant only,
 * and figures are the engine's, so `licenseReport` and `vcc evaluate` cannot disagree. Reports are
 * cached by the versions they depend on (report-cache.ts): a tenant's by the configuration's and its
 * own usage version, the SP's by the estate version, with its tenant parts kept so that after
 * ingestion only the tenants written are evaluated again (sp-report-parts.ts).
 */
import {
  type EstateConfig,
  loadEstateConfig,
  queryRows,
  streamTenantMachines,
  type Transaction,
} from '@vcc/db';
import {
  activityMonthsFor,
  evaluateMonthIncrementally,
  type MachineFacts,
  type MonthEvaluation,
  type MonthReport,
  PreparedEstate,
  type Violation,
} from '@vcc/rules';
import { sql } from 'drizzle-orm';
import { isSpRole, type Principal, scopeOf } from '../auth/principal.js';
import { notFound } from '../errors.js';
import { type CachedReport, cachedReports, reportCacheKey } from './report-cache.js';
import { keepConfig, keepParts, storedConfig, storedParts } from './sp-report-parts.js';
import { evaluateUpperHalf } from './tenant-half.js';

/** Violations about the SP's own license: a tenant's report leaves them out (it cannot see that license). */
const SP_LICENSE_CODES: ReadonlySet<Violation['code']> = new Set([
  'SP_COUNTER_NOT_LICENSED',
  'SP_LICENSE_UNDERSIZED',
]);

export interface ScopedMonthReport extends Omit<MonthReport, 'serviceProvider'> {
  ruleset: string;
  serviceProvider: MonthReport['serviceProvider'] | null;
}

/** The versions a request read first: what its reports and the parts it keeps are valid for. */
export interface EstateVersions {
  estate: number;
  config: number;
  /** Read in a transaction that has written (and may roll back): nothing computed is kept. */
  writing: boolean;
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
  versions?: EstateVersions,
): Promise<CachedReport[]> {
  const machines = options.machines ?? 'none';
  if (versions && machines === 'none' && isSpRole(principal.role))
    return computeSpFigures(tx, principal.spId, months, versions);
  const only = typeof machines === 'object' ? machines.tenant : undefined;
  const tenantId = scopeOf(principal).tenantId;
  const config = await loadEstateConfig(tx, {
    tenant: only !== undefined ? { externalId: only } : tenantId ? { id: tenantId } : undefined,
  });
  if (!config) throw notFound('service provider');
  // One preparation of the configuration for every month.
  const estate = new PreparedEstate(config.facts);
  const evaluations = months.map((month) =>
    evaluateMonthIncrementally(estate, month, { machines: machines !== 'none' }),
  );
  await addStreamedTenants(tx, months, config, evaluations, machines !== 'none');
  return evaluations.map((evaluation) => ({ ruleset: config.facts.ruleset, report: evaluation.finish() }));
}

/**
 * Streams the machines of the months' activity window (of `some` tenants only, when given) into
 * every evaluation, tenant by tenant. Every tenant of a whole SP is read by two threads when it can
 * be (tenant-half.ts).
 */
async function addStreamedTenants(
  tx: Transaction,
  months: readonly string[],
  config: EstateConfig,
  evaluations: readonly MonthEvaluation[],
  detail: boolean,
  some?: readonly string[],
): Promise<void> {
  const window = activityMonthsFor(months);
  if (!window) return;
  const add = (index: number, machines: MachineFacts[]) => {
    for (const evaluation of evaluations) evaluation.addTenant(index, machines);
  };
  const upper =
    some === undefined && config.onlyTenant === null && evaluateUpperHalf(tx, config, months, detail);
  if (!upper) return streamTenantMachines(tx, window, config, add, some);
  const lower = streamTenantMachines(tx, window, config, add, { below: upper.middle });
  // Both end before this does, failed or not: nothing is left reading for a request that is over.
  const [read, evaluated] = await Promise.allSettled([lower, upper.parts]);
  if (read.status === 'rejected') throw read.reason;
  if (evaluated.status === 'rejected') throw evaluated.reason;
  for (const [index, parts] of evaluated.value)
    evaluations.forEach((evaluation, k) => {
      evaluation.addPart(index, parts[k]!);
    });
}

/**
 * The SP's figures for these months (no per-machine detail), reusing the tenant parts kept by an
 * earlier computation under the same configuration: only tenants stamped since are read and
 * evaluated again. With no usable parts, every tenant is.
 */
async function computeSpFigures(
  tx: Transaction,
  spId: string,
  months: readonly string[],
  versions: EstateVersions,
): Promise<CachedReport[]> {
  let kept = storedConfig(spId, versions.config);
  if (!kept) {
    const config = await loadEstateConfig(tx);
    if (!config) throw notFound('service provider');
    kept = { config, estate: new PreparedEstate(config.facts) };
    if (!versions.writing) keepConfig(spId, versions.config, kept);
  }
  const { config, estate } = kept;
  const tenantIds = [...config.tenantIndex.keys()];
  const stored = months.map((month) => storedParts(spId, month));
  const usable =
    months.length > 0 &&
    stored.every((s) => s && s.configVersion === versions.config && sameList(s.tenantIds, tenantIds));
  let changed: Set<string> | undefined;
  if (usable) {
    const asOf = Math.min(...stored.map((s) => s!.asOf));
    const rows = await queryRows<{ tenant_id: string }>(
      tx,
      sql`select tenant_id from tenant_usage_versions where sp_id = app_sp_id() and version > ${asOf}`,
    );
    changed = new Set(rows.map((r) => r.tenant_id));
  }
  const evaluations = months.map((month) => evaluateMonthIncrementally(estate, month, { machines: false }));
  if (changed) {
    evaluations.forEach((evaluation, k) => {
      stored[k]!.parts.forEach((part, i) => {
        if (!changed.has(tenantIds[i]!)) evaluation.addPart(i, part);
      });
    });
  }
  await addStreamedTenants(tx, months, config, evaluations, false, changed && [...changed]);
  return evaluations.map((evaluation, k) => {
    const report = evaluation.finish();
    if (!versions.writing) {
      keepParts(spId, months[k]!, {
        configVersion: versions.config,
        asOf: versions.estate,
        tenantIds,
        parts: evaluation.tenantParts(),
      });
    }
    return { ruleset: config.facts.ruleset, report };
  });
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
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
  const tenantId = scopeOf(principal).tenantId ?? null;
  const [sp] = await queryRows<{ estate: number; config: number; usage: number | null; writing: boolean }>(
    tx,
    sql`select estate_version::int as estate, config_version::int as config,
               (select version::int from tenant_usage_versions where tenant_id = ${tenantId}::uuid) as usage,
               pg_current_xact_id_if_assigned() is not null as writing
          from service_providers where id = app_sp_id()`,
  );
  if (!sp) throw notFound('service provider');
  // A tenant's report depends on the configuration and its own machines only: it outlives the
  // ingestion of every other tenant.
  const version = tenantId ? `${sp.config}.${sp.usage ?? 0}` : String(sp.estate);
  const keys = months.map((month) =>
    reportCacheKey({
      spId: principal.spId,
      tenantId,
      month,
      detail: typeof machines === 'object' ? `tenant:${machines.tenant}` : machines,
      version,
    }),
  );
  const reports = await cachedReports(keys, sp.writing, (missing) =>
    computeReports(
      tx,
      principal,
      missing.map((i) => months[i]!),
      options,
      sp,
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
