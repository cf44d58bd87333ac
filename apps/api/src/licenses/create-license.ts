/** `createLicense` (SP admin): a license on a backup server; audited; bumps the estate version. */
import { bumpEstateVersion, schema, type Transaction } from '@vcc/db';
import { recordAudit } from '../audit/record-audit.js';
import type { Principal } from '../auth/principal.js';
import { orConflict } from '../db-errors.js';
import { type LicenseRow, requireBackupServer } from '../estate/find-estate.js';
import { spRuleset } from '../estate/sp-ruleset.js';
import { InputProblems } from '../input-problems.js';
import type { CreateLicenseInput } from '../schema/licenses/license.inputs.js';
import { capacityColumns, checkLicense } from './check-license.js';

export async function createLicense(
  tx: Transaction,
  principal: Principal,
  input: CreateLicenseInput,
): Promise<LicenseRow> {
  const problems = new InputProblems();
  problems.text(input.externalId, 'input.externalId');
  const fields = { ...input, validTo: input.validTo ?? null };
  checkLicense(problems, fields, await spRuleset(tx, principal.spId), {
    validFrom: 'input.validFrom',
    validTo: 'input.validTo',
    capacity: 'input.capacity',
  });
  problems.check();
  const server = await requireBackupServer(tx, principal, input.serverExternalId);

  const [row] = await orConflict(
    tx
      .insert(schema.licenses)
      .values({
        spId: principal.spId,
        // A license belongs to whoever owns its server: the SP's (null) or a tenant's.
        tenantId: server.tenantId,
        serverId: server.id,
        externalId: input.externalId,
        type: input.type,
        validFrom: input.validFrom,
        validTo: fields.validTo,
        ...capacityColumns(input.capacity),
      })
      .returning(),
    `a license with external id ${JSON.stringify(input.externalId)} already exists`,
  );
  await recordAudit(tx, principal, {
    tenantId: row!.tenantId,
    action: 'license.create',
    subject: `license:${input.externalId}`,
    details: {
      server: server.externalId,
      type: input.type,
      validFrom: input.validFrom,
      validTo: fields.validTo,
      capacity: input.capacity,
    },
  });
  await bumpEstateVersion(tx, principal.spId);
  return row!;
}
