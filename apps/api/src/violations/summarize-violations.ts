/**
 * `violationSummary`: a month's violations per severity, worst first, as a count and the first few
 * of each, so that a page stays small when an SP of 10,000 tenants has thousands of them.
 */
import type { Transaction } from '@vcc/db';
import { SEVERITIES } from '@vcc/rules';
import type { Principal } from '../auth/principal.js';
import { badInput } from '../errors.js';
import { monthReport } from '../reports/report-service.js';
import type { SeverityEnum } from '../schema/common/enums.js';
import { toViolation } from '../schema/reports/report.mapping.js';
import type { ViolationGroup } from '../schema/violations/violation-group.types.js';

export const MAX_VIOLATIONS_PER_GROUP = 100;

export async function summarizeViolations(
  tx: Transaction,
  principal: Principal,
  month: string,
  first: number,
): Promise<ViolationGroup[]> {
  if (!Number.isInteger(first) || first < 0 || first > MAX_VIOLATIONS_PER_GROUP)
    throw badInput([{ path: 'first', message: `must be between 0 and ${MAX_VIOLATIONS_PER_GROUP}` }]);
  const { violations } = await monthReport(tx, principal, month);
  // SEVERITIES runs mildest first (info, warning, error).
  return [...SEVERITIES].reverse().map((severity) => {
    const group = violations.filter((v) => v.severity === severity);
    return {
      severity: severity as SeverityEnum,
      count: group.length,
      violations: group.slice(0, first).map(toViolation),
    };
  });
}
