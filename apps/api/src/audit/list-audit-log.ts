/**
 * `auditLog`: newest first, a page at a time (the cursor is the row id, which only grows). SP admin:
 * every row of the SP; tenant admin: its tenant's rows. `action` is an exact action, or a prefix
 * ending in a dot (`tenant.` for every tenant change).
 */
import { schema, type Transaction } from '@vcc/db';
import { and, desc, eq, like, lt } from 'drizzle-orm';
import type { Principal } from '../auth/principal.js';
import { withinReach } from '../auth/scope-conditions.js';
import { badInput } from '../errors.js';
import type { AuditEntryConnection } from '../schema/audit/audit.types.js';
import { decodeCursor, encodeCursor, pageSize } from '../schema/common/connection.js';

export async function listAuditLog(
  tx: Transaction,
  principal: Principal,
  first: number | null,
  after: string | null,
  action: string | null,
): Promise<AuditEntryConnection> {
  const { auditLog, tenants } = schema;
  const limit = pageSize(first);
  const conditions = withinReach(principal, { spId: auditLog.spId, tenantId: auditLog.tenantId });
  if (action)
    conditions.push(
      action.endsWith('.')
        ? like(auditLog.action, `${action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
        : eq(auditLog.action, action),
    );
  if (after) {
    const id = Number(decodeCursor(after)[0]);
    if (!Number.isSafeInteger(id))
      throw badInput([{ path: 'after', message: 'not a cursor this API gave out' }]);
    conditions.push(lt(auditLog.id, id));
  }
  const rows = await tx
    .select({
      entry: auditLog,
      tenant: { id: tenants.id, externalId: tenants.externalId, name: tenants.name },
    })
    .from(auditLog)
    .leftJoin(tenants, eq(tenants.id, auditLog.tenantId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map(({ entry, tenant }) => ({
    id: String(entry.id),
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    details: entry.details,
    reason: entry.reason,
    tenant: tenant?.id ? tenant : null,
  }));
  return {
    edges: page.map((node) => ({ node, cursor: encodeCursor([Number(node.id)]) })),
    pageInfo: {
      hasNextPage: rows.length > limit,
      endCursor: page.length ? encodeCursor([Number(page[page.length - 1]!.id)]) : null,
    },
    totalCount: null,
  };
}
