import 'server-only';
import { gql } from '../client';
import type { PageInfo } from '../enums';
import type {
  CreateLicenseMutation,
  CreateLicenseMutationVariables,
  LicensesQuery,
  LicensesQueryVariables,
  UpdateLicenseMutation,
  UpdateLicenseMutationVariables,
} from '../generated';

export type LicenseRow = LicensesQuery['licenses']['edges'][number]['node'];

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
  const data = await gql<LicensesQuery, LicensesQueryVariables>(LICENSES, vars, token);
  return { licenses: data.licenses.edges.map((e) => e.node), pageInfo: data.licenses.pageInfo };
}

/** What the license form sends on create and on edit: every field, the capacity in full. */
export type LicenseInput = Pick<
  CreateLicenseMutationVariables['input'],
  'type' | 'validFrom' | 'capacity'
> & {
  validTo: string | null;
};

const CREATE_LICENSE = /* GraphQL */ `
  mutation CreateLicense($input: CreateLicenseInput!) { createLicense(input: $input) { id } }
`;

export async function createLicense(
  token: string,
  input: LicenseInput & { externalId: string; serverExternalId: string },
): Promise<void> {
  await gql<CreateLicenseMutation, CreateLicenseMutationVariables>(CREATE_LICENSE, { input }, token);
}

const UPDATE_LICENSE = /* GraphQL */ `
  mutation UpdateLicense($externalId: String!, $input: UpdateLicenseInput!) { updateLicense(externalId: $externalId, input: $input) { id } }
`;

export async function updateLicense(token: string, externalId: string, input: LicenseInput): Promise<void> {
  await gql<UpdateLicenseMutation, UpdateLicenseMutationVariables>(
    UPDATE_LICENSE,
    { externalId, input },
    token,
  );
}
