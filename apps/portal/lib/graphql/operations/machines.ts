import 'server-only';
import { gql } from '../client';
import type { ChargePool, ChargeStatus, Counter, MachineKind, PageInfo } from '../enums';

export interface Charge {
  pool: ChargePool;
  counter: Counter | null;
  license: string | null;
  status: ChargeStatus;
  units: number;
  rules: string[];
}

export interface MachineRow {
  id: string;
  externalId: string;
  kind: MachineKind;
  agentOs: string | null;
  agentVersion: string | null;
  charges: Charge[];
}

export interface MachineEdge {
  node: MachineRow;
  cursor: string;
}

const MACHINES = /* GraphQL */ `
  query Machines($month: String!, $tenantExternalId: String!, $first: Int, $after: String) {
    machines(month: $month, tenantExternalId: $tenantExternalId, first: $first, after: $after) {
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

interface Vars extends Record<string, unknown> {
  month: string;
  tenantExternalId: string;
  first: number;
  after: string | null;
}

interface Data {
  machines: { edges: MachineEdge[]; pageInfo: PageInfo };
}

/**
 * One page of a tenant's charged machines. The tenant is always passed, also for tenant callers:
 * the portal never asks for more than the page shows.
 */
export async function fetchMachinePage(token: string, vars: Vars): Promise<Data['machines']> {
  const data = await gql<Data, Vars>(MACHINES, vars, token);
  return data.machines;
}
