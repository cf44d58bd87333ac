import { schema } from '@vcc/db';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdentityProvider } from '../src/auth/identity-provider.js';
import { signInWithIdToken } from '../src/auth/identity-sign-in.js';
import { createUser } from '../src/users/create-user.js';
import { startTestApi, type TestApi } from './support/test-api.js';
import { startTestIssuer, type TestIssuer } from './support/test-issuer.js';

const CLIENT_ID = 'vcc-portal';
const SIGN_IN = `mutation($t: String!, $a: String) { signInWithIdToken(idToken: $t, accessToken: $a) {
  token user { email role tenant { externalId } } } }`;
const VIEWER = '{ viewer { role tenant { externalId } } }';
const FAILED = 'sign-in with the identity provider failed';
const silent = pino({ level: 'silent' });

describe('sign-in with an OpenID Connect ID token', () => {
  let issuer: TestIssuer;
  let api: TestApi;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    api = await startTestApi('postgres', { OIDC_ISSUER: issuer.issuer, OIDC_CLIENT_ID: CLIENT_ID });
    const { twoTenantScenario } = await import('../../../packages/db/test/support/two-tenants.js');
    await api.import(twoTenantScenario());
    const db = api.database.db;
    const [sp] = await db.select().from(schema.serviceProviders);
    const tenantId = async (externalId: string) =>
      (await db.select().from(schema.tenants).where(eq(schema.tenants.externalId, externalId)))[0]!.id;
    const users = [
      { email: 'ann@alpha.test', role: 'tenant-admin', tenantId: await tenantId('alpha') },
      { email: 'bob@beta.test', role: 'tenant-viewer', tenantId: await tenantId('beta') },
      { email: 'sam@acme.test', role: 'sp-admin', tenantId: null },
      { email: 'dan@alpha.test', role: 'tenant-viewer', tenantId: await tenantId('alpha') },
    ] as const;
    for (const user of users)
      await createUser(db, { ...user, spId: sp!.id, password: 'a password nobody types', actor: 'test' });
    await db
      .update(schema.users)
      .set({ disabledAt: new Date() })
      .where(eq(schema.users.email, 'dan@alpha.test'));
  });
  afterAll(async () => {
    await api?.close();
    await issuer?.close();
  });

  const signIn = async (token: string, accessToken?: string) =>
    api.gql<{ signInWithIdToken: { token: string; user: unknown } }>(SIGN_IN, { t: token, a: accessToken });

  it('signs in the user whose verified address the token carries, with a token the API accepts', async () => {
    const answer = await signIn(await issuer.idToken(CLIENT_ID, { email: 'Ann@Alpha.test' }));
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.signInWithIdToken.user).toEqual({
      email: 'ann@alpha.test',
      role: 'TENANT_ADMIN',
      tenant: { externalId: 'alpha' },
    });
    const me = await api.gql(VIEWER, {}, answer.data!.signInWithIdToken.token);
    expect(me.data).toEqual({ viewer: { role: 'TENANT_ADMIN', tenant: { externalId: 'alpha' } } });

    const shared = await signIn(
      await issuer.idToken([CLIENT_ID, 'another-client'], { email: 'ann@alpha.test', azp: CLIENT_ID }),
    );
    expect(shared.errors).toBeUndefined();

    const staff = await signIn(await issuer.idToken(CLIENT_ID, { email: 'sam@acme.test' }));
    expect(staff.data?.signInWithIdToken.user).toEqual({
      email: 'sam@acme.test',
      role: 'SP_ADMIN',
      tenant: null,
    });
  });

  it('refuses every token it cannot trust, or whose address is no enabled user, with one message', async () => {
    const now = Math.floor(Date.now() / 1000);
    const refused = {
      'another audience': await issuer.idToken('another-client', { email: 'ann@alpha.test' }),
      'another issuer': await issuer.idToken(CLIENT_ID, {
        email: 'ann@alpha.test',
        iss: 'https://evil.test',
      }),
      'a key the issuer does not publish': await issuer.idToken(
        CLIENT_ID,
        { email: 'ann@alpha.test' },
        { foreignKey: true },
      ),
      expired: await issuer.idToken(CLIENT_ID, { email: 'ann@alpha.test', iat: now - 900, exp: now - 60 }),
      'issued too long ago': await issuer.idToken(CLIENT_ID, {
        email: 'ann@alpha.test',
        iat: now - 15 * 60,
        exp: now + 3600,
      }),
      'an unverified address': await issuer.idToken(CLIENT_ID, {
        email: 'ann@alpha.test',
        email_verified: false,
      }),
      'no address': await issuer.idToken(CLIENT_ID, {}),
      'several audiences, issued to another': await issuer.idToken([CLIENT_ID, 'another-client'], {
        email: 'ann@alpha.test',
        azp: 'another-client',
      }),
      'an unknown address': await issuer.idToken(CLIENT_ID, { email: 'nobody@alpha.test' }),
      'a disabled user': await issuer.idToken(CLIENT_ID, { email: 'dan@alpha.test' }),
      'not a token': 'not.a.token',
    };
    for (const [why, token] of Object.entries(refused)) {
      const answer = await signIn(token);
      expect(answer.data ?? null, why).toBeNull();
      expect(answer.errors?.[0]?.extensions?.code, why).toBe('UNAUTHENTICATED');
      expect(answer.errors?.[0]?.message, why).toBe(FAILED);
    }
  });

  it('reads the address at userinfo when the ID token lacks it, for the same subject only', async () => {
    const idToken = await issuer.idToken(CLIENT_ID, { sub: 'ann-at-idp' });
    const viaUserinfo = await signIn(
      idToken,
      issuer.accessToken({ sub: 'ann-at-idp', email: 'ann@alpha.test', email_verified: true }),
    );
    expect(viaUserinfo.data?.signInWithIdToken.user).toMatchObject({ email: 'ann@alpha.test' });

    for (const [why, claims] of Object.entries({
      'another subject': { sub: 'someone-else', email: 'ann@alpha.test', email_verified: true },
      'an unverified address': { sub: 'ann-at-idp', email: 'ann@alpha.test', email_verified: false },
    })) {
      const answer = await signIn(idToken, issuer.accessToken(claims));
      expect(answer.errors?.[0]?.message, why).toBe(FAILED);
    }
    expect((await signIn(idToken, 'an-access-token-the-provider-never-issued')).errors?.[0]?.message).toBe(
      FAILED,
    );
    expect((await signIn(idToken)).errors?.[0]?.message).toBe(FAILED);
  });

  it("lets a tenant's provider sign in that tenant's users only", async () => {
    const { db } = api.database;
    const alphaProvider = new IdentityProvider(
      issuer.issuer,
      CLIENT_ID,
      { sp: 'acme', tenant: 'alpha' },
      silent,
    );
    const signInThrough = async (provider: IdentityProvider, email: string) =>
      signInWithIdToken(
        db,
        api.secret,
        provider,
        { idToken: await issuer.idToken(CLIENT_ID, { email }) },
        silent,
      );

    expect((await signInThrough(alphaProvider, 'ann@alpha.test')).user.tenant).toEqual({
      externalId: 'alpha',
      name: expect.any(String),
    });
    await expect(signInThrough(alphaProvider, 'bob@beta.test')).rejects.toThrow(FAILED);
    await expect(signInThrough(alphaProvider, 'sam@acme.test')).rejects.toThrow(FAILED);
    const otherSp = new IdentityProvider(issuer.issuer, CLIENT_ID, { sp: 'other', tenant: 'alpha' }, silent);
    await expect(signInThrough(otherSp, 'ann@alpha.test')).rejects.toThrow(FAILED);
  });

  it('refuses while the provider cannot be reached, and looks again on the next sign-in', async () => {
    const token = { idToken: await issuer.idToken(CLIENT_ID, { email: 'ann@alpha.test' }) };
    const unreachable = new IdentityProvider('http://127.0.0.1:9', CLIENT_ID, null, silent);
    await expect(signInWithIdToken(api.database.db, api.secret, unreachable, token, silent)).rejects.toThrow(
      FAILED,
    );

    const provider = new IdentityProvider(issuer.issuer, CLIENT_ID, null, silent);
    issuer.setDown(true);
    try {
      await expect(signInWithIdToken(api.database.db, api.secret, provider, token, silent)).rejects.toThrow(
        FAILED,
      );
    } finally {
      issuer.setDown(false);
    }
    const answer = await signInWithIdToken(api.database.db, api.secret, provider, token, silent);
    expect(answer.user.email).toBe('ann@alpha.test');
  });

  it('says so when no provider is configured', async () => {
    const plain = await startTestApi('postgres');
    try {
      const answer = await plain.gql(SIGN_IN, {
        t: await issuer.idToken(CLIENT_ID, { email: 'ann@alpha.test' }),
      });
      expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(answer.errors?.[0]?.message).toBe('sign-in with an identity provider is not configured');
    } finally {
      await plain.close();
    }
  });
});
