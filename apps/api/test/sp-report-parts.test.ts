/**
 * Reports after ingestion: the SP's figures evaluate again only the tenants a batch wrote, reusing
 * every other tenant's part, and equal a computation from scratch; any other change to the estate
 * evaluates every tenant again. A tenant's report follows its own machines and the configuration.
 */
import { queryRows, withScope } from '@vcc/db';
import { DATABASE_KINDS } from '@vcc/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../src/auth/principal.js';
import { ingestRestorePoints } from '../src/ingest/ingest-restore-points.js';
import { computeReport, monthReport } from '../src/reports/report-service.js';
import { storedParts } from '../src/reports/sp-report-parts.js';
import { MachineKindEnum, OperationEnum } from '../src/schema/common/enums.js';
import { startTestApi, type TestApi } from './support/test-api.js';

const MONTH = '2026-11';
const INGEST = /* GraphQL */ `
  mutation Ingest($input: IngestRestorePointsInput!) { ingestRestorePoints(input: $input) { accepted } }`;
const PLAN = /* GraphQL */ `
  mutation Plan($id: String!, $plan: PlanInput!) { updateTenantPlan(externalId: $id, plan: $plan) { plan { vms } } }`;
const TENANT_REPORT = /* GraphQL */ `
  query Report($month: String!) { licenseReport(month: $month) { tenants { counters { counter used new rental } } } }`;

describe.each(DATABASE_KINDS)('the SP report after ingestion on %s', (kind) => {
  let api: TestApi;
  let spKey: string;
  let spId: string;
  let tenantIds: Map<string, string>;
  const principal = (): Principal => ({ kind: 'key', id: 'test', spId, tenantId: null, role: 'sp-viewer' });
  /** The SP report as the API serves it (caches and kept parts), and as computed from scratch. */
  const served = () => withScope(api.database.db, { spId }, (tx) => monthReport(tx, principal(), MONTH));
  const fromScratch = async () =>
    (await withScope(api.database.db, { spId }, (tx) => computeReport(tx, principal(), MONTH))).report;
  const partOf = (tenant: string) => {
    const kept = storedParts(spId, MONTH)!;
    return kept.parts[kept.tenantIds.indexOf(tenantIds.get(tenant)!)];
  };
  const ingest = async (key: string, tenant: string, machine: string) => {
    const res = await api.gql(
      INGEST,
      {
        input: {
          idempotencyKey: `${tenant}-${machine}`,
          restorePoints: [
            {
              tenant,
              machine,
              machineKind: 'VM',
              server: `${tenant}-vbr`,
              operation: 'CLOUD_BACKUP',
              at: '2026-11-05T01:00:00Z',
            },
          ],
        },
      },
      key,
    );
    expect(res.errors).toBeUndefined();
  };

  beforeAll(async () => {
    api = await startTestApi(kind);
    const { twoTenantScenario } = await import('../../../packages/db/test/support/two-tenants.js');
    await api.import(twoTenantScenario());
    spKey = await api.key('sp-admin');
    const rows = await queryRows<{ id: string; external_id: string; sp_id: string }>(
      api.database.db,
      sql`select id, external_id, sp_id from tenants`,
    );
    spId = rows[0]!.sp_id;
    tenantIds = new Map(rows.map((r) => [r.external_id, r.id]));
  });
  afterAll(() => api.close());

  it('evaluates again only the tenants a batch wrote, and equals a computation from scratch', async () => {
    const before = await served();
    const alpha = partOf('alpha');
    const beta = partOf('beta');
    expect(alpha).toBeDefined();

    await ingest(spKey, 'alpha', 'alpha-new-vm');
    const after = await served();
    expect(after).toEqual({ ...(await fromScratch()), ruleset: 'vbr-9.5' });
    expect(after.tenants).not.toEqual(before.tenants);
    expect(partOf('alpha')).not.toBe(alpha);
    expect(partOf('beta')).toBe(beta);
  });

  it('equals a computation from scratch after every batch of a random sequence', async () => {
    let seed = 20261129;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let round = 0; round < 6; round++) {
      const tenants = ['alpha', 'beta'].filter(() => next() % 2 === 0);
      for (const tenant of tenants) await ingest(spKey, tenant, `random-${round}-${next() % 3}`);
      expect(await served()).toEqual({ ...(await fromScratch()), ruleset: 'vbr-9.5' });
    }
  });

  it('moves the estate version and stamps the batch’s tenants, whoever calls the ingestion', async () => {
    const versions = async () => {
      const [row] = await queryRows<{ estate: number; alpha: number | null }>(
        api.database.db,
        sql`select estate_version::int as estate,
                   (select version::int from tenant_usage_versions where tenant_id = ${tenantIds.get('alpha')!}) as alpha
              from service_providers`,
      );
      return row!;
    };
    const before = await versions();
    // Called without options, as a script or another service would.
    await withScope(api.database.db, { spId }, (tx) =>
      ingestRestorePoints(
        tx,
        { ...principal(), role: 'sp-admin' },
        {
          idempotencyKey: 'direct-call',
          restorePoints: [
            {
              tenant: 'alpha',
              machine: 'direct-vm',
              machineKind: MachineKindEnum.VM,
              server: 'alpha-vbr',
              operation: OperationEnum.CLOUD_BACKUP,
              at: new Date('2026-11-07T01:00:00Z'),
            },
          ],
        },
      ),
    );
    const after = await versions();
    expect(after.estate).toBe(before.estate + 1);
    expect(after.alpha).toBe(after.estate);
  });

  it('evaluates every tenant again after a change to the configuration', async () => {
    await served();
    const beta = partOf('beta');
    const res = await api.gql(
      PLAN,
      { id: 'alpha', plan: { vmBackup: 9, vmReplica: 1, server: 1, workstation: 0, vms: 0 } },
      spKey,
    );
    expect(res.errors).toBeUndefined();
    const after = await served();
    expect(partOf('beta')).not.toBe(beta);
    expect(after).toEqual({ ...(await fromScratch()), ruleset: 'vbr-9.5' });
  });

  it('shows a tenant its own new machines, whoever sent them, and leaves the other tenant’s report as it was', async () => {
    const alphaKey = await api.key('tenant-viewer', 'alpha');
    const betaKey = await api.key('tenant-viewer', 'beta');
    const alphaBefore = await api.gql(TENANT_REPORT, { month: MONTH }, alphaKey);
    const betaBefore = await api.gql(TENANT_REPORT, { month: MONTH }, betaKey);
    await ingest(spKey, 'alpha', 'alpha-second-vm');
    const alphaAfter = await api.gql(TENANT_REPORT, { month: MONTH }, alphaKey);
    expect(alphaAfter.errors).toBeUndefined();
    expect(alphaAfter).not.toEqual(alphaBefore);
    expect(await api.gql(TENANT_REPORT, { month: MONTH }, betaKey)).toEqual(betaBefore);
    // And a tenant's own batch moves its own report.
    const betaIngest = await api.key('tenant-admin', 'beta');
    await ingest(betaIngest, 'beta', 'beta-own-vm');
    expect(await api.gql(TENANT_REPORT, { month: MONTH }, betaKey)).not.toEqual(betaBefore);
  });
});
