/**
 * `machines(counter, pool, status)`: the filters keep a machine when one of its charges matches all
 * of them, before paging, so that a filtered page is as full as an unfiltered one and its cursors
 * walk the filtered list exactly.
 */
import { seedEstate } from '@vcc/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLResponse, startTestApi, type TestApi } from './support/test-api.js';

interface Charge {
  pool: string;
  counter: string | null;
  status: string;
}
interface Page {
  machines: {
    edges: { node: { externalId: string; tenant: { externalId: string }; charges: Charge[] } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const MACHINES = `query ($month: String!, $first: Int, $after: String, $counter: Counter, $pool: ChargePool,
  $status: ChargeStatus, $tenant: String) {
  machines(month: $month, first: $first, after: $after, counter: $counter, pool: $pool, status: $status,
    tenantExternalId: $tenant) {
    edges { node { externalId tenant { externalId } charges { pool counter status } } }
    pageInfo { hasNextPage endCursor } } }`;

const MONTH = '2026-10';

describe('machines filtered by charge (PostgreSQL)', () => {
  let api: TestApi;
  let key: string;

  beforeAll(async () => {
    api = await startTestApi('postgres');
    await seedEstate(api.database.db, {
      spExternalId: 'demo',
      tenants: 6,
      machines: 300,
      months: 2,
      lastMonth: '2026-11',
      until: Date.UTC(2026, 10, 20),
    });
    key = await api.key('sp-viewer');
  });
  afterAll(() => api?.close());

  /** Every page of the list, walked by cursor with `first` machines per page. */
  async function walk(variables: Record<string, unknown>, first: number) {
    const names: string[] = [];
    const all: Page['machines']['edges'] = [];
    let after: string | null = null;
    for (;;) {
      const res: GraphQLResponse<Page> = await api.gql<Page>(
        MACHINES,
        { month: MONTH, first, after, ...variables },
        key,
      );
      expect(res.errors).toBeUndefined();
      const { edges, pageInfo } = res.data!.machines;
      names.push(...edges.map((e) => `${e.node.tenant.externalId}/${e.node.externalId}`));
      all.push(...edges);
      if (!pageInfo.hasNextPage) return { names, edges: all };
      after = pageInfo.endCursor;
    }
  }

  it('keeps exactly the machines with a charge matching every filter, paged without gaps or repeats', async () => {
    const machines = (await walk({}, 500)).edges.map((e) => e.node);
    expect(machines.length).toBeGreaterThan(100);
    const filters = [
      { counter: 'VM_BACKUP' },
      { counter: 'SERVER', status: 'NEW' },
      { counter: 'WORKSTATION' },
      { pool: 'TENANT_LICENSE' },
      { pool: 'SP_CLOUD_CONNECT', status: 'RENTAL' },
      { status: 'USED' },
    ];
    let nonEmpty = 0;
    for (const filter of filters) {
      const expected = machines
        .filter((m) =>
          m.charges.some(
            (c) =>
              (!filter.counter || c.counter === filter.counter) &&
              (!filter.pool || c.pool === filter.pool) &&
              (!filter.status || c.status === filter.status),
          ),
        )
        .map((m) => `${m.tenant.externalId}/${m.externalId}`);
      const { names } = await walk(filter, 7);
      expect(names, JSON.stringify(filter)).toEqual(expected);
      if (expected.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(4);
  });

  it('fills a filtered page as an unfiltered one, for one tenant too', async () => {
    const page = await api.gql<Page>(
      MACHINES,
      { month: MONTH, first: 5, counter: 'VM_BACKUP', tenant: 't-1' },
      key,
    );
    const nodes = page.data!.machines.edges.map((e) => e.node);
    expect(nodes).toHaveLength(5);
    expect(nodes.every((n) => n.tenant.externalId === 't-1')).toBe(true);
    expect(nodes.every((n) => n.charges.some((c) => c.counter === 'VM_BACKUP'))).toBe(true);
  });

  it('refuses a value that is not one of the enum’s', async () => {
    const res = await api.gql(MACHINES, { month: MONTH, counter: 'VM' }, key);
    expect(res.errors?.[0]?.message).toMatch(/counter/);
  });
});
