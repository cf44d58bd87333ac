import 'server-only';
import { gql } from '../client';
import type { PageInfo } from '../enums';
import type { TenantUsageQuery, TenantUsageQueryVariables, TenantUsageSort } from '../generated';

/** The API's `TenantUsageSort`: each column has one direction (largest or worst first for figures). */
export type { TenantUsageSort };

/**
 * `share`: part of all tenants' SP units, 0 to 1. `licenseState`: worst state of its licenses; null
 * when it has none in use.
 */
export type TenantUsageRow = TenantUsageQuery['tenantUsage']['edges'][number]['node'];

export interface TenantUsagePage {
  rows: TenantUsageRow[];
  pageInfo: PageInfo;
  totalCount: number;
}

const TENANT_USAGE = /* GraphQL */ `
  query TenantUsage($month: String!, $search: String, $sort: TenantUsageSort, $first: Int, $after: String) {
    tenantUsage(month: $month, search: $search, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node {
        tenant { id externalId name enabled managedBySp }
        units share licenseState openViolations
        counters { counter used new rental units }
        licenses { license { id externalId type } used new capacity peak state }
        hosting { planned used capacity obligation shortfall }
      } }
    }
  }
`;

/** One page of tenants with their month's figures; the API searches, sorts and pages (SP roles). */
export async function fetchTenantUsage(
  token: string,
  vars: TenantUsageQueryVariables & {
    search: string | null;
    sort: TenantUsageSort;
    first: number;
    after: string | null;
  },
): Promise<TenantUsagePage> {
  const { tenantUsage } = await gql<TenantUsageQuery, TenantUsageQueryVariables>(TENANT_USAGE, vars, token);
  return {
    rows: tenantUsage.edges.map((e) => e.node),
    pageInfo: tenantUsage.pageInfo,
    // Nullable in the shared connection type, but tenantUsage always counts its tenants.
    totalCount: tenantUsage.totalCount ?? 0,
  };
}
