import 'server-only';
import { gql } from '../client';
import type { PageInfo } from '../enums';

export type RoleEnum = 'SP_ADMIN' | 'SP_VIEWER' | 'TENANT_ADMIN' | 'TENANT_VIEWER';
type TenantRef = { externalId: string; name: string } | null;

export interface UserRow {
  id: string;
  email: string;
  role: RoleEnum;
  tenant: TenantRef;
  createdAt: string;
  disabled: boolean;
}

export interface ApiKeyRow {
  id: string;
  name: string;
  display: string;
  role: RoleEnum;
  tenant: TenantRef;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface AuditRow {
  id: string;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  details: unknown;
  reason: string | null;
  tenant: TenantRef;
}

type Page<T> = { edges: { node: T }[]; pageInfo: PageInfo };

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
  const vars = { first: 200, auditFirst: 25, ...filter };
  const data = await gql<
    { users: Page<UserRow>; apiKeys: Page<ApiKeyRow>; auditLog: Page<AuditRow> },
    typeof vars
  >(ADMIN, vars, token);
  return {
    users: data.users.edges.map((e) => e.node),
    apiKeys: data.apiKeys.edges.map((e) => e.node),
    audit: data.auditLog.edges.map((e) => e.node),
    auditPage: data.auditLog.pageInfo,
  };
}

export async function createUser(
  token: string,
  input: { email: string; role: RoleEnum; tenantExternalId: string | null },
): Promise<string> {
  const data = await gql<{ createUser: { oneTimePassword: string } }, { input: typeof input }>(
    'mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { oneTimePassword user { id } } }',
    { input },
    token,
  );
  return data.createUser.oneTimePassword;
}

export async function setUserDisabled(token: string, id: string, disabled: boolean): Promise<void> {
  await gql<unknown, { id: string; disabled: boolean }>(
    'mutation SetUserDisabled($id: ID!, $disabled: Boolean!) { setUserDisabled(id: $id, disabled: $disabled) { id } }',
    { id, disabled },
    token,
  );
}

export async function createApiKey(
  token: string,
  input: { name: string; role: RoleEnum; tenantExternalId: string | null },
): Promise<string> {
  const data = await gql<{ createApiKey: { key: string } }, { input: typeof input }>(
    'mutation CreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } } }',
    { input },
    token,
  );
  return data.createApiKey.key;
}

export async function revokeApiKey(token: string, id: string): Promise<void> {
  await gql<unknown, { id: string }>(
    'mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id } }',
    { id },
    token,
  );
}
