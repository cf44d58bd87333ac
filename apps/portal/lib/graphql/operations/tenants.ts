import 'server-only';
import { gql } from '../client';
import type { PageInfo } from '../enums';

export interface TenantListItem {
  id: string;
  externalId: string;
  name: string;
  enabled: boolean;
  managedBySp: boolean;
}

export interface TenantPage {
  tenants: TenantListItem[];
  pageInfo: PageInfo;
}

const TENANTS = /* GraphQL */ `
  query Tenants($first: Int, $after: String, $search: String) {
    tenants(first: $first, after: $after, search: $search) {
      edges { node { id externalId name enabled managedBySp } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

interface Vars extends Record<string, unknown> {
  first: number;
  after: string | null;
  search: string | null;
}

interface Data {
  tenants: { edges: { node: TenantListItem }[]; pageInfo: PageInfo };
}

/** One page of tenants, searched and paginated by the API (SP roles only). */
export async function fetchTenantPage(token: string, vars: Vars): Promise<TenantPage> {
  const data = await gql<Data, Vars>(TENANTS, vars, token);
  return { tenants: data.tenants.edges.map((e) => e.node), pageInfo: data.tenants.pageInfo };
}
