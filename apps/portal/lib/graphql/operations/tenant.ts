import 'server-only';
import { gql } from '../client';
import type { LicenseType } from '../enums';

export interface TenantLicense {
  id: string;
  externalId: string;
  type: LicenseType;
  validFrom: string;
  validTo: string | null;
  capacity: {
    vmBackup: number | null;
    vmReplica: number | null;
    server: number | null;
    workstation: number | null;
    points: number | null;
    instances: number | null;
  };
}

export interface TenantDetail {
  id: string;
  externalId: string;
  name: string;
  enabled: boolean;
  managedBySp: boolean;
  plan: { vmBackup: number; vmReplica: number; server: number; workstation: number; vms: number };
  backupServers: { id: string; externalId: string; version: string; licenses: TenantLicense[] }[];
}

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
  const data = await gql<{ tenant: TenantDetail | null }, { externalId: string }>(
    TENANT,
    { externalId },
    token,
  );
  return data.tenant;
}
