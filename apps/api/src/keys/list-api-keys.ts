/** `apiKeys`: SP admin every key of the SP, tenant admin its tenant's; by name, a page at a time. */
import { schema, type Transaction } from '@vcc/db';
import { and, eq, gt, or } from 'drizzle-orm';
import type { Principal } from '../auth/principal.js';
import { requireUuid } from '../input-problems.js';
import { decodeCursor, pageSize, toConnection } from '../schema/common/connection.js';
import type { ApiKeyConnection } from '../schema/keys/api-key.types.js';
import { selectApiKeys } from './api-key-view.js';

export async function listApiKeys(
  tx: Transaction,
  principal: Principal,
  first: number | null,
  after: string | null,
): Promise<ApiKeyConnection> {
  const { apiKeys } = schema;
  const limit = pageSize(first);
  const where = [];
  if (after) {
    const [name, id] = decodeCursor(after).map(String) as [string, string];
    requireUuid(id, 'after');
    where.push(or(gt(apiKeys.name, name), and(eq(apiKeys.name, name), gt(apiKeys.id, id)))!);
  }
  const rows = await selectApiKeys(tx, principal, where, limit + 1);
  return toConnection(rows, limit, (k) => [k.name, k.id]);
}
