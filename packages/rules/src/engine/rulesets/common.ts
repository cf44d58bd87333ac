/** Rules both shipped rulesets share: the R-EXCEED table and the R-RENTAL-EXEMPT version gates. */
import type { LicenseType } from '../../model.js';
import type { ExceedPolicy, RentalGates } from './types.js';

const PERPETUAL: ExceedPolicy = { percent: 20, minimum: 20, graceDays: 30 };
const SUBSCRIPTION: ExceedPolicy = { percent: 10, minimum: 10, graceDays: Number.POSITIVE_INFINITY };
const RENTAL: ExceedPolicy = { percent: 20, minimum: 20, graceDays: 60 };
/** Project definition: the table has no row for unpaid licenses, so they get no allowance and no grace. */
const UNPAID: ExceedPolicy = { percent: 0, minimum: 0, graceDays: 0 };

/** The R-EXCEED table of licensing-rules.md. */
export function standardExceed(type: LicenseType): ExceedPolicy {
  switch (type) {
    case 'perpetual':
      return PERPETUAL;
    case 'subscription':
      return SUBSCRIPTION;
    case 'rental':
    case 'hosting':
    case 'cloud-connect-sp':
      return RENTAL;
    default:
      return UNPAID;
  }
}

/** 9.5 Update 3, Agent for Windows 2.1, Agent for Linux 2.0 (R-RENTAL-EXEMPT). */
export const RENTAL_GATES_95U3: RentalGates = { vbr: '9.5.0.1536', agentWindows: '2.1', agentLinux: '2.0' };
