import 'server-only';
import { gql } from '../client';
import type { TenantQuery, TenantQueryVariables } from '../generated';

export type TenantDetail = NonNullable<TenantQuery['tenant']>;
export type TenantLicense = TenantDetail['backupServers'][number]['licenses'][number];

const TENANT = /* GraphQL */ `
  query Tenant($externalId: String!) {
    tenant(externalId: $externalId) {
      id externalId name enabled managedBySp
      plan { vmBackup vmReplica server workstation vms }
      backupServers {
        id externalId version
        licenses {
          id externalId type validFrom validTo
          capacity { vmBackup vmReplica server workstation points instances }
        }
      }
    }
  }
`;

/** Null when the tenant does not exist or the caller may not see it (the API decides). */
export async function fetchTenant(token: string, externalId: string): Promise<TenantDetail | null> {
  const data = await gql<TenantQuery, TenantQueryVariables>(TENANT, { externalId }, token);
  return data.tenant;
}
