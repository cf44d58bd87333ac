/**
 * `revokeApiKey`: effective at once (authentication refuses a key with revoked_at set on its next
 * request). Revoking a revoked key changes nothing. A key beyond the caller's reach is NOT_FOUND.
 */
import { schema, type Transaction } from '@vcc/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Principal } from '../auth/principal.js';
import { withinReach } from '../auth/scope-conditions.js';
import { notFound } from '../errors.js';
import { requireUuid } from '../input-problems.js';
import type { ApiKey } from '../schema/keys/api-key.types.js';
import { apiKeyById } from './api-key-view.js';

export async function revokeApiKey(tx: Transaction, principal: Principal, id: string): Promise<ApiKey> {
  const { apiKeys } = schema;
  requireUuid(id, 'id');
  const revoked = await tx
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(apiKeys.id, id),
        isNull(apiKeys.revokedAt),
        ...withinReach(principal, { spId: apiKeys.spId, tenantId: apiKeys.tenantId }),
      ),
    )
    .returning({ tenantId: apiKeys.tenantId, display: apiKeys.display, name: apiKeys.name });
  const key = await apiKeyById(tx, principal, id);
  if (!key) throw notFound('API key');
  if (revoked[0])
    await recordAudit(tx, principal, {
      tenantId: revoked[0].tenantId,
      action: 'api-key.revoke',
      subject: `api-key:${id}`,
      details: { name: revoked[0].name, display: revoked[0].display },
    });
  return key;
}
