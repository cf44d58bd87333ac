/**
 * The one write path of every tenant change (update, enable, plan): within reach, the row updated,
 * audited with what changed, and the estate version bumped, all in the request's transaction.
 */
import { bumpEstateVersion, schema, type Transaction } from '@vcc/db';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Principal } from '../auth/principal.js';
import { requireTenant, type TenantRow } from '../estate/find-estate.js';

export async function changeTenant(
  tx: Transaction,
  principal: Principal,
  externalId: string,
  action: string,
  changes: Partial<typeof schema.tenants.$inferInsert>,
  details: unknown,
): Promise<TenantRow> {
  const { tenants } = schema;
  const current = await requireTenant(tx, principal, externalId);
  const [row] = await tx
    .update(tenants)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(tenants.id, current.id))
    .returning();
  await recordAudit(tx, principal, {
    tenantId: current.id,
    action,
    subject: `tenant:${externalId}`,
    details,
  });
  await bumpEstateVersion(tx, principal.spId);
  return row!;
}
