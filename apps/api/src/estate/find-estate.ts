/** Looks up estate objects by the SP's external ids, within the caller's reach. */
import { schema, type Transaction } from '@vcc/db';
import { and, eq } from 'drizzle-orm';
import type { Principal } from '../auth/principal.js';
import { withinReach } from '../auth/scope-conditions.js';
import { notFound } from '../errors.js';

const { tenants, backupServers, licenses } = schema;

export type TenantRow = typeof tenants.$inferSelect;
export type BackupServerRow = typeof backupServers.$inferSelect;
export type LicenseRow = typeof licenses.$inferSelect;

export async function findTenant(
  tx: Transaction,
  principal: Principal,
  externalId: string,
): Promise<TenantRow | null> {
  const [row] = await tx
    .select()
    .from(tenants)
    .where(
      and(
        eq(tenants.externalId, externalId),
        ...withinReach(principal, { spId: tenants.spId, tenantId: tenants.id }),
      ),
    );
  return row ?? null;
}

/** The tenant, or NOT_FOUND (also when it exists beyond the caller's reach: no hint that it does). */
export async function requireTenant(tx: Transaction, principal: Principal, externalId: string) {
  const row = await findTenant(tx, principal, externalId);
  if (!row) throw notFound(`tenant ${JSON.stringify(externalId)}`);
  return row;
}

export async function requireBackupServer(
  tx: Transaction,
  principal: Principal,
  externalId: string,
): Promise<BackupServerRow> {
  const [row] = await tx
    .select()
    .from(backupServers)
    .where(
      and(
        eq(backupServers.externalId, externalId),
        ...withinReach(principal, { spId: backupServers.spId, tenantId: backupServers.tenantId }),
      ),
    );
  if (!row) throw notFound(`backup server ${JSON.stringify(externalId)}`);
  return row;
}

export async function requireLicense(
  tx: Transaction,
  principal: Principal,
  externalId: string,
): Promise<LicenseRow> {
  const [row] = await tx
    .select()
    .from(licenses)
    .where(
      and(
        eq(licenses.externalId, externalId),
        ...withinReach(principal, { spId: licenses.spId, tenantId: licenses.tenantId }),
      ),
    );
  if (!row) throw notFound(`license ${JSON.stringify(externalId)}`);
  return row;
}
