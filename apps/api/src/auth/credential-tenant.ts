/**
 * Who may hand out which credential (API key or portal login), one rule for both: an SP admin any
 * role, bound to a tenant exactly when the role is a tenant role; a tenant admin only tenant roles,
 * only for its own tenant (named or implied). Returns the tenant id the credential is bound to.
 */
import type { Transaction } from '@vcc/db';
import type { Role } from '@vcc/db/schema';
import { badInput, forbidden, notFound } from '../errors.js';
import { findTenant } from '../estate/find-estate.js';
import { isSpRole, type Principal } from './principal.js';

export async function credentialTenant(
  tx: Transaction,
  principal: Principal,
  role: Role,
  tenantExternalId: string | null | undefined,
  path = 'input.tenantExternalId',
): Promise<string | null> {
  if (!isSpRole(principal.role)) {
    if (isSpRole(role)) throw forbidden('a tenant admin may grant tenant roles only');
    if (!tenantExternalId) return principal.tenantId;
    const own = await findTenant(tx, principal, tenantExternalId);
    if (!own || own.id !== principal.tenantId)
      throw forbidden('a tenant admin may grant access to its own tenant only');
    return own.id;
  }
  if (isSpRole(role)) {
    if (tenantExternalId) throw badInput([{ path, message: `an SP role (${role}) takes no tenant` }]);
    return null;
  }
  if (!tenantExternalId) throw badInput([{ path, message: `a tenant role (${role}) needs a tenant` }]);
  const tenant = await findTenant(tx, principal, tenantExternalId);
  if (!tenant) throw notFound(`tenant ${JSON.stringify(tenantExternalId)}`);
  return tenant.id;
}
