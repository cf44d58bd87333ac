import 'server-only';
import { gql } from '../client';
import type { PageInfo } from '../enums';
import type { TenantsQuery, TenantsQueryVariables } from '../generated';

export type TenantListItem = TenantsQuery['tenants']['edges'][number]['node'];

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

/** One page of tenants, searched and paginated by the API (SP roles only). */
export async function fetchTenantPage(
  token: string,
  vars: TenantsQueryVariables & { first: number; after: string | null; search: string | null },
): Promise<TenantPage> {
  const data = await gql<TenantsQuery, TenantsQueryVariables>(TENANTS, vars, token);
  return { tenants: data.tenants.edges.map((e) => e.node), pageInfo: data.tenants.pageInfo };
}
