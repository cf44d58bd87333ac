/**
 * Answers replayed from memory are never stale and never cross credentials: an ingestion, a revoked
 * key or an expired one is seen by the very next request, and each caller gets only its own answer.
 */
import { bumpUsageVersion, queryRows, withScope } from '@vcc/db';
import { DATABASE_KINDS } from '@vcc/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '../src/auth/api-keys.js';
import { startTestApi, type TestApi } from './support/test-api.js';

const REPORT = /* GraphQL */ `
  query Report($month: String!) {
    licenseReport(month: $month) { tenants { tenant { externalId } counters { counter used new rental } } }
  }`;
const INGEST = /* GraphQL */ `
  mutation Ingest($input: IngestRestorePointsInput!) { ingestRestorePoints(input: $input) { accepted } }`;
const REVOKE = /* GraphQL */ `mutation Revoke($id: ID!) { revokeApiKey(id: $id) { id } }`;
const PLAN = /* GraphQL */ `
  mutation Plan($id: String!, $plan: PlanInput!) { updateTenantPlan(externalId: $id, plan: $plan) { plan { vms } } }`;
const MONTH = '2026-11';

/** One POST /graphql, with whether its answer was replayed from memory. */
async function postTo(api: TestApi, query: string, variables: Record<string, unknown>, key: string) {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as {
    data?: Record<string, unknown>;
    errors?: { extensions?: { code?: string } }[];
  };
  return { status: res.status, replayed: res.headers.get('x-answer') === 'replayed', body };
}

describe.each(DATABASE_KINDS)('the answer cache on %s', (kind) => {
  let api: TestApi;
  const post = (query: string, variables: Record<string, unknown>, key: string) =>
    postTo(api, query, variables, key);

  const newVms = (body: { data?: Record<string, unknown> }) =>
    (
      body.data as { licenseReport: { tenants: { counters: { counter: string; new: number }[] }[] } }
    ).licenseReport.tenants[0]!.counters.find((c) => c.counter === 'VM_BACKUP')!.new;

  beforeAll(async () => {
    api = await startTestApi(kind);
    const { twoTenantScenario } = await import('../../../packages/db/test/support/two-tenants.js');
    await api.import(twoTenantScenario());
  });
  afterAll(() => api.close());

  it('replays a repeated report query, and answers anew once the estate changed', async () => {
    const key = await api.key('tenant-admin', 'alpha');
    const first = await post(REPORT, { month: MONTH }, key);
    expect(first.body.errors).toBeUndefined();
    expect(first.replayed).toBe(false);
    const second = await post(REPORT, { month: MONTH }, key);
    expect(second.replayed).toBe(true);
    expect(second.body).toEqual(first.body);

    const ingested = await post(
      INGEST,
      {
        input: {
          idempotencyKey: 'answer-cache-1',
          restorePoints: [
            {
              tenant: 'alpha',
              machine: 'fresh-vm',
              machineKind: 'VM',
              server: 'alpha-vbr',
              operation: 'CLOUD_BACKUP',
              at: '2026-11-03T01:00:00Z',
            },
          ],
        },
      },
      key,
    );
    expect(ingested.body.errors).toBeUndefined();
    const after = await post(REPORT, { month: MONTH }, key);
    expect(after.replayed).toBe(false);
    expect(newVms(after.body)).toBe(newVms(first.body) + 1);
  });

  it('replays a tenant’s answer through other tenants’ batches, not past its own or a change to the configuration', async () => {
    const sp = await api.key('sp-admin');
    const beta = await api.key('tenant-viewer', 'beta');
    const ingestFor = (tenant: string) =>
      post(
        INGEST,
        {
          input: {
            idempotencyKey: `replay-${tenant}-${Date.now()}`,
            restorePoints: [
              {
                tenant,
                machine: `replay-${tenant}-vm`,
                machineKind: 'VM',
                server: `${tenant}-vbr`,
                operation: 'CLOUD_BACKUP',
                at: '2026-11-06T01:00:00Z',
              },
            ],
          },
        },
        sp,
      );
    const before = await post(REPORT, { month: MONTH }, beta);
    expect((await post(REPORT, { month: MONTH }, beta)).replayed).toBe(true);
    expect((await ingestFor('alpha')).body.errors).toBeUndefined();
    expect((await post(REPORT, { month: MONTH }, beta)).replayed).toBe(true);

    expect((await ingestFor('beta')).body.errors).toBeUndefined();
    const afterOwn = await post(REPORT, { month: MONTH }, beta);
    expect(afterOwn.replayed).toBe(false);
    expect(afterOwn.body).not.toEqual(before.body);
    expect((await post(REPORT, { month: MONTH }, beta)).replayed).toBe(true);

    const plan = { vmBackup: 5, vmReplica: 1, server: 1, workstation: 0, vms: 0 };
    expect((await post(PLAN, { id: 'alpha', plan }, sp)).body.errors).toBeUndefined();
    expect((await post(REPORT, { month: MONTH }, beta)).replayed).toBe(false);
  });

  it('learns of another process’s batch from its notification', async () => {
    const beta = await api.key('tenant-viewer', 'beta');
    await post(REPORT, { month: MONTH }, beta);
    expect((await post(REPORT, { month: MONTH }, beta)).replayed).toBe(true);
    // What another process's batch writes for beta, straight into the database.
    const [row] = await queryRows<{ sp_id: string; id: string }>(
      api.database.db,
      sql`select sp_id, id from tenants where external_id = 'beta'`,
    );
    await withScope(api.database.db, { spId: row!.sp_id }, (tx) =>
      bumpUsageVersion(tx, row!.sp_id, [row!.id]),
    );
    let replayed = true;
    for (let tries = 0; replayed && tries < 100; tries++) {
      await new Promise((r) => setTimeout(r, 20));
      replayed = (await post(REPORT, { month: MONTH }, beta)).replayed;
    }
    expect(replayed).toBe(false);
  });

  it('gives each credential its own answer', async () => {
    const alpha = await api.key('tenant-viewer', 'alpha');
    const beta = await api.key('tenant-viewer', 'beta');
    await post(REPORT, { month: MONTH }, alpha);
    expect((await post(REPORT, { month: MONTH }, alpha)).replayed).toBe(true);
    const forBeta = await post(REPORT, { month: MONTH }, beta);
    expect(forBeta.replayed).toBe(false);
    const tenants = (
      forBeta.body.data as { licenseReport: { tenants: { tenant: { externalId: string } }[] } }
    ).licenseReport.tenants;
    expect(tenants.map((t) => t.tenant.externalId)).toEqual(['beta']);
  });

  it('answers identical requests that arrive together once, and replays that answer to the rest', async () => {
    const key = await api.key('sp-viewer');
    // A month no request has asked for yet: the first request computes its report.
    const requests = Array.from({ length: 8 }, () => post(REPORT, { month: '2026-10' }, key));
    const answers = await Promise.all(requests);
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
    for (const answer of answers) expect(answer.body).toEqual(answers[0]!.body);
    expect(answers[0]!.body.errors).toBeUndefined();
  });

  it('refuses a key at once when it is revoked, even for an answer it had', async () => {
    const admin = await api.key('sp-admin');
    const key = await api.key('tenant-viewer', 'alpha');
    await post(REPORT, { month: MONTH }, key);
    expect((await post(REPORT, { month: MONTH }, key)).replayed).toBe(true);
    const [record] = await queryRows<{ id: string }>(
      api.database.db,
      sql`select id from api_keys where hash = ${hashApiKey(key)}`,
    );
    const id = record!.id;
    expect((await post(REVOKE, { id }, admin)).body.errors).toBeUndefined();
    const refused = await post(REPORT, { month: MONTH }, key);
    expect(refused.replayed).toBe(false);
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('never replays a mutation or an answer with errors', async () => {
    const key = await api.key('tenant-admin', 'alpha');
    const input = {
      idempotencyKey: 'answer-cache-2',
      restorePoints: [
        {
          tenant: 'alpha',
          machine: 'other-vm',
          machineKind: 'VM',
          server: 'alpha-vbr',
          operation: 'CLOUD_BACKUP',
          at: '2026-11-04T01:00:00Z',
        },
      ],
    };
    await post(INGEST, { input }, key);
    expect((await post(INGEST, { input }, key)).replayed).toBe(false);
    const bad = { month: '2026-13' };
    expect((await post(REPORT, bad, key)).body.errors).toBeDefined();
    const again = await post(REPORT, bad, key);
    expect(again.replayed).toBe(false);
    expect(again.body.errors).toBeDefined();
  });

  it('stops replaying when the key expires', async () => {
    const { createApiKey } = await import('../src/keys/create-api-key.js');
    const [sp] = await queryRows<{ id: string }>(api.database.db, sql`select id from service_providers`);
    const created = await createApiKey(api.database.db, {
      spId: sp!.id,
      tenantId: null,
      role: 'sp-viewer',
      name: 'short-lived',
      expiresAt: new Date(Date.now() + 1500),
      env: 'test',
      actor: 'test',
    });
    await post(REPORT, { month: MONTH }, created.key);
    expect((await post(REPORT, { month: MONTH }, created.key)).replayed).toBe(true);
    await new Promise((r) => setTimeout(r, 1600));
    const late = await post(REPORT, { month: MONTH }, created.key);
    expect(late.replayed).toBe(false);
    expect(late.status).toBe(401);
  });
});

// PGlite runs in-process: its notifications cannot be lost.
describe('the answer cache on postgres, when its listening connection drops', () => {
  let api: TestApi;
  const post = (query: string, variables: Record<string, unknown>, key: string) =>
    postTo(api, query, variables, key);
  beforeAll(async () => {
    api = await startTestApi('postgres');
    const { twoTenantScenario } = await import('../../../packages/db/test/support/two-tenants.js');
    await api.import(twoTenantScenario());
  });
  afterAll(() => api.close());

  it('forgets what it knew when its listening connection is re-established', async () => {
    const key = await api.key('tenant-viewer', 'alpha');
    await post(REPORT, { month: MONTH }, key);
    expect((await post(REPORT, { month: MONTH }, key)).replayed).toBe(true);
    // Notifications sent while the connection was down are lost: nothing known may be trusted after.
    await queryRows(
      api.database.db,
      sql`select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'listen %' and pid <> pg_backend_pid()`,
    );
    let replayed = true;
    for (let tries = 0; replayed && tries < 100; tries++) {
      await new Promise((r) => setTimeout(r, 50));
      replayed = (await post(REPORT, { month: MONTH }, key)).replayed;
    }
    expect(replayed).toBe(false);
    // Once listening again (the reconnection may take a while on a busy machine), answers are
    // remembered and replayed anew.
    for (let tries = 0; !replayed && tries < 100; tries++) {
      await new Promise((r) => setTimeout(r, 50));
      replayed = (await post(REPORT, { month: MONTH }, key)).replayed;
    }
    expect(replayed).toBe(true);
  });
});

describe('replayed answers and the limits of the HTTP layer', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('pglite', { RATE_LIMIT_PER_KEY: '4' });
    const { twoTenantScenario } = await import('../../../packages/db/test/support/two-tenants.js');
    await api.import(twoTenantScenario());
  });
  afterAll(() => api.close());

  it('counts replayed requests against the caller’s rate limit', async () => {
    const key = await api.key('tenant-viewer', 'alpha');
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await postTo(api, REPORT, { month: MONTH }, key));
    expect(answers.slice(0, 4).map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(answers.slice(1, 4).every((a) => a.replayed)).toBe(true);
    expect(answers[4]!.status).toBe(429);
    expect(answers[4]!.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('refuses a body that is not a JSON object, as the rest of the API does', async () => {
    const key = await api.key('tenant-viewer', 'beta');
    for (const body of ['{"query": ', '"just a string"']) {
      const res = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body,
      });
      expect(res.status).toBe(400);
      expect(
        ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
      ).toBe('BAD_REQUEST');
    }
  });
});
