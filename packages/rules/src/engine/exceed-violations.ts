/** R-EXCEED violations: LICENSE_IN_GRACE (warning) and LICENSE_EXCEEDED (error), once per license and month. */
import type { MonthState } from './exceed.js';
import type { Subject, ViolationLog } from './violations.js';

export function exceedViolations(
  st: MonthState,
  what: string,
  capacity: number | null,
  month: string,
  subject: Subject,
  log: ViolationLog,
): void {
  const cap = capacity === null ? '' : ` of ${capacity}`;
  if (st.exceeded) {
    log.add(
      'LICENSE_EXCEEDED',
      'error',
      subject,
      `${what} went up to ${st.worstOver} over its capacity${cap} in ${month} (peak ${st.peak}) beyond the allowance or the grace period; add capacity or stop protecting machines (R-EXCEED).`,
    );
  } else if (st.grace) {
    log.add(
      'LICENSE_IN_GRACE',
      'warning',
      subject,
      `${what} is over its capacity${cap} in ${month} (peak ${st.peak}) and in its grace period; add capacity before the grace ends (R-EXCEED).`,
    );
  }
}
