import 'server-only';
import { gql } from '../client';
import type { PageInfo } from '../enums';
import type {
  AdminQuery,
  AdminQueryVariables,
  CreateApiKeyMutation,
  CreateApiKeyMutationVariables,
  CreateUserMutation,
  CreateUserMutationVariables,
  RevokeApiKeyMutation,
  RevokeApiKeyMutationVariables,
  Role,
  SetUserDisabledMutation,
  SetUserDisabledMutationVariables,
} from '../generated';

export type RoleEnum = Role;
export type UserRow = AdminQuery['users']['edges'][number]['node'];
export type ApiKeyRow = AdminQuery['apiKeys']['edges'][number]['node'];
export type AuditRow = AdminQuery['auditLog']['edges'][number]['node'];

const ADMIN = /* GraphQL */ `
  query Admin($first: Int, $auditFirst: Int, $auditAfter: String, $action: String) {
    users(first: $first) { edges { node { id email role tenant { externalId name } createdAt disabled } } pageInfo { hasNextPage endCursor } }
    apiKeys(first: $first) {
      edges { node { id name display role tenant { externalId name } createdAt expiresAt lastUsedAt revokedAt } }
      pageInfo { hasNextPage endCursor }
    }
    auditLog(first: $auditFirst, after: $auditAfter, action: $action) {
      edges { node { id at actor action subject details reason tenant { externalId name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

/**
 * Users, keys (the first 200 of each) and one page of the audit log, in one request. Page sizes go
 * as variables: the API's query-cost limit (graphql-armor) prices literal page sizes, and would
 * refuse this combined query with them.
 */
export async function fetchAdmin(
  token: string,
  filter: { auditAfter: string | null; action: string | null },
): Promise<{ users: UserRow[]; apiKeys: ApiKeyRow[]; audit: AuditRow[]; auditPage: PageInfo }> {
  const data = await gql<AdminQuery, AdminQueryVariables>(
    ADMIN,
    { first: 200, auditFirst: 25, ...filter },
    token,
  );
  return {
    users: data.users.edges.map((e) => e.node),
    apiKeys: data.apiKeys.edges.map((e) => e.node),
    audit: data.auditLog.edges.map((e) => e.node),
    auditPage: data.auditLog.pageInfo,
  };
}

const CREATE_USER = /* GraphQL */ `
  mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { oneTimePassword user { id } } }
`;

export async function createUser(
  token: string,
  input: CreateUserMutationVariables['input'],
): Promise<string> {
  const data = await gql<CreateUserMutation, CreateUserMutationVariables>(CREATE_USER, { input }, token);
  return data.createUser.oneTimePassword;
}

const SET_USER_DISABLED = /* GraphQL */ `
  mutation SetUserDisabled($id: ID!, $disabled: Boolean!) { setUserDisabled(id: $id, disabled: $disabled) { id } }
`;

export async function setUserDisabled(token: string, id: string, disabled: boolean): Promise<void> {
  await gql<SetUserDisabledMutation, SetUserDisabledMutationVariables>(
    SET_USER_DISABLED,
    { id, disabled },
    token,
  );
}

const CREATE_API_KEY = /* GraphQL */ `
  mutation CreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } } }
`;

export async function createApiKey(
  token: string,
  input: CreateApiKeyMutationVariables['input'],
): Promise<string> {
  const data = await gql<CreateApiKeyMutation, CreateApiKeyMutationVariables>(
    CREATE_API_KEY,
    { input },
    token,
  );
  return data.createApiKey.key;
}

const REVOKE_API_KEY = /* GraphQL */ `
  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id } }
`;

export async function revokeApiKey(token: string, id: string): Promise<void> {
  await gql<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>(REVOKE_API_KEY, { id }, token);
}
