/**
 * Portal logins through the API: created with a one-time password shown once, disabled at once; the
 * same role rules as API keys; an address used twice is CONFLICT.
 */
import { DATABASE_KINDS } from '@vcc/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twoTenantScenario } from '../../../packages/db/test/support/two-tenants.js';
import { codeOf, expectBadInput, lastAudit, snapshot } from './support/admin-support.js';
import { startTestApi, type TestApi } from './support/test-api.js';

const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) {
  oneTimePassword user { id email role tenant { externalId } disabled disabledAt createdAt } } }`;
const DISABLE = 'mutation($id: ID!, $d: Boolean!) { setUserDisabled(id: $id, disabled: $d) { id disabled } }';
const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }';
const LIST = '{ users(first: 100) { edges { node { email tenant { externalId } } } } }';

type Created = { createUser: { oneTimePassword: string; user: { id: string; email: string } } };

describe.each(DATABASE_KINDS)('users (%s)', (kind) => {
  let api: TestApi;
  let spAdmin: string;
  let spViewer: string;
  let alphaAdmin: string;
  beforeAll(async () => {
    api = await startTestApi(kind);
    await api.import(twoTenantScenario());
    spAdmin = await api.key('sp-admin');
    spViewer = await api.key('sp-viewer');
    alphaAdmin = await api.key('tenant-admin', 'alpha');
  });
  afterAll(() => api.close());

  it('creates a login whose one-time password signs in, audited', async () => {
    const before = await snapshot(api);
    const res = await api.gql<Created>(
      CREATE,
      { input: { email: ' Bea@Beta.test ', role: 'TENANT_ADMIN', tenantExternalId: 'beta' } },
      spAdmin,
    );
    expect(res.errors).toBeUndefined();
    const { oneTimePassword, user } = res.data!.createUser;
    expect(user).toMatchObject({
      email: 'bea@beta.test',
      role: 'TENANT_ADMIN',
      tenant: { externalId: 'beta' },
      disabled: false,
    });
    const signIn = await api.gql<{ signIn: { token: string } }>(SIGN_IN, {
      e: 'bea@beta.test',
      p: oneTimePassword,
    });
    expect(signIn.data?.signIn.token).toBeTruthy();
    const after = await snapshot(api);
    expect(after.users).toBe(before.users! + 1);
    expect(await lastAudit(api, 'user.create')).toMatchObject({ subject: `user:${user.id}` });
  });

  it('answers an address already used with CONFLICT, and bad input with its path', async () => {
    const before = await snapshot(api);
    const again = { email: 'bea@beta.test', role: 'SP_VIEWER' };
    expect(codeOf(await api.gql(CREATE, { input: again }, spAdmin))).toBe('CONFLICT');
    expectBadInput(
      await api.gql(CREATE, { input: { email: 'nobody', role: 'SP_VIEWER' } }, spAdmin),
      'input.email',
    );
    expectBadInput(
      await api.gql(
        CREATE,
        { input: { email: 'sp@acme.test', role: 'SP_VIEWER', tenantExternalId: 'alpha' } },
        spAdmin,
      ),
      'input.tenantExternalId',
    );
    expect(await snapshot(api)).toEqual(before);
  });

  it('lets a tenant admin create logins for its own tenant only, with tenant roles only', async () => {
    const own = await api.gql<Created>(
      CREATE,
      { input: { email: 'al@alpha.test', role: 'TENANT_VIEWER' } },
      alphaAdmin,
    );
    expect(own.data?.createUser.user).toMatchObject({ email: 'al@alpha.test' });
    const before = await snapshot(api);
    const other = { email: 'b2@beta.test', role: 'TENANT_VIEWER', tenantExternalId: 'beta' };
    expect(codeOf(await api.gql(CREATE, { input: other }, alphaAdmin))).toBe('FORBIDDEN');
    expect(
      codeOf(await api.gql(CREATE, { input: { email: 'up@alpha.test', role: 'SP_ADMIN' } }, alphaAdmin)),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(await api.gql(CREATE, { input: { email: 'v@acme.test', role: 'SP_VIEWER' } }, spViewer)),
    ).toBe('FORBIDDEN');
    expect(await snapshot(api)).toEqual(before);
  });

  it('lists every login to the SP admin and its tenant’s to a tenant admin', async () => {
    type Listed = { users: { edges: { node: { email: string; tenant: { externalId: string } | null } }[] } };
    const all = await api.gql<Listed>(LIST, {}, spAdmin);
    expect(all.data!.users.edges.map((e) => e.node.email)).toEqual(['al@alpha.test', 'bea@beta.test']);
    const alpha = await api.gql<Listed>(LIST, {}, alphaAdmin);
    expect(alpha.data!.users.edges.map((e) => e.node.email)).toEqual(['al@alpha.test']);
    expect(codeOf(await api.gql(LIST, {}, spViewer))).toBe('FORBIDDEN');
  });

  it('disables a login at once; a tenant admin cannot reach another tenant’s', async () => {
    const created = await api.gql<Created>(
      CREATE,
      { input: { email: 'cy@beta.test', role: 'TENANT_VIEWER', tenantExternalId: 'beta' } },
      spAdmin,
    );
    const { user, oneTimePassword } = created.data!.createUser;
    const token = (
      await api.gql<{ signIn: { token: string } }>(SIGN_IN, { e: user.email, p: oneTimePassword })
    ).data!.signIn.token;
    const VIEWER = '{ viewer { role } }';
    expect(codeOf(await api.gql(VIEWER, {}, token))).toBeUndefined();

    const before = await snapshot(api);
    expect(codeOf(await api.gql(DISABLE, { id: user.id, d: true }, alphaAdmin))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(DISABLE, { id: user.id, d: true }, spViewer))).toBe('FORBIDDEN');
    expect(await snapshot(api)).toEqual(before);

    const off = await api.gql(DISABLE, { id: user.id, d: true }, spAdmin);
    expect(off.data).toEqual({ setUserDisabled: { id: user.id, disabled: true } });
    expect(codeOf(await api.gql(VIEWER, {}, token))).toBe('UNAUTHENTICATED');
    expect(await lastAudit(api, 'user.disable')).toMatchObject({ subject: `user:${user.id}` });
    const on = await api.gql(DISABLE, { id: user.id, d: false }, spAdmin);
    expect(on.data).toEqual({ setUserDisabled: { id: user.id, disabled: false } });
    expect(codeOf(await api.gql(VIEWER, {}, token))).toBeUndefined();
  });
});
