/**
 * Names people recognise for audit actors (`user:<id>` → its e-mail, `key:<id>` → `key "<name>"`),
 * read under the caller's scope: a tenant caller cannot see the SP's users or keys, and gets the
 * actor as stored instead.
 */
import { schema, type Transaction } from '@vcc/db';
import { and, inArray } from 'drizzle-orm';
import type { Principal } from '../auth/principal.js';
import { withinReach } from '../auth/scope-conditions.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function actorLabels(
  tx: Transaction,
  principal: Principal,
  actors: readonly string[],
): Promise<Map<string, string>> {
  const ids = (prefix: string) =>
    [...new Set(actors.filter((a) => a.startsWith(prefix)).map((a) => a.slice(prefix.length)))].filter((id) =>
      UUID.test(id),
    );
  const labels = new Map(actors.map((a) => [a, a]));
  const userIds = ids('user:');
  if (userIds.length > 0) {
    const { users } = schema;
    const rows = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(
        and(
          inArray(users.id, userIds),
          ...withinReach(principal, { spId: users.spId, tenantId: users.tenantId }),
        ),
      );
    for (const r of rows) labels.set(`user:${r.id}`, r.email);
  }
  const keyIds = ids('key:');
  if (keyIds.length > 0) {
    const { apiKeys } = schema;
    const rows = await tx
      .select({ id: apiKeys.id, name: apiKeys.name })
      .from(apiKeys)
      .where(
        and(
          inArray(apiKeys.id, keyIds),
          ...withinReach(principal, { spId: apiKeys.spId, tenantId: apiKeys.tenantId }),
        ),
      );
    for (const r of rows) labels.set(`key:${r.id}`, `key "${r.name}"`);
  }
  return labels;
}
