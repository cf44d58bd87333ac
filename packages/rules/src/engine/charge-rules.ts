/**
 * The rule ids a charge names: why this machine is on this license this month. The arrays are shared
 * (one per combination) so a report of a million machines does not hold a million copies.
 */
import type { ChargeStatus } from '../model.js';
import { SERVER, VM_REPLICA, WORKSTATION } from './counters.js';
import type { RuleId } from './rule-ids.js';

export const F_RENTAL_VERSION = 1;
export const F_NO_REPLICA = 2;
export const F_SEPARATE = 4;

const STATUS_INDEX: Record<ChargeStatus, number> = { used: 0, new: 1, rental: 2 };
const spCache = new Map<number, readonly RuleId[]>();

/** Rules of an SP Cloud Connect charge on counter position `counter`. */
export function spChargeRules(counter: number, status: ChargeStatus, flags: number): readonly RuleId[] {
  const key = counter * 64 + STATUS_INDEX[status] * 8 + flags;
  let r = spCache.get(key);
  if (!r) {
    const ids: RuleId[] = ['R-ACTIVE-31D', status === 'new' ? 'R-NEW' : 'R-MONTH-USAGE', 'R-CC-COUNTERS'];
    if (flags & F_SEPARATE) ids.push('R-SEPARATE-COUNTERS');
    if (counter === SERVER || counter === WORKSTATION) ids.push('R-AGENTS');
    if (status === 'rental') ids.push('R-RENTAL-EXEMPT');
    if (flags & F_RENTAL_VERSION) ids.push('R-RENTAL-VERSION');
    if (counter === VM_REPLICA && flags & F_NO_REPLICA) ids.push('R-RENTAL-NO-REPLICA');
    r = Object.freeze(ids);
    spCache.set(key, r);
  }
  return r;
}

const TENANT_USED: readonly RuleId[] = Object.freeze([
  'R-ACTIVE-31D',
  'R-MONTH-USAGE',
  'R-TENANT-USAGE',
] as RuleId[]);
const TENANT_NEW: readonly RuleId[] = Object.freeze(['R-ACTIVE-31D', 'R-NEW', 'R-TENANT-USAGE'] as RuleId[]);

/** Rules of a charge on the tenant's own license. */
export function tenantChargeRules(status: 'used' | 'new'): readonly RuleId[] {
  return status === 'new' ? TENANT_NEW : TENANT_USED;
}
