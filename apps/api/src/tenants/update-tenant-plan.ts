/**
 * `updateTenantPlan` (SP admin only): the plan sizes the SP license (R-SP-SIZING) and a managed
 * tenant's hosting obligation (R-HOSTING-OBLIGATION), so a tenant may not change its own.
 */
import type { Transaction } from '@vcc/db';
import type { Principal } from '../auth/principal.js';
import type { TenantRow } from '../estate/find-estate.js';
import { InputProblems } from '../input-problems.js';
import type { PlanInput } from '../schema/tenants/tenant.types.js';
import { changeTenant } from './change-tenant.js';
import { checkPlan, planColumns } from './plan-columns.js';

export async function updateTenantPlan(
  tx: Transaction,
  principal: Principal,
  externalId: string,
  plan: PlanInput,
): Promise<TenantRow> {
  const problems = new InputProblems();
  checkPlan(problems, plan, 'plan');
  problems.check();
  return changeTenant(tx, principal, externalId, 'tenant.plan', planColumns(plan), { plan });
}
