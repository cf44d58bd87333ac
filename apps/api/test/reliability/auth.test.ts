/**
 * Authentication under attack, against the API as a child process (production mode, LOG_LEVEL=debug,
 * its stdout and stderr captured): brute-force sign-in is slowed (argon2id) and locked after five
 * failures in a row for 15 minutes, and a per-address rate limit stops a spray across accounts; a
 * revoked or expired key and a disabled user stop working at once; forged, truncated and tampered
 * keys and tokens are UNAUTHENTICATED; the audit log cannot be changed by the application role;
 * and no password, key or token used appears in the logs.
 */
import { queryRows } from '@vcc/db';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../src/auth/api-keys.js';
import { signPortalToken } from '../../src/auth/portal-tokens.js';
import { CHILD_SECRET, type ChildApi, startChildApi } from './support/child-api.js';
import { type EstateDatabase, freshDatabase, gql, makeKey, makeUser } from './support/estate.js';
import { Tally } from './support/stats.js';

const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }';
const VIEWER = '{ viewer { role } }';
const RATE_LIMIT_PER_IP = 40;
const SEED = Number(process.env.RELIABILITY_SEED ?? Date.now() % 1_000_000);

describe('authentication under attack (API as a child process, debug logs)', () => {
  let db: EstateDatabase;
  let api: ChildApi;
  let admin: string;
  /** Every secret used against the API: none may appear in its logs. */
  const secrets = new Set<string>();
  let ip = 0;
  /** A new client address per call site (the API trusts X-Forwarded-For from loopback only). */
  const from = () => ({ 'x-forwarded-for': `10.1.${Math.floor(++ip / 250)}.${ip % 250}` });

  beforeAll(async () => {
    db = await freshDatabase();
    api = await startChildApi({
      databaseUrl: db.url,
      env: { LOG_LEVEL: 'debug', RATE_LIMIT_PER_IP: String(RATE_LIMIT_PER_IP) },
    });
    admin = (await makeKey(db, 'sp-admin')).key;
    secrets.add(admin);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('slows sign-in and locks an account after five failures in a row, for 15 minutes', async () => {
    const tally = new Tally(
      'auth',
      'brute-force sign-in: 5 failures lock the account, right password refused',
    );
    const timing = new Tally('auth', 'each failed sign-in costs an argon2id verification');
    const password = 'correct horse battery staple';
    secrets.add(password);
    for (let round = 0; round < 3; round++) {
      const email = `victim${round}@acme.test`;
      await makeUser(db, email, password, 'sp-viewer');
      const ip = from();
      for (let i = 0; i < 5; i++) {
        const wrong = `wrong-${round}-${i}-Pa55word!`;
        secrets.add(wrong);
        const started = performance.now();
        const res = await gql(api.url, SIGN_IN, { e: email, p: wrong }, undefined, ip);
        const ms = performance.now() - started;
        tally.check(res.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED');
        timing.check(ms >= 10, () => `a failed sign-in took ${ms.toFixed(1)} ms`);
      }
      const locked = await gql(api.url, SIGN_IN, { e: email, p: password }, undefined, from());
      tally.check(
        locked.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED' && !locked.data?.signIn,
        () => `right password after 5 failures: ${JSON.stringify(locked)}`,
      );
      const [row] = await queryRows<{ minutes: number }>(
        db.db,
        sql`select extract(epoch from locked_until - now()) / 60 as minutes from users where email = ${email}`,
      );
      tally.check(Math.abs(Number(row!.minutes) - 15) < 1, () => `locked for ${row!.minutes} minutes`);
    }
    // A correct sign-in of an unlocked account still works, and resets its count.
    await makeUser(db, 'fine@acme.test', password, 'sp-viewer');
    const ok = await gql<{ signIn: { token: string } }>(
      api.url,
      SIGN_IN,
      { e: 'fine@acme.test', p: password },
      undefined,
      from(),
    );
    tally.check(!!ok.data?.signIn.token, () => JSON.stringify(ok));
    if (ok.data?.signIn.token) secrets.add(ok.data.signIn.token);
    tally.record();
    timing.record();
    expect(tally.failures).toEqual([]);
    expect(timing.failures).toEqual([]);
  });

  it('stops a password spray from one address with RATE_LIMITED', async () => {
    const tally = new Tally(
      'auth',
      `sign-in spray from one address: RATE_LIMITED after ${RATE_LIMIT_PER_IP}/min`,
    );
    const ip = from();
    let limited = 0;
    for (let i = 0; i < RATE_LIMIT_PER_IP + 10; i++) {
      const res = await gql(api.url, SIGN_IN, { e: `nobody${i}@acme.test`, p: 'Spring2026!' }, undefined, ip);
      const code = res.errors?.[0]?.extensions?.code;
      if (i < RATE_LIMIT_PER_IP) tally.check(code === 'UNAUTHENTICATED', () => `attempt ${i}: ${code}`);
      else {
        const ok = code === 'RATE_LIMITED' && res.status === 429;
        if (ok) limited++;
        tally.check(ok, () => `attempt ${i}: HTTP ${res.status} ${code}`);
      }
    }
    tally.record(`${limited} refused with 429`);
    expect(tally.failures).toEqual([]);
  });

  it('a revoked or expired key, and a disabled user, stop working at once', async () => {
    const tally = new Tally('auth', 'revoked/expired key or disabled user refused on the very next request');
    for (let i = 0; i < 10; i++) {
      const created = await gql<{ createApiKey: { key: string; apiKey: { id: string } } }>(
        api.url,
        'mutation($r: Role!) { createApiKey(input: { name: "short-lived", role: $r }) { key apiKey { id } } }',
        { r: i % 2 ? 'SP_VIEWER' : 'SP_ADMIN' },
        admin,
        from(),
      );
      const { key, apiKey } = created.data!.createApiKey;
      secrets.add(key);
      tally.check((await gql(api.url, VIEWER, {}, key, from())).data?.viewer !== undefined);
      const revoked = await gql(
        api.url,
        'mutation($id: ID!) { revokeApiKey(id: $id) { id } }',
        { id: apiKey.id },
        admin,
        from(),
      );
      expect(revoked.errors).toBeUndefined();
      const after = await gql(api.url, VIEWER, {}, key, from());
      tally.check(
        after.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED' && !after.data?.viewer,
        () => `revoked key ${i} still works`,
      );
    }
    for (let i = 0; i < 3; i++) {
      const expiresAt = new Date(Date.now() + 1_500);
      const created = await gql<{ createApiKey: { key: string } }>(
        api.url,
        'mutation($at: DateTime) { createApiKey(input: { name: "expiring", role: SP_VIEWER, expiresAt: $at }) { key } }',
        { at: expiresAt.toISOString() },
        admin,
        from(),
      );
      const key = created.data!.createApiKey.key;
      secrets.add(key);
      tally.check((await gql(api.url, VIEWER, {}, key, from())).data?.viewer !== undefined);
      await new Promise((r) => setTimeout(r, expiresAt.getTime() - Date.now() + 50));
      const after = await gql(api.url, VIEWER, {}, key, from());
      tally.check(
        after.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED',
        () => `expired key ${i} still works`,
      );
    }
    const password = 'a disabled user password';
    secrets.add(password);
    const userId = await makeUser(db, 'leaver@acme.test', password, 'sp-viewer');
    const token = (
      await gql<{ signIn: { token: string } }>(
        api.url,
        SIGN_IN,
        { e: 'leaver@acme.test', p: password },
        undefined,
        from(),
      )
    ).data!.signIn.token;
    secrets.add(token);
    tally.check((await gql(api.url, VIEWER, {}, token, from())).data?.viewer !== undefined);
    await gql(
      api.url,
      'mutation($id: ID!) { setUserDisabled(id: $id, disabled: true) { id } }',
      { id: userId },
      admin,
      from(),
    );
    tally.check(
      (await gql(api.url, VIEWER, {}, token, from())).errors?.[0]?.extensions?.code === 'UNAUTHENTICATED',
      () => 'disabled user still works',
    );
    tally.record();
    expect(tally.failures).toEqual([]);
  });

  it('forged, truncated and tampered keys and tokens are UNAUTHENTICATED', async () => {
    const tally = new Tally('auth', 'forged/truncated/tampered keys and tokens are UNAUTHENTICATED');
    const key = (await makeKey(db, 'sp-admin')).key;
    secrets.add(key);
    const userId = await makeUser(db, 'token@acme.test', 'token user password', 'sp-admin');
    const token = await signPortalToken(CHILD_SECRET, userId);
    secrets.add(token);
    expect((await gql(api.url, VIEWER, {}, key, from())).data?.viewer).toBeDefined();
    expect((await gql(api.url, VIEWER, {}, token, from())).data?.viewer).toBeDefined();
    const sameTokenBytes = (a: string, b: string) => {
      const [as, bs] = [a.split('.'), b.split('.')];
      return (
        as.length === bs.length &&
        as.every((segment, i) => Buffer.from(segment, 'base64url').equals(Buffer.from(bs[i]!, 'base64url')))
      );
    };
    const flip = (s: string, i: number, c: string) =>
      s.slice(0, i) + (s[i] === c ? (c === 'a' ? 'b' : 'a') : c) + s.slice(i + 1);
    const forged = fc.sample(
      fc.oneof(
        fc.nat({ max: key.length - 1 }).map((n) => key.slice(0, n)),
        fc
          .tuple(fc.nat({ max: key.length - 1 }), fc.constantFrom(...'aZ09_xQ'))
          .map(([i, c]) => flip(key, i, c)),
        // A suffix of white space alone is the same key (HTTP trims a header's ends), not a forgery.
        fc
          .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 6 })
          .filter((s) => /\S/.test(s))
          .map((s) => `${key}${s}`),
        fc.constantFrom(
          key.replace('vcc_test_', 'vcc_live_'),
          key.toUpperCase(),
          key.toLowerCase(),
          `${key} ${key}`,
        ),
        fc.constant(null).map(() => generateApiKey('test').key),
        fc.nat({ max: token.length - 1 }).map((n) => token.slice(0, n)),
        fc
          .tuple(fc.nat({ max: token.length - 1 }), fc.constantFrom(...'aZ09-_'))
          .map(([i, c]) => flip(token, i, c))
          // A segment's last character carries unused bits: a change to those alone decodes to the
          // same bytes, the same token, not a tampered one.
          .filter((t) => !sameTokenBytes(t, token)),
        fc.constant(null).map(() => 'x'.repeat(100_000)),
      ),
      { numRuns: 150, seed: SEED },
    );
    const crafted = [
      await signPortalToken('a-different-secret-that-is-long-enough-too', userId),
      await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(userId)
        .setIssuer('vcc-portal')
        .setAudience('vcc-api')
        .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
        .sign(new TextEncoder().encode(CHILD_SECRET)),
      await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(userId)
        .setIssuer('someone-else')
        .setAudience('vcc-api')
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(CHILD_SECRET)),
      `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: userId, iss: 'vcc-portal', aud: 'vcc-api', exp: 9e9 })).toString('base64url')}.`,
      `${token.split('.')[0]}.${Buffer.from(JSON.stringify({ sub: userId, iss: 'vcc-portal', aud: 'vcc-api', exp: 9e9 })).toString('base64url')}.${token.split('.')[2]}`,
    ];
    for (const candidate of [...forged, ...crafted]) {
      if (candidate === key || candidate === token) continue;
      const res = await gql(api.url, VIEWER, {}, candidate, from());
      // A header over Node's 16 KB limit is refused by the HTTP parser itself (431), before any code runs.
      const refused =
        (res.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED' && !res.data?.viewer && res.status < 500) ||
        (candidate.length > 16_000 && res.status === 431);
      tally.check(
        refused,
        () =>
          `${candidate.slice(0, 60)}…: HTTP ${res.status} ${String(JSON.stringify(res.errors ?? res.data ?? res.raw)).slice(0, 120)}`,
      );
    }
    for (const header of [
      'Basic YWRtaW46YWRtaW4=',
      'Bearer',
      'Bearer  ',
      `Token ${key}`,
      `Bearer ${key} extra`,
      'vcc_test_',
    ]) {
      const res = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: header, ...from() },
        body: JSON.stringify({ query: VIEWER }),
      });
      const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
      tally.check(
        body.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED' && res.status < 500,
        () => `${header.slice(0, 30)}: ${res.status}`,
      );
    }
    tally.record(`seed ${SEED}`);
    expect(tally.failures).toEqual([]);
  });

  it('the application role cannot change or delete the audit log', async () => {
    const tally = new Tally('auth', 'UPDATE/DELETE/TRUNCATE of audit_log as vcc_app refused');
    const [before] = await queryRows<{ n: number; digest: string }>(
      db.db,
      sql`select count(*)::int as n, md5(string_agg(a::text, '' order by id)) as digest from audit_log a`,
    );
    expect(Number(before!.n)).toBeGreaterThan(0);
    const [{ id: spId }] = (await queryRows<{ id: string }>(
      db.db,
      sql`select id from service_providers`,
    )) as [{ id: string }];
    const [{ id: tenantId }] = (await queryRows<{ id: string }>(
      db.db,
      sql`select id from tenants limit 1`,
    )) as [{ id: string }];
    const statements = [
      sql`update audit_log set actor = 'nobody'`,
      sql`update audit_log set details = '{}'::jsonb where true`,
      sql`delete from audit_log`,
      sql`delete from audit_log where action like 'api-key%'`,
      sql`truncate audit_log`,
      sql`alter table audit_log disable trigger all`,
      sql`drop trigger audit_log_append_only on audit_log`,
      sql`alter table audit_log no force row level security`,
    ];
    for (const scope of [
      { sp: spId, kind: 'sp', tenant: '' },
      { sp: spId, kind: 'tenant', tenant: tenantId },
    ]) {
      for (const statement of statements) {
        let refused = false;
        try {
          await db.db.transaction(async (tx) => {
            await tx.execute(sql`select set_config('app.sp_id', ${scope.sp}, true), set_config('app.scope', ${scope.kind}, true),
              set_config('app.tenant_id', ${scope.tenant}, true), set_config('role', 'vcc_app', true)`);
            await tx.execute(statement);
          });
        } catch {
          refused = true;
        }
        tally.check(
          refused,
          () => `${scope.kind} scope could run ${statement.queryChunks.map(String).join('').slice(0, 60)}`,
        );
      }
    }
    const [after] = await queryRows<{ n: number; digest: string }>(
      db.db,
      sql`select count(*)::int as n, md5(string_agg(a::text, '' order by id)) as digest from audit_log a`,
    );
    tally.check(after!.digest === before!.digest && after!.n === before!.n, () => 'the audit log changed');
    tally.record();
    expect(tally.failures).toEqual([]);
  });

  it('no password, key or token used appears in the logs, even at debug level', async () => {
    const tally = new Tally('auth', 'secrets used (passwords, keys, tokens) absent from debug logs');
    // A malformed body with a password in it, and a created login's one-time password.
    await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...from() },
      body: '{"query": "mutation { signIn(email: \\"a@b.c\\", password: \\"hunter2-in-a-broken-body\\") { token } }"',
    });
    secrets.add('hunter2-in-a-broken-body');
    const created = await gql<{ createUser: { oneTimePassword: string } }>(
      api.url,
      'mutation { createUser(input: { email: "new@acme.test", role: SP_VIEWER }) { oneTimePassword } }',
      {},
      admin,
      from(),
    );
    if (created.data?.createUser.oneTimePassword) secrets.add(created.data.createUser.oneTimePassword);
    await new Promise((r) => setTimeout(r, 300));
    const logs = api.logs();
    expect(logs).toContain('API listening');
    for (const secret of secrets) {
      // The key's hash-free middle part would be enough to use it: search for it too.
      const probes = secret.startsWith('vcc_') ? [secret, secret.slice(9, 31)] : [secret];
      for (const probe of probes)
        tally.check(!logs.includes(probe), () => `the logs hold ${probe.slice(0, 12)}…`);
    }
    tally.record(`${secrets.size} secrets, ${Math.round(logs.length / 1024)} KB of logs`);
    expect(tally.failures).toEqual([]);
  });
});
