/**
 * Each tenant's figures of one month as the SP's tenant list shows them, taken from the engine's
 * month report: units, share of the SP's units, worst license state and open violations.
 */
import { COUNTERS, STATES, type State } from '@vcc/rules';
import type { ScopedMonthReport } from './report-service.js';

type TenantReport = ScopedMonthReport['tenants'][number];

export interface TenantFigures {
  /** The tenant's external id (the engine names tenants by it). */
  externalId: string;
  /** SP units the tenant used: the sum over its counters. */
  units: number;
  /** Its part of the SP's units used, 0 to 1 (0 when the SP used none). */
  share: number;
  counters: TenantReport['counters'];
  licenses: TenantReport['licenses'];
  /** The worst state of its own licenses; null when it has none in use. */
  licenseState: State | null;
  hosting: TenantReport['hosting'];
  /** The month's violations that name it. */
  violations: number;
}

/**
 * Rank of a license state, worst highest (the rulebook's order, R-EXCEED: ok < grace < exceeded <
 * unlicensed); a tenant without licenses in use ranks below every state.
 */
export function stateRank(state: State | null): number {
  return state === null ? -1 : STATES.indexOf(state);
}

function worst(states: readonly State[]): State | null {
  return states.reduce<State | null>((w, s) => (stateRank(s) > stateRank(w) ? s : w), null);
}

// Keyed by the report's tenants array, which the report cache shares between requests for the same
// estate version: a list of 10,000 tenants is summed once per version, not once per page. A report
// computed inside a writing transaction is never cached, so its array (and entry here) dies with it.
const computed = new WeakMap<readonly TenantReport[], Map<string, TenantFigures>>();

/** Figures per tenant external id, for every tenant in the report. */
export function tenantFigures(report: ScopedMonthReport): Map<string, TenantFigures> {
  const hit = computed.get(report.tenants);
  if (hit) return hit;
  const violations = new Map<string, number>();
  for (const v of report.violations)
    if (v.tenant !== null) violations.set(v.tenant, (violations.get(v.tenant) ?? 0) + 1);
  const units = (t: TenantReport) => COUNTERS.reduce((sum, c) => sum + t.counters[c].units, 0);
  const spUnits = report.tenants.reduce((sum, t) => sum + units(t), 0);
  const figures = new Map<string, TenantFigures>();
  for (const t of report.tenants) {
    const used = units(t);
    figures.set(t.id, {
      externalId: t.id,
      units: used,
      share: spUnits > 0 ? used / spUnits : 0,
      counters: t.counters,
      licenses: t.licenses,
      licenseState: worst(t.licenses.map((l) => l.state)),
      hosting: t.hosting,
      violations: violations.get(t.id) ?? 0,
    });
  }
  computed.set(report.tenants, figures);
  return figures;
}
