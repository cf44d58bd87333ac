/**
 * `updateBackupServer` (SP admin): a new build number after an upgrade, which can change what the
 * rules allow (R-RENTAL-EXEMPT, R-RENTAL-VERSION); audited; bumps the estate version.
 */
import { bumpEstateVersion, schema, type Transaction } from '@vcc/db';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Principal } from '../auth/principal.js';
import { type BackupServerRow, requireBackupServer } from '../estate/find-estate.js';
import { InputProblems } from '../input-problems.js';

export async function updateBackupServer(
  tx: Transaction,
  principal: Principal,
  externalId: string,
  version: string,
): Promise<BackupServerRow> {
  const problems = new InputProblems();
  problems.version(version, 'version');
  problems.check();
  const current = await requireBackupServer(tx, principal, externalId);
  const [row] = await tx
    .update(schema.backupServers)
    .set({ version })
    .where(eq(schema.backupServers.id, current.id))
    .returning();
  await recordAudit(tx, principal, {
    tenantId: current.tenantId,
    action: 'backup-server.update',
    subject: `backup-server:${externalId}`,
    details: { version: { from: current.version, to: version } },
  });
  await bumpEstateVersion(tx, principal.spId);
  return row!;
}
