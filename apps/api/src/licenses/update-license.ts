/**
 * `updateLicense` (SP admin): fields left out keep their value; the result is checked whole (a new
 * type must suit the capacity kept, a new validFrom the validTo kept). Audited; bumps the estate version.
 */
import { bumpEstateVersion, schema, type Transaction } from '@vcc/db';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Principal } from '../auth/principal.js';
import { type LicenseRow, requireBackupServer, requireLicense } from '../estate/find-estate.js';
import { spRuleset } from '../estate/sp-ruleset.js';
import { InputProblems } from '../input-problems.js';
import type { LicenseCapacityInput, UpdateLicenseInput } from '../schema/licenses/license.inputs.js';
import { capacityColumns, checkLicense } from './check-license.js';

export async function updateLicense(
  tx: Transaction,
  principal: Principal,
  externalId: string,
  input: UpdateLicenseInput,
): Promise<LicenseRow> {
  const current = await requireLicense(tx, principal, externalId);
  const merged = {
    type: input.type ?? current.type,
    validFrom: input.validFrom ?? current.validFrom,
    // `validTo: null` removes the end; left out, it stays.
    validTo: input.validTo === undefined ? current.validTo : input.validTo,
    capacity: input.capacity ?? capacityOf(current),
  };
  const problems = new InputProblems();
  checkLicense(problems, merged, await spRuleset(tx, principal.spId), {
    validFrom: 'input.validFrom',
    // Dates out of order are reported at the one the caller changed.
    validTo: input.validTo === undefined ? 'input.validFrom' : 'input.validTo',
    capacity: 'input.capacity',
  });
  problems.check();
  const server = input.serverExternalId
    ? await requireBackupServer(tx, principal, input.serverExternalId)
    : null;

  const [row] = await tx
    .update(schema.licenses)
    .set({
      type: merged.type,
      validFrom: merged.validFrom,
      validTo: merged.validTo,
      ...capacityColumns(merged.capacity),
      ...(server && { serverId: server.id, tenantId: server.tenantId }),
    })
    .where(eq(schema.licenses.id, current.id))
    .returning();
  await recordAudit(tx, principal, {
    tenantId: row!.tenantId,
    action: 'license.update',
    subject: `license:${externalId}`,
    details: { changes: input, server: server?.externalId },
  });
  // A license moved to another tenant's server: the old tenant's admins see the move too.
  if (current.tenantId && current.tenantId !== row!.tenantId)
    await recordAudit(tx, principal, {
      tenantId: current.tenantId,
      action: 'license.update',
      subject: `license:${externalId}`,
      // Not where to: that server is another tenant's.
      details: { movedAway: true },
    });
  await bumpEstateVersion(tx, principal.spId);
  return row!;
}

function capacityOf(row: LicenseRow): LicenseCapacityInput {
  return {
    vmBackup: row.capVmBackup,
    vmReplica: row.capVmReplica,
    server: row.capServer,
    workstation: row.capWorkstation,
    points: row.capPoints,
    instances: row.capInstances,
  };
}
