/**
 * API keys through the API: SP admins manage every key, tenant admins their own tenant's (tenant
 * roles only); the secret is shown once and never its hash; a revoked key stops working at once.
 */
import { DATABASE_KINDS } from '@vcc/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twoTenantScenario } from '../../../packages/db/test/support/two-tenants.js';
import { codeOf, expectBadInput, lastAudit, snapshot } from './support/admin-support.js';
import { startTestApi, type TestApi } from './support/test-api.js';

const CREATE = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) {
  key apiKey { id name display role tenant { externalId } createdAt expiresAt lastUsedAt revokedAt } } }`;
const REVOKE = 'mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }';
const LIST =
  'query($a: String) { apiKeys(first: 2, after: $a) { edges { node { id name tenant { externalId } } } pageInfo { hasNextPage endCursor } } }';
const VIEWER = '{ viewer { role tenant { externalId } } }';

type Created = { createApiKey: { key: string; apiKey: { id: string; display: string; role: string } } };
type Listed = {
  apiKeys: {
    edges: { node: { id: string; name: string; tenant: { externalId: string } | null } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

describe.each(DATABASE_KINDS)('API keys (%s)', (kind) => {
  let api: TestApi;
  let spAdmin: string;
  let spViewer: string;
  let alphaAdmin: string;
  let alphaViewer: string;
  beforeAll(async () => {
    api = await startTestApi(kind);
    await api.import(twoTenantScenario());
    spAdmin = await api.key('sp-admin');
    spViewer = await api.key('sp-viewer');
    alphaAdmin = await api.key('tenant-admin', 'alpha');
    alphaViewer = await api.key('tenant-viewer', 'alpha');
  });
  afterAll(() => api.close());

  async function listAll(token: string) {
    const nodes: Listed['apiKeys']['edges'][number]['node'][] = [];
    let after: string | null = null;
    for (;;) {
      const res: { data?: Listed | null } = await api.gql<Listed>(LIST, { a: after }, token);
      nodes.push(...res.data!.apiKeys.edges.map((e) => e.node));
      if (!res.data!.apiKeys.pageInfo.hasNextPage) return nodes;
      after = res.data!.apiKeys.pageInfo.endCursor;
    }
  }

  it('creates a key that works at once, shown once, audited', async () => {
    const before = await snapshot(api);
    const res = await api.gql<Created>(
      CREATE,
      { input: { name: 'ingest alpha', role: 'TENANT_ADMIN', tenantExternalId: 'alpha' } },
      spAdmin,
    );
    expect(res.errors).toBeUndefined();
    const { key, apiKey } = res.data!.createApiKey;
    expect(key).toMatch(/^vcc_live_/);
    expect(apiKey).toMatchObject({
      name: 'ingest alpha',
      role: 'TENANT_ADMIN',
      tenant: { externalId: 'alpha' },
    });
    expect(apiKey.display.endsWith(key.slice(-4))).toBe(true);
    expect((await api.gql(VIEWER, {}, key)).data).toEqual({
      viewer: { role: 'TENANT_ADMIN', tenant: { externalId: 'alpha' } },
    });
    const after = await snapshot(api);
    expect(after.api_keys).toBe(before.api_keys! + 1);
    expect(after.audit_log).toBe(before.audit_log! + 1);
    expect(await lastAudit(api, 'api-key.create')).toMatchObject({ subject: `api-key:${apiKey.id}` });
    // The hash is not part of the API at all.
    const fields = await api.gql<{ __type: { fields: { name: string }[] } }>(
      '{ __type(name: "ApiKey") { fields { name } } }',
    );
    expect(fields.data!.__type.fields.map((f) => f.name)).not.toContain('hash');
  });

  it('lets a tenant admin create tenant keys for its own tenant only', async () => {
    const own = await api.gql<Created>(
      CREATE,
      { input: { name: 'mine', role: 'TENANT_VIEWER' } },
      alphaAdmin,
    );
    expect(own.data?.createApiKey.apiKey).toMatchObject({ role: 'TENANT_VIEWER' });
    const before = await snapshot(api);
    const other = { name: 'theirs', role: 'TENANT_ADMIN', tenantExternalId: 'beta' };
    expect(codeOf(await api.gql(CREATE, { input: other }, alphaAdmin))).toBe('FORBIDDEN');
    const sp = { name: 'escalate', role: 'SP_ADMIN' };
    expect(codeOf(await api.gql(CREATE, { input: sp }, alphaAdmin))).toBe('FORBIDDEN');
    for (const key of [spViewer, alphaViewer])
      expect(
        codeOf(
          await api.gql(
            CREATE,
            { input: { name: 'x', role: 'TENANT_VIEWER', tenantExternalId: 'alpha' } },
            key,
          ),
        ),
      ).toBe('FORBIDDEN');
    expect(await snapshot(api)).toEqual(before);
  });

  it('refuses inconsistent input with its path', async () => {
    const before = await snapshot(api);
    const spWithTenant = { name: 'x', role: 'SP_VIEWER', tenantExternalId: 'alpha' };
    expectBadInput(await api.gql(CREATE, { input: spWithTenant }, spAdmin), 'input.tenantExternalId');
    expectBadInput(
      await api.gql(CREATE, { input: { name: 'x', role: 'TENANT_ADMIN' } }, spAdmin),
      'input.tenantExternalId',
    );
    const past = { name: 'x', role: 'SP_VIEWER', expiresAt: '2020-01-01T00:00:00Z' };
    expectBadInput(await api.gql(CREATE, { input: past }, spAdmin), 'input.expiresAt');
    expectBadInput(await api.gql(CREATE, { input: { name: '', role: 'SP_VIEWER' } }, spAdmin), 'input.name');
    expect(await snapshot(api)).toEqual(before);
  });

  it('lists every key to the SP admin and its tenant’s to a tenant admin, page by page', async () => {
    const all = await listAll(spAdmin);
    expect(all.length).toBeGreaterThan(4);
    expect(new Set(all.map((k) => k.id)).size).toBe(all.length);
    const alpha = await listAll(alphaAdmin);
    expect(alpha.length).toBeGreaterThan(0);
    expect(alpha.every((k) => k.tenant?.externalId === 'alpha')).toBe(true);
    expect(codeOf(await api.gql(LIST, {}, spViewer))).toBe('FORBIDDEN');
  });

  it('revokes a key at once; a tenant admin cannot reach another tenant’s key', async () => {
    const created = await api.gql<Created>(
      CREATE,
      { input: { name: 'to revoke', role: 'TENANT_VIEWER', tenantExternalId: 'beta' } },
      spAdmin,
    );
    const { key, apiKey } = created.data!.createApiKey;
    expect(codeOf(await api.gql(VIEWER, {}, key))).toBeUndefined();

    const before = await snapshot(api);
    expect(codeOf(await api.gql(REVOKE, { id: apiKey.id }, alphaAdmin))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(REVOKE, { id: apiKey.id }, spViewer))).toBe('FORBIDDEN');
    expectBadInput(await api.gql(REVOKE, { id: 'not-an-id' }, spAdmin), 'id');
    expect(await snapshot(api)).toEqual(before);
    expect(codeOf(await api.gql(VIEWER, {}, key))).toBeUndefined();

    const revoked = await api.gql<{ revokeApiKey: { revokedAt: string | null } }>(
      REVOKE,
      { id: apiKey.id },
      spAdmin,
    );
    expect(revoked.data?.revokeApiKey.revokedAt).toBeTruthy();
    expect(codeOf(await api.gql(VIEWER, {}, key))).toBe('UNAUTHENTICATED');
    expect(await lastAudit(api, 'api-key.revoke')).toMatchObject({ subject: `api-key:${apiKey.id}` });
    // Revoking again changes nothing.
    const again = await api.gql<{ revokeApiKey: { revokedAt: string } }>(REVOKE, { id: apiKey.id }, spAdmin);
    expect(again.data?.revokeApiKey.revokedAt).toBe(revoked.data?.revokeApiKey.revokedAt);
  });

  it('lets a tenant admin revoke its own tenant’s key, including the one it calls with', async () => {
    const mine = await api.key('tenant-admin', 'alpha');
    const keys = await listAll(mine);
    const me = await api.gql<Created>(CREATE, { input: { name: 'self', role: 'TENANT_ADMIN' } }, mine);
    const { key, apiKey } = me.data!.createApiKey;
    expect(keys.length).toBeGreaterThan(0);
    expect(codeOf(await api.gql(REVOKE, { id: apiKey.id }, key))).toBeUndefined();
    expect(codeOf(await api.gql(VIEWER, {}, key))).toBe('UNAUTHENTICATED');
  });
});
