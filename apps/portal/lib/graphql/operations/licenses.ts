import 'server-only';
import { gql } from '../client';
import type { LicenseType, PageInfo } from '../enums';

export interface LicenseCapacity {
  vmBackup: number | null;
  vmReplica: number | null;
  server: number | null;
  workstation: number | null;
  points: number | null;
  instances: number | null;
}

export interface LicenseRow {
  id: string;
  externalId: string;
  type: LicenseType;
  validFrom: string;
  validTo: string | null;
  capacity: LicenseCapacity;
  server: { externalId: string } | null;
  tenant: { externalId: string; name: string } | null;
}

const LICENSES = /* GraphQL */ `
  query Licenses($first: Int, $after: String) {
    licenses(first: $first, after: $after) {
      edges { node {
        id externalId type validFrom validTo
        capacity { vmBackup vmReplica server workstation points instances }
        server { externalId }
        tenant { externalId name }
      } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export async function fetchLicensePage(
  token: string,
  vars: { first: number; after: string | null },
): Promise<{ licenses: LicenseRow[]; pageInfo: PageInfo }> {
  const data = await gql<{ licenses: { edges: { node: LicenseRow }[]; pageInfo: PageInfo } }, typeof vars>(
    LICENSES,
    vars,
    token,
  );
  return { licenses: data.licenses.edges.map((e) => e.node), pageInfo: data.licenses.pageInfo };
}

export interface LicenseInput {
  type: LicenseType;
  validFrom: string;
  validTo: string | null;
  capacity: LicenseCapacity;
}

export async function createLicense(
  token: string,
  input: LicenseInput & { externalId: string; serverExternalId: string },
): Promise<void> {
  await gql<unknown, { input: typeof input }>(
    'mutation CreateLicense($input: CreateLicenseInput!) { createLicense(input: $input) { id } }',
    { input },
    token,
  );
}

export async function updateLicense(token: string, externalId: string, input: LicenseInput): Promise<void> {
  await gql<unknown, { externalId: string; input: LicenseInput }>(
    'mutation UpdateLicense($externalId: String!, $input: UpdateLicenseInput!) { updateLicense(externalId: $externalId, input: $input) { id } }',
    { externalId, input },
    token,
  );
}
