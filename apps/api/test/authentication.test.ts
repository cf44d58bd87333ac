import { schema } from '@vcc/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/users/create-user.js';
import { startTestApi, type TestApi } from './support/test-api.js';

const VIEWER = '{ viewer { role tenant { externalId } } }';

describe('authentication', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('postgres');
    const { twoTenantScenario } = await import('../../../packages/db/test/support/two-tenants.js');
    await api.import(twoTenantScenario());
    const [sp] = await api.database.db.select().from(schema.serviceProviders);
    const [alpha] = await api.database.db
      .select()
      .from(schema.tenants)
      .where(eq(schema.tenants.externalId, 'alpha'));
    await createUser(api.database.db, {
      spId: sp!.id,
      tenantId: alpha!.id,
      email: 'Ann@Alpha.test',
      role: 'tenant-admin',
      password: 'correct horse battery',
      actor: 'test',
    });
  });
  afterAll(() => api.close());

  it('answers anonymous, forged, truncated and unknown keys with UNAUTHENTICATED', async () => {
    const key = await api.key('sp-admin');
    for (const token of [
      undefined,
      'vcc_test_forged',
      key.slice(0, -1),
      `${key.slice(0, -1)}x`,
      'not-a-jwt',
    ]) {
      const res = await api.gql(VIEWER, {}, token);
      expect(res.errors?.[0]?.extensions?.code, String(token)).toBe('UNAUTHENTICATED');
      expect(res.data ?? null).toBeNull();
    }
  });

  it('stops a key revoked or expired elsewhere as soon as the change is announced', async () => {
    const key = await api.key('sp-viewer');
    expect((await api.gql(VIEWER, {}, key)).data).toEqual({ viewer: { role: 'SP_VIEWER', tenant: null } });
    // Written straight into the database, as another process would: the API hears of it by NOTIFY.
    await api.database.db.update(schema.apiKeys).set({ revokedAt: new Date() });
    let code: unknown;
    for (let tries = 0; code !== 'UNAUTHENTICATED' && tries < 100; tries++) {
      await new Promise((r) => setTimeout(r, 20));
      code = (await api.gql(VIEWER, {}, key)).errors?.[0]?.extensions?.code;
    }
    expect(code).toBe('UNAUTHENTICATED');
    const other = await api.key('sp-viewer');
    await api.database.db.update(schema.apiKeys).set({ expiresAt: new Date(Date.now() - 1000) });
    expect((await api.gql(VIEWER, {}, other)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('signs a user in with a token the API accepts, with one message for every failure', async () => {
    const SIGN_IN =
      'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token user { email role tenant { externalId } } } }';
    const ok = await api.gql<{ signIn: { token: string; user: unknown } }>(SIGN_IN, {
      e: 'ann@alpha.test',
      p: 'correct horse battery',
    });
    expect(ok.data?.signIn.user).toEqual({
      email: 'ann@alpha.test',
      role: 'TENANT_ADMIN',
      tenant: { externalId: 'alpha' },
    });
    const me = await api.gql(VIEWER, {}, ok.data!.signIn.token);
    expect(me.data).toEqual({ viewer: { role: 'TENANT_ADMIN', tenant: { externalId: 'alpha' } } });
    const wrong = await api.gql(SIGN_IN, { e: 'ann@alpha.test', p: 'wrong' });
    const unknown = await api.gql(SIGN_IN, { e: 'nobody@alpha.test', p: 'wrong' });
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
  });

  it('locks an account after five failed sign-ins in a row, even for the right password', async () => {
    const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }';
    for (let i = 0; i < 5; i++) await api.gql(SIGN_IN, { e: 'ann@alpha.test', p: `wrong-${i}` });
    const locked = await api.gql(SIGN_IN, { e: 'ann@alpha.test', p: 'correct horse battery' });
    expect(locked.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('never sends a stack trace, in development either', async () => {
    const development = await startTestApi('postgres', { NODE_ENV: 'development' });
    try {
      const { twoTenantScenario } = await import('../../../packages/db/test/support/two-tenants.js');
      await development.import(twoTenantScenario());
      for (const target of [api, development]) {
        const refused = await target.gql('mutation { signInWithIdToken(idToken: "x") { token } }');
        expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        const bad = await target.gql(
          '{ licenseReport(month: "2026-13") { month } }',
          {},
          await target.key('sp-admin'),
        );
        expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        for (const res of [refused, bad]) expect(JSON.stringify(res)).not.toMatch(/stacktrace|\.ts:\d+/);
      }
    } finally {
      await development.close();
    }
  });
});
