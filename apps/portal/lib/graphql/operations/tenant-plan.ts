import 'server-only';
import { gql } from '../client';

export interface PlanInput {
  vmBackup: number;
  vmReplica: number;
  server: number;
  workstation: number;
  vms: number;
}

export async function updateTenantPlan(token: string, externalId: string, plan: PlanInput): Promise<void> {
  await gql<unknown, { externalId: string; plan: PlanInput }>(
    'mutation UpdateTenantPlan($externalId: String!, $plan: PlanInput!) { updateTenantPlan(externalId: $externalId, plan: $plan) { id } }',
    { externalId, plan },
    token,
  );
}
