/** `createTenant` (SP admin): a new tenant of the caller's SP; audited; bumps the estate version. */
import { bumpEstateVersion, schema, type Transaction } from '@vcc/db';
import { recordAudit } from '../audit/record-audit.js';
import type { Principal } from '../auth/principal.js';
import { orConflict } from '../db-errors.js';
import type { TenantRow } from '../estate/find-estate.js';
import { InputProblems, NAME_MAX_LENGTH } from '../input-problems.js';
import type { CreateTenantInput } from '../schema/tenants/tenant.inputs.js';
import { checkPlan, planColumns } from './plan-columns.js';

export async function createTenant(
  tx: Transaction,
  principal: Principal,
  input: CreateTenantInput,
): Promise<TenantRow> {
  const problems = new InputProblems();
  problems.text(input.externalId, 'input.externalId');
  problems.text(input.name, 'input.name', NAME_MAX_LENGTH);
  checkPlan(problems, input.plan, 'input.plan');
  problems.check();

  const [row] = await orConflict(
    tx
      .insert(schema.tenants)
      .values({
        spId: principal.spId,
        externalId: input.externalId,
        name: input.name,
        enabled: input.enabled,
        managedBySp: input.managedBySp,
        ...planColumns(input.plan),
      })
      .returning(),
    `a tenant with external id ${JSON.stringify(input.externalId)} already exists`,
  );
  await recordAudit(tx, principal, {
    tenantId: row!.id,
    action: 'tenant.create',
    subject: `tenant:${input.externalId}`,
    details: { name: input.name, enabled: input.enabled, managedBySp: input.managedBySp, plan: input.plan },
  });
  await bumpEstateVersion(tx, principal.spId);
  return row!;
}
