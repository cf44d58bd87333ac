/** A tenant's plan between its GraphQL shape and its columns, checked on the way in. */
import type { InputProblems } from '../input-problems.js';
import type { PlanInput } from '../schema/tenants/tenant.types.js';

export function checkPlan(problems: InputProblems, plan: PlanInput, path: string): void {
  for (const key of ['vmBackup', 'vmReplica', 'server', 'workstation', 'vms'] as const)
    problems.count(plan[key], `${path}.${key}`);
}

export function planColumns(plan: PlanInput) {
  return {
    planVmBackup: plan.vmBackup,
    planVmReplica: plan.vmReplica,
    planServer: plan.server,
    planWorkstation: plan.workstation,
    planVms: plan.vms,
  };
}
