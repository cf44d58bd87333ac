/**
 * R-EXPIRY: a license past its end date covers nothing (LICENSE_EXPIRED, error); within 30 days of it,
 * LICENSE_EXPIRING (warning). Project definitions: a license followed without a gap by another of the
 * same pool (same tenant server, or the SP's Cloud Connect licenses) is renewed, not expired; an expiry is
 * reported in the month it happens, and in later months while the pool is still used and uncovered.
 */

import { dayToDate } from '../time.js';
import type { LicenseCtx } from './licenses.js';
import { validOn } from './licenses.js';
import type { Subject, ViolationLog } from './violations.js';
import type { MonthWindow } from './window.js';

export const EXPIRING_DAYS = 30;

export function expiryViolations(
  pool: readonly LicenseCtx[],
  w: MonthWindow,
  inUse: boolean,
  subject: (l: LicenseCtx) => Subject,
  describe: (l: LicenseCtx) => string,
  log: ViolationLog,
): void {
  const lastDay = w.baseDay + w.mEnd;
  const firstDay = w.baseDay + w.mStart;
  const covered = pool.some((l) => validOn(l, lastDay));
  let latest: LicenseCtx | null = null;
  for (const l of pool) if (l.from <= lastDay && (!latest || l.to > latest.to)) latest = l;
  for (const l of pool) {
    if (!Number.isFinite(l.to) || l.from > lastDay) continue;
    const renewed = pool.some((o) => o !== l && validOn(o, l.to + 1));
    if (renewed) continue;
    const end = dayToDate(l.to);
    if (l.to < lastDay) {
      const expiredInM = l.to >= firstDay - 1;
      if (expiredInM || (inUse && !covered && l === latest)) {
        log.add(
          'LICENSE_EXPIRED',
          'error',
          subject(l),
          `${describe(l)} expired on ${end} and covers nothing since; renew it or install a new license (R-EXPIRY).`,
        );
      }
    } else if (l.to - lastDay <= EXPIRING_DAYS) {
      log.add(
        'LICENSE_EXPIRING',
        'warning',
        subject(l),
        `${describe(l)} expires on ${end}, within ${EXPIRING_DAYS} days of the end of ${w.month}; renew it before then (R-EXPIRY).`,
      );
    }
  }
}
