/**
 * R-RENTAL-EXEMPT, R-RENTAL-VERSION, R-RENTAL-NO-REPLICA.
 * Project definition: the exemption is decided per server that created the restore points and per
 * restore-point day: cloud backups by a server carrying a valid `rental`/`hosting` license that day,
 * with the SP server, that server and the machine's agent at or above the gates, are exempt; the rest of
 * the machine's activity on the counter is charged. Replicas are never exempt.
 */
import type { MachineFacts } from '../facts.js';
import type { EstateCtx, ServerCtx } from './estate.js';
import { validDayMask } from './licenses.js';
import { atLeast } from './versions.js';

/** Days of month `mi` on which the server carries a valid rental or hosting license. */
export function rentalMask(s: ServerCtx, mi: number): number {
  if (s.rentalLicenses.length === 0) return 0;
  let m = s.rentalMasks.get(mi);
  if (m === undefined) {
    m = 0;
    for (const l of s.rentalLicenses) m |= validDayMask(l, mi);
    s.rentalMasks.set(mi, m);
  }
  return m;
}

/** What keeps a rental tenant's machine on the SP license (R-RENTAL-VERSION). */
export const BLOCK_NONE = 0;
export const BLOCK_SP_SERVER = 1;
export const BLOCK_TENANT_SERVER = 2;
export const BLOCK_AGENT = 3;

export function agentOk(estate: EstateCtx, m: MachineFacts): boolean {
  if (!m.agent) return true;
  const g = estate.ruleset.rentalGates;
  return atLeast(m.agent.version, m.agent.os === 'windows' ? g.agentWindows : g.agentLinux);
}

/** The first version gate that fails for cloud backups of machine `agentIsOk` by server `s`. */
export function exemptionBlock(estate: EstateCtx, s: ServerCtx, agentIsOk: boolean): number {
  if (estate.spTooOld) return BLOCK_SP_SERVER;
  if (!s.vbrOk) return BLOCK_TENANT_SERVER;
  if (!agentIsOk) return BLOCK_AGENT;
  return BLOCK_NONE;
}
