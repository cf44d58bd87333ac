import { queryRows } from '@vcc/db';
import { DATABASE_KINDS } from '@vcc/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './support/test-api.js';

const INGEST = /* GraphQL */ `
  mutation Ingest($input: IngestRestorePointsInput!) {
    ingestRestorePoints(input: $input) { accepted duplicates replayed }
  }`;

const point = (machine: string, at: string, extra: Record<string, unknown> = {}) => ({
  tenant: 'alpha',
  machine,
  machineKind: 'VM',
  server: 'alpha-vbr',
  operation: 'CLOUD_BACKUP',
  at,
  ...extra,
});

describe.each(DATABASE_KINDS)('ingestRestorePoints on %s', (kind) => {
  let api: TestApi;
  let key: string;
  const counts = async () =>
    (
      await queryRows<{ points: number; machines: number; activity: number; records: number }>(
        api.database.db,
        sql`select (select count(*) from restore_points)::int as points, (select count(*) from machines)::int as machines,
                   (select count(*) from machine_usage)::int as activity, (select count(*) from idempotency_records)::int as records`,
      )
    )[0];

  beforeAll(async () => {
    api = await startTestApi(kind);
    const { twoTenantScenario } = await import('../../../packages/db/test/support/two-tenants.js');
    await api.import(twoTenantScenario());
    key = await api.key('sp-admin');
  });
  afterAll(() => api.close());

  it('stores a batch, registering unknown machines and counting repeats as duplicates', async () => {
    const input = {
      idempotencyKey: 'batch-1',
      restorePoints: [
        point('new-vm', '2026-11-02T03:00:00Z'),
        point('new-vm', '2026-11-02T03:00:00Z'),
        point('alpha-vm', '2026-10-02T01:00:00Z'),
      ],
    };
    const res = await api.gql(INGEST, { input }, key);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ ingestRestorePoints: { accepted: 1, duplicates: 2, replayed: false } });
  });

  it('replays the first answer for the same key and batch, changing nothing', async () => {
    const before = await counts();
    const input = {
      idempotencyKey: 'batch-1',
      restorePoints: [
        point('new-vm', '2026-11-02T03:00:00Z'),
        point('new-vm', '2026-11-02T03:00:00Z'),
        point('alpha-vm', '2026-10-02T01:00:00Z'),
      ],
    };
    const res = await api.gql(INGEST, { input }, key);
    expect(res.data).toEqual({ ingestRestorePoints: { accepted: 1, duplicates: 2, replayed: true } });
    expect(await counts()).toEqual(before);
  });

  it('refuses the same key with a different batch as CONFLICT', async () => {
    const before = await counts();
    const res = await api.gql(
      INGEST,
      { input: { idempotencyKey: 'batch-1', restorePoints: [point('other', '2026-11-03T03:00:00Z')] } },
      key,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await counts()).toEqual(before);
  });

  it('writes nothing when one point is bad, and names its path', async () => {
    const before = await counts();
    const restorePoints = [
      point('fresh-1', '2026-11-04T03:00:00Z'),
      point('fresh-2', '2026-11-04T03:00:00Z', { server: 'no-such-server' }),
      point('fresh-3', '2026-11-04T03:00:00Z'),
    ];
    const res = await api.gql(INGEST, { input: { idempotencyKey: 'bad-batch', restorePoints } }, key);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.path).toBe('input.restorePoints[1].server');
    expect(await counts()).toEqual(before);
  });

  it("keeps the agent of a machine's latest point that names one, whatever the batch's order", async () => {
    const agent = (at: string, agentVersion: string | null, agentOs: string | null = 'WINDOWS') =>
      point('agent-srv', at, { machineKind: 'SERVER', agentOs, agentVersion });
    const ingest = async (idempotencyKey: string, restorePoints: unknown[]) => {
      const res = await api.gql(INGEST, { input: { idempotencyKey, restorePoints } }, key);
      expect(res.errors).toBeUndefined();
    };
    const stored = async () =>
      (
        await queryRows<{ agent_os: string; agent_version: string }>(
          api.database.db,
          sql`select agent_os, agent_version from machines where external_id = 'agent-srv'`,
        )
      )[0];
    await ingest('agent-1', [
      agent('2026-11-05T03:00:00Z', '6.0.0.959'),
      // The latest point naming a version, though not the batch's last.
      agent('2026-11-07T03:00:00Z', '6.1.0.100'),
      agent('2026-11-06T03:00:00Z', '6.0.0.1060'),
      // Later still, but silent about its version.
      agent('2026-11-08T03:00:00Z', null),
    ]);
    expect(await stored()).toEqual({ agent_os: 'windows', agent_version: '6.1.0.100' });
    // Of two points at the same time, the later in the batch; a batch naming no version keeps it.
    await ingest('agent-2', [
      agent('2026-11-09T03:00:00Z', '6.2.0.1'),
      agent('2026-11-09T03:00:00Z', '6.2.0.2'),
    ]);
    expect(await stored()).toEqual({ agent_os: 'windows', agent_version: '6.2.0.2' });
    await ingest('agent-3', [agent('2026-11-10T03:00:00Z', null, null)]);
    expect(await stored()).toEqual({ agent_os: 'windows', agent_version: '6.2.0.2' });
  });

  it('refuses replicas of agent machines and unknown machines without a kind', async () => {
    const restorePoints = [
      point('alpha-srv', '2026-11-04T03:00:00Z', { machineKind: null, operation: 'CLOUD_REPLICA' }),
      point('mystery', '2026-11-04T03:00:00Z', { machineKind: null }),
    ];
    const res = await api.gql(INGEST, { input: { idempotencyKey: 'bad-2', restorePoints } }, key);
    const problems = res.errors?.[0]?.extensions?.problems?.map((p) => p.path);
    expect(problems).toEqual(['input.restorePoints[0].operation', 'input.restorePoints[1].machineKind']);
  });

  it('refuses a malformed time before the resolver, naming the field', async () => {
    const res = await api.gql(
      INGEST,
      { input: { idempotencyKey: 'bad-3', restorePoints: [point('x', 'yesterday')] } },
      key,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('at');
  });

  it('refuses batches of more than 10,000 points', async () => {
    const restorePoints = Array.from({ length: 10_001 }, (_, i) => point(`m${i}`, '2026-11-04T03:00:00Z'));
    const res = await api.gql(INGEST, { input: { idempotencyKey: 'big', restorePoints } }, key);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lets a tenant key ingest for its own tenant only, and viewers not at all', async () => {
    const tenantKey = await api.key('tenant-admin', 'beta');
    const res = await api.gql(
      INGEST,
      { input: { idempotencyKey: 't-1', restorePoints: [point('sneaky', '2026-11-04T03:00:00Z')] } },
      tenantKey,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const viewer = await api.key('sp-viewer');
    const denied = await api.gql(
      INGEST,
      { input: { idempotencyKey: 'v-1', restorePoints: [point('v', '2026-11-04T03:00:00Z')] } },
      viewer,
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('handles the same batch sent concurrently: stored once, the others replay', async () => {
    const input = {
      idempotencyKey: 'concurrent',
      restorePoints: Array.from({ length: 50 }, (_, i) => point(`c${i}`, '2026-11-05T03:00:00Z')),
    };
    const results = await Promise.all(
      [1, 2, 3, 4].map(() =>
        api.gql<{ ingestRestorePoints: { accepted: number; replayed: boolean } }>(INGEST, { input }, key),
      ),
    );
    expect(results.every((r) => !r.errors)).toBe(true);
    const answers = results.map((r) => r.data!.ingestRestorePoints);
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
    expect(answers.every((a) => a.accepted === 50)).toBe(true);
  });
});

describe('reports after ingestion', () => {
  it('licenseReport shows points ingested after it was first computed', async () => {
    const api = await startTestApi('pglite');
    try {
      const { twoTenantScenario } = await import('../../../packages/db/test/support/two-tenants.js');
      await api.import(twoTenantScenario());
      const key = await api.key('sp-admin');
      const usedVmBackup = async () => {
        const res = await api.gql<{
          licenseReport: {
            tenants: {
              tenant: { externalId: string };
              counters: { counter: string; used: number; new: number }[];
            }[];
          };
        }>(
          '{ licenseReport(month: "2026-12") { tenants { tenant { externalId } counters { counter used new } } } }',
          {},
          key,
        );
        const alpha = res.data!.licenseReport.tenants.find((t) => t.tenant.externalId === 'alpha')!;
        return alpha.counters.find((c) => c.counter === 'VM_BACKUP')!;
      };
      expect(await usedVmBackup()).toEqual({ counter: 'VM_BACKUP', used: 0, new: 0 });
      const res = await api.gql(
        INGEST,
        { input: { idempotencyKey: 'late', restorePoints: [point('alpha-vm', '2026-11-20T01:00:00Z')] } },
        key,
      );
      expect(res.errors).toBeUndefined();
      expect(await usedVmBackup()).toEqual({ counter: 'VM_BACKUP', used: 1, new: 0 });
    } finally {
      await api.close();
    }
  });
});
