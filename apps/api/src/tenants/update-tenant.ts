/** `updateTenant` (SP admin): name, BaaS flag and plan; fields left out keep their value. */
import type { Transaction } from '@vcc/db';
import type { Principal } from '../auth/principal.js';
import type { TenantRow } from '../estate/find-estate.js';
import { InputProblems, NAME_MAX_LENGTH } from '../input-problems.js';
import type { UpdateTenantInput } from '../schema/tenants/tenant.inputs.js';
import { changeTenant } from './change-tenant.js';
import { checkPlan, planColumns } from './plan-columns.js';

export async function updateTenant(
  tx: Transaction,
  principal: Principal,
  externalId: string,
  input: UpdateTenantInput,
): Promise<TenantRow> {
  const problems = new InputProblems();
  problems.text(input.name, 'input.name', NAME_MAX_LENGTH);
  if (input.plan) checkPlan(problems, input.plan, 'input.plan');
  problems.check();
  return changeTenant(
    tx,
    principal,
    externalId,
    'tenant.update',
    {
      ...(input.name != null && { name: input.name }),
      ...(input.managedBySp != null && { managedBySp: input.managedBySp }),
      ...(input.plan && planColumns(input.plan)),
    },
    {
      name: input.name ?? undefined,
      managedBySp: input.managedBySp ?? undefined,
      plan: input.plan ?? undefined,
    },
  );
}
