import 'server-only';
import { gql } from '../client';
import type { MachinesQuery, MachinesQueryVariables } from '../generated';

export type MachineEdge = MachinesQuery['machines']['edges'][number];
export type MachineRow = MachineEdge['node'];
export type Charge = MachineRow['charges'][number];

const MACHINES = /* GraphQL */ `
  query Machines(
    $month: String!
    $tenantExternalId: String!
    $first: Int
    $after: String
    $counter: Counter
    $pool: ChargePool
    $status: ChargeStatus
  ) {
    machines(
      month: $month
      tenantExternalId: $tenantExternalId
      first: $first
      after: $after
      counter: $counter
      pool: $pool
      status: $status
    ) {
      edges {
        cursor
        node {
          id externalId kind agentOs agentVersion
          charges { pool counter license status units rules }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

/**
 * One page of a tenant's charged machines. The tenant is always passed, also for tenant callers:
 * the portal never asks for more than the page shows.
 */
export async function fetchMachinePage(
  token: string,
  vars: MachinesQueryVariables & { first: number; after: string | null },
): Promise<MachinesQuery['machines']> {
  const data = await gql<MachinesQuery, MachinesQueryVariables>(MACHINES, vars, token);
  return data.machines;
}
