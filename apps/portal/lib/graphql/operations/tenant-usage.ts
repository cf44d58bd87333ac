import 'server-only';
import { gql } from '../client';
import type { LicenseState, PageInfo } from '../enums';
import type { Hosting, TenantCounter, TenantLicenseUsage } from './license-report';

/** The API's `TenantUsageSort`: each column has one direction (largest or worst first for figures). */
export type TenantUsageSort = 'NAME' | 'EXTERNAL_ID' | 'UNITS' | 'VIOLATIONS' | 'STATE';

export interface TenantUsageRow {
  tenant: { id: string; externalId: string; name: string; enabled: boolean; managedBySp: boolean };
  units: number;
  /** Part of all tenants' SP units, 0 to 1. */
  share: number;
  counters: TenantCounter[];
  licenses: TenantLicenseUsage[];
  /** Worst state of its licenses; null when it has none in use. */
  licenseState: LicenseState | null;
  hosting: Hosting | null;
  openViolations: number;
}

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

interface Vars extends Record<string, unknown> {
  month: string;
  search: string | null;
  sort: TenantUsageSort;
  first: number;
  after: string | null;
}

interface Data {
  tenantUsage: { totalCount: number; pageInfo: PageInfo; edges: { node: TenantUsageRow }[] };
}

/** One page of tenants with their month's figures; the API searches, sorts and pages (SP roles). */
export async function fetchTenantUsage(token: string, vars: Vars): Promise<TenantUsagePage> {
  const { tenantUsage } = await gql<Data, Vars>(TENANT_USAGE, vars, token);
  return {
    rows: tenantUsage.edges.map((e) => e.node),
    pageInfo: tenantUsage.pageInfo,
    totalCount: tenantUsage.totalCount,
  };
}
