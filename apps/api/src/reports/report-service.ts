/**
 * Monthly license reports, always from the licensing engine fed with database facts read under the
 * caller's scope: an SP caller's report covers the estate, a tenant caller's its own tenant only,
 * and figures are the engine's, so `licenseReport` and `vcc evaluate` cannot disagree.
 */
import { loadEstateFacts, type Transaction } from '@vcc/db';
import { evaluate, type MonthReport, type Violation } from '@vcc/rules';
import { isSpRole, type Principal } from '../auth/principal.js';
import { notFound } from '../errors.js';

/** Violations about the SP's own license: a tenant's report leaves them out (it cannot see that license). */
const SP_LICENSE_CODES: ReadonlySet<Violation['code']> = new Set([
  'SP_COUNTER_NOT_LICENSED',
  'SP_LICENSE_UNDERSIZED',
]);

export interface ScopedMonthReport extends Omit<MonthReport, 'serviceProvider'> {
  ruleset: string;
  serviceProvider: MonthReport['serviceProvider'] | null;
}

export async function monthReport(
  tx: Transaction,
  principal: Principal,
  month: string,
): Promise<ScopedMonthReport> {
  const facts = await loadEstateFacts(tx, [month]);
  if (!facts) throw notFound('service provider');
  const [report] = evaluate(facts, [month]).months;
  if (!report) throw new Error(`the engine returned no report for ${month}`);
  if (isSpRole(principal.role)) return { ...report, ruleset: facts.ruleset };
  const own = new Set(facts.tenants.map((t) => t.id));
  return {
    ...report,
    ruleset: facts.ruleset,
    serviceProvider: null,
    tenants: report.tenants.filter((t) => own.has(t.id)),
    violations: report.violations.filter(
      (v) => v.tenant !== null && own.has(v.tenant) && !SP_LICENSE_CODES.has(v.code),
    ),
  };
}
