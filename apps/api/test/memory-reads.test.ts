/**
 * Reads served from memory without the database: principals by credential (principal-cache.ts) and
 * licenseReport answers by version (license-report-answers.ts). Both hold only while the change
 * feed says nothing changed: a revoked key, a batch, a configuration change is seen by the next
 * request of this process, and by others once its notification arrives.
 */
import { bumpUsageVersion, openDatabase, queryRows, recordRestorePoints, schema, withScope } from '@vcc/db';
import { DATABASE_KINDS } from '@vcc/db/testing';
import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '../src/auth/api-keys.js';
import { PrincipalCache } from '../src/auth/principal-cache.js';
import { ChangeFeed } from '../src/server/change-feed.js';
import { type GraphQLResponse, startTestApi, type TestApi } from './support/test-api.js';

const MONTH = '2026-11';
/** A body no two requests share (a variable the query does not declare): never a replayed answer. */
const report = (n: number) => ({
  query: `query ($month: String!) { licenseReport(month: $month) {
    tenants { tenant { externalId } counters { counter used new rental units } } } }`,
  variables: { month: MONTH, n },
});
type Report = {
  licenseReport: {
    tenants: { tenant: { externalId: string }; counters: { counter: string; new: number }[] }[];
  };
};

const until = async (check: () => Promise<boolean>, what: string) => {
  for (let tries = 0; tries < 250; tries++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`not within 5 s: ${what}`);
};

describe.each(DATABASE_KINDS)('reads from memory on %s', (kind) => {
  let api: TestApi;
  let n = 0;
  const ask = async (key: string) => {
    const { query, variables } = report(n++);
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    expect(res.headers.get('x-answer')).toBeNull();
    return (await res.json()) as GraphQLResponse<Report>;
  };
  const figures = (answer: GraphQLResponse<Report>) => JSON.stringify(answer.data!.licenseReport.tenants);

  beforeAll(async () => {
    api = await startTestApi(kind);
    const { twoTenantScenario } = await import('../../../packages/db/test/support/two-tenants.js');
    await api.import(twoTenantScenario());
  });
  afterAll(() => api?.close());

  it('gives each reach its own answer, whatever the request looks like', async () => {
    const alpha = await ask(await api.key('tenant-viewer', 'alpha'));
    const beta = await ask(await api.key('tenant-admin', 'beta'));
    const sp = await ask(await api.key('sp-viewer'));
    expect(alpha.data!.licenseReport.tenants.map((t) => t.tenant.externalId)).toEqual(['alpha']);
    expect(beta.data!.licenseReport.tenants.map((t) => t.tenant.externalId)).toEqual(['beta']);
    expect(sp.data!.licenseReport.tenants.map((t) => t.tenant.externalId).sort()).toEqual(['alpha', 'beta']);
    // Again, through answers kept by version: the same.
    expect((await ask(await api.key('tenant-admin', 'alpha'))).data).toEqual(alpha.data);
    expect((await ask(await api.key('sp-admin'))).data).toEqual(sp.data);
  });

  it("answers with another process's batch once its notification arrives", async () => {
    const key = await api.key('tenant-viewer', 'beta');
    const before = figures(await ask(key));
    const [beta] = await queryRows<{ sp_id: string; id: string }>(
      api.database.db,
      sql`select sp_id, id from tenants where external_id = 'beta'`,
    );
    // Another process's batch: a machine first seen this month, and the stamp its batch makes.
    await withScope(api.database.db, { spId: beta!.sp_id }, async (tx) => {
      await tx.execute(sql`insert into machines (sp_id, tenant_id, external_id, kind)
                           values (${beta!.sp_id}, ${beta!.id}, 'memory-reads-vm', 'vm')`);
      const [machine] = await queryRows<{ id: string; server: string }>(
        tx,
        sql`select m.id::int as id, s.id as server from machines m, backup_servers s
             where m.external_id = 'memory-reads-vm' and s.external_id = 'beta-vbr'`,
      );
      await recordRestorePoints(tx, beta!.sp_id, [
        {
          tenantId: beta!.id,
          machineId: Number(machine!.id),
          serverId: machine!.server,
          operation: 'cloud-backup',
          at: '2026-11-06T01:00:00Z',
        },
      ]);
      await bumpUsageVersion(tx, beta!.sp_id, [beta!.id]);
    });
    await until(async () => figures(await ask(key)) !== before, 'the batch shows');
  });

  it('drops a revoked key at once in this process', async () => {
    const sp = await api.key('sp-admin');
    const victim = await api.key('sp-viewer');
    expect((await ask(victim)).errors).toBeUndefined();
    const [row] = await api.database.db
      .select({ id: schema.apiKeys.id })
      .from(schema.apiKeys)
      .where(eq(schema.apiKeys.hash, hashApiKey(victim)));
    const revoked = await api.gql(
      'mutation ($id: ID!) { revokeApiKey(id: $id) { id } }',
      { id: row!.id },
      sp,
    );
    expect(revoked.errors).toBeUndefined();
    expect((await ask(victim)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the principal cache', () => {
  let api: TestApi;
  let feed: ChangeFeed;
  let cache: PrincipalCache;
  /** A database that answers nothing: what a principal read from memory never notices. */
  let closed: Awaited<ReturnType<typeof openDatabase>>;

  beforeAll(async () => {
    api = await startTestApi('postgres');
    const { twoTenantScenario } = await import('../../../packages/db/test/support/two-tenants.js');
    await api.import(twoTenantScenario());
    feed = new ChangeFeed(pino({ level: 'silent' }));
    await feed.start(api.database);
    cache = new PrincipalCache(feed);
    closed = await openDatabase({ url: 'postgres://nobody@127.0.0.1:9/none', max: 1 });
  });
  afterAll(async () => {
    await feed?.stop();
    await closed?.close();
    await api?.close();
  });

  const bearer = (key: string) => `Bearer ${key}`;
  const revokeDirectly = (key: string) =>
    api.database.db
      .update(schema.apiKeys)
      .set({ revokedAt: new Date() })
      .where(eq(schema.apiKeys.hash, hashApiKey(key)));

  it('reuses a principal without the database, until another process revokes its key', async () => {
    const key = await api.key('tenant-viewer', 'alpha');
    const first = await cache.authenticate(api.database.db, bearer(key), api.secret);
    expect(first).toMatchObject({ kind: 'key', role: 'tenant-viewer' });
    expect(await cache.authenticate(closed.db, bearer(key), api.secret)).toEqual(first);

    await revokeDirectly(key);
    await until(async () => {
      try {
        await cache.authenticate(api.database.db, bearer(key), api.secret);
        return false;
      } catch (error) {
        return (error as Error).message === 'the API key was revoked';
      }
    }, 'the revocation is seen');
  });

  /** Waits until the feed has heard of a credential change made since `epoch`. */
  const changeHeard = (epoch: number) =>
    until(async () => feed.credentialsEpoch !== epoch, 'the notification');

  it('looks up again after a change in this process', async () => {
    const key = await api.key('sp-viewer');
    await cache.authenticate(api.database.db, bearer(key), api.secret);
    expect(await cache.authenticate(closed.db, bearer(key), api.secret)).not.toBeNull();
    feed.credentialsChanged();
    await expect(cache.authenticate(closed.db, bearer(key), api.secret)).rejects.toThrow();
  });

  it('never keeps a refusal', async () => {
    const key = await api.key('sp-viewer');
    const epoch = feed.credentialsEpoch;
    await revokeDirectly(key);
    await changeHeard(epoch);
    await expect(cache.authenticate(api.database.db, bearer(key), api.secret)).rejects.toThrow('revoked');
    const again = feed.credentialsEpoch;
    await api.database.db
      .update(schema.apiKeys)
      .set({ revokedAt: null })
      .where(eq(schema.apiKeys.hash, hashApiKey(key)));
    await changeHeard(again);
    expect(await cache.authenticate(api.database.db, bearer(key), api.secret)).toMatchObject({
      role: 'sp-viewer',
    });
  });

  it('keeps a principal no longer than its credential is valid', async () => {
    const key = await api.key('sp-viewer');
    const epoch = feed.credentialsEpoch;
    const expiresAt = new Date(Date.now() + 2_000);
    await api.database.db
      .update(schema.apiKeys)
      .set({ expiresAt })
      .where(eq(schema.apiKeys.hash, hashApiKey(key)));
    await changeHeard(epoch);
    // Looked up once, then read from memory while valid...
    expect(await cache.authenticate(api.database.db, bearer(key), api.secret)).toMatchObject({
      expiresAt: expiresAt.getTime(),
    });
    expect(await cache.authenticate(closed.db, bearer(key), api.secret)).not.toBeNull();
    // ...and looked up again once it has expired, which refuses it.
    await new Promise((r) => setTimeout(r, expiresAt.getTime() - Date.now() + 50));
    await expect(cache.authenticate(closed.db, bearer(key), api.secret)).rejects.toThrow();
    await expect(cache.authenticate(api.database.db, bearer(key), api.secret)).rejects.toThrow('expired');
  });

  it('looks every credential up while the feed is not live', async () => {
    const key = await api.key('sp-viewer');
    await cache.authenticate(api.database.db, bearer(key), api.secret);
    const offline = new PrincipalCache(undefined);
    await offline.authenticate(api.database.db, bearer(key), api.secret);
    await expect(offline.authenticate(closed.db, bearer(key), api.secret)).rejects.toThrow();
  });
});
