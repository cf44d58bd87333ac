/** The audit log through the API: newest first with id cursors; SP admin the SP's, tenant admin its own. */
import { DATABASE_KINDS } from '@vcc/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twoTenantScenario } from '../../../packages/db/test/support/two-tenants.js';
import { codeOf } from './support/admin-support.js';
import { startTestApi, type TestApi } from './support/test-api.js';

const LOG = `query($first: Int, $after: String, $action: String) { auditLog(first: $first, after: $after, action: $action) {
  edges { node { id at actor action subject details tenant { externalId } } } pageInfo { hasNextPage endCursor } } }`;
type Log = {
  auditLog: {
    edges: { node: { id: string; action: string; subject: string; tenant: { externalId: string } | null } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

describe.each(DATABASE_KINDS)('audit log (%s)', (kind) => {
  let api: TestApi;
  let spAdmin: string;
  let alphaAdmin: string;
  beforeAll(async () => {
    api = await startTestApi(kind);
    await api.import(twoTenantScenario());
    spAdmin = await api.key('sp-admin');
    alphaAdmin = await api.key('tenant-admin', 'alpha');
    const enable =
      'mutation($id: String!, $on: Boolean!) { setTenantEnabled(externalId: $id, enabled: $on) { enabled } }';
    for (const [id, on] of [
      ['alpha', false],
      ['beta', false],
      ['alpha', true],
    ] as const)
      await api.gql(enable, { id, on }, spAdmin);
  });
  afterAll(() => api.close());

  it('pages through the whole SP log newest first', async () => {
    const ids: number[] = [];
    let after: string | null = null;
    for (;;) {
      const res: { data?: Log | null } = await api.gql<Log>(LOG, { first: 2, after }, spAdmin);
      ids.push(...res.data!.auditLog.edges.map((e) => Number(e.node.id)));
      if (!res.data!.auditLog.pageInfo.hasNextPage) break;
      after = res.data!.auditLog.pageInfo.endCursor;
    }
    expect(ids.length).toBeGreaterThanOrEqual(6);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('filters by action, exactly or by prefix', async () => {
    const exact = await api.gql<Log>(LOG, { action: 'tenant.disable' }, spAdmin);
    expect(exact.data!.auditLog.edges.map((e) => e.node.subject)).toEqual(['tenant:beta', 'tenant:alpha']);
    const prefix = await api.gql<Log>(LOG, { action: 'tenant.' }, spAdmin);
    expect(prefix.data!.auditLog.edges.map((e) => e.node.action)).toEqual([
      'tenant.enable',
      'tenant.disable',
      'tenant.disable',
    ]);
  });

  it('shows a tenant admin its own tenant’s rows only, and no viewer anything', async () => {
    const res = await api.gql<Log>(LOG, { first: 100 }, alphaAdmin);
    const rows = res.data!.auditLog.edges.map((e) => e.node);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.tenant?.externalId === 'alpha')).toBe(true);
    expect(codeOf(await api.gql(LOG, {}, await api.key('sp-viewer')))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(LOG, {}, await api.key('tenant-viewer', 'alpha')))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(LOG, { after: 'garbage' }, spAdmin))).toBe('BAD_USER_INPUT');
  });
});
