/** The SP's own backup servers (tenant_id null): SP roles only, by the reach condition and by RLS. */
import { schema, type Transaction } from '@vcc/db';
import { and, asc, isNull } from 'drizzle-orm';
import type { Principal } from '../auth/principal.js';
import { withinReach } from '../auth/scope-conditions.js';
import type { BackupServerRow } from '../estate/find-estate.js';

export function listSpBackupServers(tx: Transaction, principal: Principal): Promise<BackupServerRow[]> {
  const { backupServers } = schema;
  return tx
    .select()
    .from(backupServers)
    .where(
      and(
        isNull(backupServers.tenantId),
        ...withinReach(principal, { spId: backupServers.spId, tenantId: backupServers.tenantId }),
      ),
    )
    .orderBy(asc(backupServers.externalId));
}
