/**
 * `licenseTrend`: the SP's counters month by month, in one request instead of one licenseReport per
 * month. Each month is the cached month report (figures only), so a warm trend costs a cache look-up
 * per month, and the months not cached are computed in one pass over the estate.
 */
import type { Transaction } from '@vcc/db';
import { addMonths, monthRange } from '@vcc/rules';
import type { Principal } from '../auth/principal.js';
import { badInput } from '../errors.js';
import type { LicenseTrendMonth } from '../schema/reports/license-trend.types.js';
import { toSpMonth } from '../schema/reports/report.mapping.js';
import { monthReports } from './report-service.js';

export const MAX_TREND_MONTHS = 36;
/** The first month the API reports (restore points are stored from 2000 on). */
const FIRST_MONTH = '2000-01';

export async function licenseTrend(
  tx: Transaction,
  principal: Principal,
  to: string,
  months: number,
): Promise<LicenseTrendMonth[]> {
  if (!Number.isInteger(months) || months < 1 || months > MAX_TREND_MONTHS)
    throw badInput([{ path: 'months', message: `must be between 1 and ${MAX_TREND_MONTHS}` }]);
  const from = addMonths(to, -(months - 1));
  // The months not cached are computed together: the estate's rows are read once for all of them.
  const reports = await monthReports(tx, principal, monthRange(from < FIRST_MONTH ? FIRST_MONTH : from, to));
  return reports.flatMap((report) =>
    report.serviceProvider ? [{ month: report.month, ...toSpMonth(report.serviceProvider) }] : [],
  );
}
