/** `createBackupServer` (SP admin): an SP server or a tenant's; audited; bumps the estate version. */
import { bumpEstateVersion, schema, type Transaction } from '@vcc/db';
import { recordAudit } from '../audit/record-audit.js';
import type { Principal } from '../auth/principal.js';
import { orConflict } from '../db-errors.js';
import { type BackupServerRow, requireTenant } from '../estate/find-estate.js';
import { InputProblems } from '../input-problems.js';
import type { CreateBackupServerInput } from '../schema/servers/backup-server.inputs.js';

export async function createBackupServer(
  tx: Transaction,
  principal: Principal,
  input: CreateBackupServerInput,
): Promise<BackupServerRow> {
  const problems = new InputProblems();
  problems.text(input.externalId, 'input.externalId');
  problems.version(input.version, 'input.version');
  problems.check();
  const tenant = input.tenantExternalId ? await requireTenant(tx, principal, input.tenantExternalId) : null;

  const [row] = await orConflict(
    tx
      .insert(schema.backupServers)
      .values({
        spId: principal.spId,
        tenantId: tenant?.id ?? null,
        externalId: input.externalId,
        version: input.version,
      })
      .returning(),
    `a backup server with external id ${JSON.stringify(input.externalId)} already exists`,
  );
  await recordAudit(tx, principal, {
    tenantId: row!.tenantId,
    action: 'backup-server.create',
    subject: `backup-server:${input.externalId}`,
    details: { version: input.version, tenant: tenant?.externalId ?? null },
  });
  await bumpEstateVersion(tx, principal.spId);
  return row!;
}
