/**
 * Load: 50 concurrent clients against the API as a child process for RELIABILITY_LOAD_SECONDS
 * (default 60), each with its own key and address, mixing reads (licenseReport for the SP or the
 * tenant, tenants, machines) with ingestion batches. Not one request may fail, and afterwards the
 * monthly figures must equal the reference model of every acknowledged batch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TENANTS } from '../support/three-tenants.js';
import { type ChildApi, startChildApi } from './support/child-api.js';
import { type EstateDatabase, freshDatabase, gql, makeKey } from './support/estate.js';
import { type Batch, compareWithReference, INGEST, makeBatches } from './support/reference.js';
import { record, Tally } from './support/stats.js';

const SECONDS = Number(process.env.RELIABILITY_LOAD_SECONDS ?? 60);
const CLIENTS = Number(process.env.RELIABILITY_LOAD_CLIENTS ?? 50);

const READS = {
  licenseReport:
    '{ licenseReport(month: "2026-11") { month tenants { tenant { externalId } counters { counter used } } violations { code } } }',
  tenants:
    '{ tenants(first: 50) { edges { node { externalId name backupServers { externalId licenses { externalId } } } } pageInfo { hasNextPage } } }',
  machines:
    'query($t: String) { machines(month: "2026-10", tenantExternalId: $t, first: 100) { edges { node { externalId charges { counter status } } } } }',
};

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]! : 0;
}

describe(`load: ${CLIENTS} concurrent clients for ${SECONDS} s`, () => {
  let db: EstateDatabase;
  let api: ChildApi;
  let spKey: string;

  beforeAll(async () => {
    db = await freshDatabase();
    spKey = (await makeKey(db, 'sp-admin')).key;
    api = await startChildApi({ databaseUrl: db.url });
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('answers every request, and the figures equal the reference afterwards', async () => {
    const keys = await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        const tenant = c % 4 === 0 ? undefined : TENANTS[c % 3]!;
        const role = tenant ? (c % 8 === 1 ? 'tenant-viewer' : 'tenant-admin') : 'sp-admin';
        return { tenant, role, key: (await makeKey(db, role, tenant)).key };
      }),
    );
    const latencies: Record<string, number[]> = { licenseReport: [], tenants: [], machines: [], ingest: [] };
    const errors: string[] = [];
    const acknowledged: Batch[] = [];
    const deadline = Date.now() + SECONDS * 1000;
    await Promise.all(
      keys.map(async ({ tenant, role, key }, c) => {
        const headers = { 'x-forwarded-for': `10.2.${Math.floor(c / 250)}.${c % 250}` };
        let b = 0;
        while (Date.now() < deadline) {
          const dice = Math.random();
          let kind: string;
          let res: Awaited<ReturnType<typeof gql>>;
          const started = performance.now();
          try {
            if (dice < 0.25 && role !== 'tenant-viewer') {
              kind = 'ingest';
              const batch = {
                ...makeBatches(`load${c}`, 1, 25, 100_000 * c + b, tenant)[0]!,
                idempotencyKey: `load${c}-${b++}`,
              };
              res = await gql(api.url, INGEST, { input: batch }, key, headers);
              if (res.data && !res.errors) acknowledged.push(batch);
            } else if (dice < 0.55) {
              kind = 'licenseReport';
              res = await gql(api.url, READS.licenseReport, {}, key, headers);
            } else if (dice < 0.75 && !tenant) {
              kind = 'tenants';
              res = await gql(api.url, READS.tenants, {}, key, headers);
            } else {
              kind = 'machines';
              res = await gql(api.url, READS.machines, { t: tenant ?? TENANTS[c % 3] }, key, headers);
            }
          } catch (error) {
            errors.push(`client ${c}: ${(error as Error).message}`);
            continue;
          }
          latencies[kind]!.push(performance.now() - started);
          if (res.errors?.length || res.status !== 200 || !res.data)
            errors.push(
              `client ${c} ${kind}: HTTP ${res.status} ${JSON.stringify(res.errors ?? res.raw).slice(0, 200)}`,
            );
        }
      }),
    );
    const all = Object.values(latencies)
      .flat()
      .sort((a, b) => a - b);
    const total = all.length + errors.filter((e) => !e.includes(' HTTP ')).length;
    for (const [kind, list] of Object.entries(latencies)) {
      const sorted = [...list].sort((a, b) => a - b);
      record({
        area: 'load',
        tried: `${kind} under load`,
        count: list.length,
        held: list.length - errors.filter((e) => e.includes(` ${kind}:`)).length,
        note: `p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms`,
      });
    }
    record({
      area: 'load',
      tried: `${CLIENTS} clients × ${SECONDS} s, mixed reads and ingestion: no errors`,
      count: total,
      held: total - errors.length,
      note: `${(total / SECONDS).toFixed(0)} requests/s`,
    });
    const figures = new Tally('load', 'after the load, licenseReport equals the reference model');
    const compared = await compareWithReference(api.url, spKey, acknowledged);
    for (let i = 0; i < compared.months; i++) figures.check(i >= compared.differing.length);
    figures.record(`${acknowledged.length} batches, ${compared.months} months`);
    expect(errors.slice(0, 10)).toEqual([]);
    expect(compared.differing).toEqual([]);
    expect(total).toBeGreaterThan(CLIENTS);
  });
});
