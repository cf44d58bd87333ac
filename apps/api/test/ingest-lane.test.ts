/**
 * The ingestion lane serves the plain `ingestRestorePoints` mutation, and only what it can serve
 * exactly as Apollo would: the same answer shape (aliases, __typename), the same idempotency (a batch
 * first sent one way replays the other way), and every failure left to Apollo, which answers it with
 * its usual error, having written nothing.
 */
import { queryRows } from '@vcc/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './support/test-api.js';

const PLAIN =
  'mutation($input: IngestRestorePointsInput!) { ingestRestorePoints(input: $input) { accepted duplicates replayed } }';
/** The same mutation through a fragment: a document the lane leaves to Apollo. */
const WITH_FRAGMENT = `mutation($input: IngestRestorePointsInput!) { ingestRestorePoints(input: $input) { ...R } }
  fragment R on IngestResult { accepted duplicates replayed }`;

const batch = (key: string, machine: string, extra: Record<string, unknown> = {}) => ({
  idempotencyKey: key,
  restorePoints: [
    {
      tenant: 'alpha',
      machine,
      machineKind: 'VM',
      server: 'alpha-vbr',
      operation: 'CLOUD_BACKUP',
      at: '2026-11-02T03:00:00Z',
      ...extra,
    },
    {
      tenant: 'alpha',
      machine,
      server: 'alpha-vbr',
      operation: 'CLOUD_BACKUP',
      at: '2026-11-03T03:00:00.500Z',
    },
  ],
});

interface Answer {
  data?: Record<string, Record<string, unknown>> | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
}

describe('the ingestion lane', () => {
  let api: TestApi;
  let key: string;
  const post = async (query: string, variables: unknown, token = key) => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return {
      lane: res.headers.get('x-ingest') === 'lane',
      status: res.status,
      body: (await res.json()) as Answer,
    };
  };
  const stored = async () =>
    (await queryRows<{ n: number }>(api.database.db, sql`select count(*)::int as n from restore_points`))[0]!
      .n;

  beforeAll(async () => {
    api = await startTestApi('postgres');
    const { twoTenantScenario } = await import('../../../packages/db/test/support/two-tenants.js');
    await api.import(twoTenantScenario());
    key = await api.key('sp-admin');
  });
  afterAll(() => api.close());

  it('serves the plain mutation, and a retry sent through Apollo replays its answer', async () => {
    const before = await stored();
    const first = await post(PLAIN, { input: batch('lane-1', 'lane-vm') });
    expect(first).toMatchObject({ lane: true, status: 200 });
    expect(first.body).toEqual({
      data: { ingestRestorePoints: { accepted: 2, duplicates: 0, replayed: false } },
    });
    expect(await stored()).toBe(before + 2);

    const again = await post(WITH_FRAGMENT, { input: batch('lane-1', 'lane-vm') });
    expect(again.lane).toBe(false);
    expect(again.body).toEqual({
      data: { ingestRestorePoints: { accepted: 2, duplicates: 0, replayed: true } },
    });
    expect(await stored()).toBe(before + 2);
  });

  it('replays through the lane what Apollo stored first', async () => {
    const first = await post(WITH_FRAGMENT, { input: batch('lane-2', 'apollo-vm') });
    expect(first.lane).toBe(false);
    expect(first.body.data!.ingestRestorePoints).toEqual({ accepted: 2, duplicates: 0, replayed: false });
    const again = await post(PLAIN, { input: batch('lane-2', 'apollo-vm') });
    expect(again.lane).toBe(true);
    expect(again.body.data!.ingestRestorePoints).toEqual({ accepted: 2, duplicates: 0, replayed: true });
  });

  it('answers aliases and __typename as Apollo does', async () => {
    const query = `mutation Send($b: IngestRestorePointsInput!) {
      sent: ingestRestorePoints(input: $b) { kind: __typename new: accepted replayed }
    }`;
    const res = await post(query, { b: batch('lane-3', 'alias-vm') });
    expect(res.lane).toBe(true);
    expect(res.body).toEqual({ data: { sent: { kind: 'IngestResult', new: 2, replayed: false } } });
  });

  it('leaves a batch it cannot decode to Apollo, whose error names the field', async () => {
    const before = await stored();
    const res = await post(PLAIN, { input: batch('lane-4', 'bad-vm', { operation: 'BACKUP' }) });
    expect(res.lane).toBe(false);
    expect(res.body.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors![0]!.message).toMatch(/operation/);
    expect(await stored()).toBe(before);
  });

  it('leaves a batch the service refuses to Apollo, with the bad path, writing nothing', async () => {
    const before = await stored();
    const res = await post(PLAIN, { input: batch('lane-5', 'lost-vm', { tenant: 'nobody' }) });
    expect(res.lane).toBe(false);
    expect(res.body.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.body.errors![0]!.extensions)).toContain('input.restorePoints[0].tenant');
    expect(await stored()).toBe(before);
    const records = await queryRows<{ n: number }>(
      api.database.db,
      sql`select count(*)::int as n from idempotency_records where key = 'lane-5'`,
    );
    expect(records[0]!.n).toBe(0);
  });

  it('leaves callers who may not write to Apollo, which refuses them', async () => {
    const viewer = await api.key('sp-viewer');
    const res = await post(PLAIN, { input: batch('lane-6', 'viewer-vm') }, viewer);
    expect(res.lane).toBe(false);
    expect(res.body.errors![0]!.extensions.code).toBe('FORBIDDEN');
    const forged = await post(PLAIN, { input: batch('lane-7', 'forged-vm') }, `${key.slice(0, -4)}AAAA`);
    expect(forged).toMatchObject({ lane: false, status: 401 });
  });

  it('leaves to Apollo what its limits or rules may refuse: many aliases, an empty operation name', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: accepted`).join(' ');
    const many = await post(
      `mutation($input: IngestRestorePointsInput!) { ingestRestorePoints(input: $input) { ${aliases} } }`,
      { input: batch('lane-9', 'alias-heavy-vm') },
    );
    expect(many.lane).toBe(false);
    expect(many.body.errors?.length).toBeGreaterThan(0);
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({
        query: PLAIN,
        operationName: '',
        variables: { input: batch('lane-10', 'nameless-vm') },
      }),
    });
    expect(res.headers.get('x-ingest')).toBeNull();
    expect(((await res.json()) as Answer).errors?.length).toBeGreaterThan(0);
  });

  it('does not serve other operations, nor a mutation with more than the batch in it', async () => {
    const two = `mutation($input: IngestRestorePointsInput!) {
      a: ingestRestorePoints(input: $input) { accepted }
      b: ingestRestorePoints(input: $input) { replayed }
    }`;
    const res = await post(two, { input: batch('lane-8', 'twice-vm') });
    expect(res.lane).toBe(false);
    expect(res.body.data).toEqual({ a: { accepted: 2 }, b: { replayed: true } });
  });
  it('leaves a usage row alone when a committed batch stored its bits already, and stores every point', async () => {
    const usageRow = async () =>
      (
        await queryRows<{ version: string; november: number }>(
          api.database.db,
          // Days are indexed by month number: November 2026 is 2026 × 12 + 10.
          // xmax is set by a lock too: it stays 0 while no batch touches the row.
          sql`select u.xmin || ':' || u.xmax as version, u.days[24322] as november from machine_usage u join machines m on m.id = u.machine_id
              where m.external_id = 'hourly-vm'`,
        )
      )[0]!;
    const hourly = (key: string, at: string, extra: Record<string, unknown> = {}) => ({
      idempotencyKey: key,
      restorePoints: [
        {
          tenant: 'alpha',
          machine: 'hourly-vm',
          machineKind: 'VM',
          server: 'alpha-vbr',
          operation: 'CLOUD_BACKUP',
          at,
          ...extra,
        },
      ],
    });
    expect((await post(PLAIN, { input: hourly('hourly-1', '2026-11-05T01:00:00Z') })).lane).toBe(true);
    const first = await usageRow();
    // An hour later, the same day: the point is stored, the usage row not even locked.
    const second = await post(PLAIN, { input: hourly('hourly-2', '2026-11-05T02:00:00Z') });
    expect(second.body.data?.ingestRestorePoints).toMatchObject({ accepted: 1 });
    expect(await usageRow()).toEqual(first);
    // A new day, or a batch a rollback undid, still reaches the row.
    await post(PLAIN, { input: hourly('hourly-3', '2026-11-06T01:00:00Z', { tenant: 'nobody' }) });
    await post(PLAIN, { input: hourly('hourly-4', '2026-11-06T01:00:00Z') });
    const third = await usageRow();
    expect(third.version).not.toBe(first.version);
    expect(third.november).toBe((1 << 4) | (1 << 5));
  });
});

describe('the ingestion lane and the rate limits', () => {
  let api: TestApi;
  let key: string;
  beforeAll(async () => {
    api = await startTestApi('pglite', { RATE_LIMIT_PER_KEY: '4' });
    const { twoTenantScenario } = await import('../../../packages/db/test/support/two-tenants.js');
    await api.import(twoTenantScenario());
    key = await api.key('sp-admin');
  });
  afterAll(() => api.close());

  it('counts every request once, including a batch it passed on to Apollo', async () => {
    const send = async (input: unknown) =>
      (
        await fetch(`${api.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify({ query: PLAIN, variables: { input } }),
        })
      ).status;
    expect(await send(batch('limit-1', 'vm', { tenant: 'nobody' }))).toBe(200); // refused by the service
    expect(await send(batch('limit-2', 'vm', { tenant: 'nobody' }))).toBe(200);
    expect(await send(batch('limit-3', 'vm'))).toBe(200);
    expect(await send(batch('limit-4', 'vm'))).toBe(200);
    expect(await send(batch('limit-5', 'vm'))).toBe(429);
  });
});
