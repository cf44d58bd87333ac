import 'server-only';
import { gql } from '../client';
import type { UpdateTenantPlanMutation, UpdateTenantPlanMutationVariables } from '../generated';

export type PlanInput = UpdateTenantPlanMutationVariables['plan'];

const UPDATE_TENANT_PLAN = /* GraphQL */ `
  mutation UpdateTenantPlan($externalId: String!, $plan: PlanInput!) { updateTenantPlan(externalId: $externalId, plan: $plan) { id } }
`;

export async function updateTenantPlan(token: string, externalId: string, plan: PlanInput): Promise<void> {
  await gql<UpdateTenantPlanMutation, UpdateTenantPlanMutationVariables>(
    UPDATE_TENANT_PLAN,
    { externalId, plan },
    token,
  );
}
