/** Reads API keys as people see them (with their tenant, never the hash), within the caller's reach. */
import { schema, type Transaction } from '@vcc/db';
import { and, eq, type SQL } from 'drizzle-orm';
import type { Principal } from '../auth/principal.js';
import { withinReach } from '../auth/scope-conditions.js';
import type { RoleEnum } from '../schema/common/enums.js';
import type { ApiKey } from '../schema/keys/api-key.types.js';

const { apiKeys, tenants } = schema;

export async function selectApiKeys(
  tx: Transaction,
  principal: Principal,
  where: SQL[],
  limit?: number,
): Promise<ApiKey[]> {
  const query = tx
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      display: apiKeys.display,
      role: apiKeys.role,
      createdAt: apiKeys.createdAt,
      expiresAt: apiKeys.expiresAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      tenantId: tenants.id,
      tenantExternalId: tenants.externalId,
      tenantName: tenants.name,
    })
    .from(apiKeys)
    .leftJoin(tenants, eq(tenants.id, apiKeys.tenantId))
    .where(and(...withinReach(principal, { spId: apiKeys.spId, tenantId: apiKeys.tenantId }), ...where))
    .orderBy(apiKeys.name, apiKeys.id);
  const rows = limit === undefined ? await query : await query.limit(limit);
  return rows.map(({ tenantId, tenantExternalId, tenantName, ...key }) => ({
    ...key,
    role: key.role as RoleEnum,
    tenant: tenantId ? { id: tenantId, externalId: tenantExternalId!, name: tenantName! } : null,
  }));
}

export async function apiKeyById(tx: Transaction, principal: Principal, id: string): Promise<ApiKey | null> {
  const [key] = await selectApiKeys(tx, principal, [eq(apiKeys.id, id)]);
  return key ?? null;
}
