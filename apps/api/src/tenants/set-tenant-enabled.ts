/** `setTenantEnabled` (SP admin): turns a tenant on or off. */
import type { Transaction } from '@vcc/db';
import type { Principal } from '../auth/principal.js';
import type { TenantRow } from '../estate/find-estate.js';
import { changeTenant } from './change-tenant.js';

export function setTenantEnabled(
  tx: Transaction,
  principal: Principal,
  externalId: string,
  enabled: boolean,
): Promise<TenantRow> {
  return changeTenant(
    tx,
    principal,
    externalId,
    enabled ? 'tenant.enable' : 'tenant.disable',
    { enabled },
    {
      enabled,
    },
  );
}
