/**
 * The SP monthly report at scale, on a seeded estate (BENCH_REPORT_DATABASE_URL, else one made by
 * `vcc seed` at BENCH_TENANTS × BENCH_MACHINES and kept for later runs):
 * - cold (the report service reading the rollups and evaluating) and warm (from its cache), against
 *   floors measured in the same run: the same rows streamed into Node by the same COPY and dropped,
 *   the same rows read as a plain query through the driver, and a hand-written SQL aggregate;
 * - the same report asked of the API (`vcc serve`) cold and replayed, with the API's peak memory;
 * - one tenant's report with row-level security on (as the application role) and off (as owner).
 */
import 'reflect-metadata';
import { openDatabase, queryRows, tenantMachinesQuery, withScope } from '@vcc/db';
import { activityMonthsFor, monthIndex } from '@vcc/rules';
import { sql } from 'drizzle-orm';
import { ingestRestorePoints } from '../src/ingest/ingest-restore-points.js';
import { computeReport } from '../src/reports/report-service.js';
import { startTenantHalfWorker } from '../src/reports/tenant-half.js';
import { OperationEnum } from '../src/schema/common/enums.js';
import { graphqlRequest, licenseReportQuery } from './graphql-requests.js';
import { latestMonth, seededEstate } from './seeded-estate.js';
import { benchPrincipal, spReportCached, spReportCold } from './sp-report-runs.js';
import { median, ms, time } from './timing.js';
import { startApiProcess, vcc } from './vcc-process.js';

const url =
  process.env.BENCH_REPORT_DATABASE_URL ??
  (await seededEstate({
    tenants: Number(process.env.BENCH_TENANTS ?? 10_000),
    machines: Number(process.env.BENCH_MACHINES ?? 1_000_000),
    months: 1,
  }));
const month = process.env.BENCH_MONTH ?? (await latestMonth(url));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const handle = await openDatabase({ url, max: 4 });
if (handle.driver.kind !== 'postgres') throw new Error('PostgreSQL only');
const pg = handle.driver.sql;
const db = handle.db;
const [sp] = await queryRows<{ id: string; machines: number; tenants: number }>(
  db,
  sql`select id, (select count(*) from machines)::int as machines, (select count(*) from tenants)::int as tenants from service_providers limit 1`,
);
if (!sp) throw new Error('no service provider in the database');
const [tenant] = await queryRows<{ id: string; external_id: string }>(
  db,
  sql`select id, external_id from tenants order by external_id limit 1`,
);
console.log(
  `SP report for ${month}: ${sp.tenants.toLocaleString('en')} tenants, ${sp.machines.toLocaleString('en')} machines (PostgreSQL)`,
);

// The report's second thread, loaded first as `vcc serve` loads it when it starts.
await startTenantHalfWorker();
const cold = await time(RUNS, () => spReportCold(db, sp.id, month));

/** The rows the report reads, under the SP's scope, handed to `drain`. */
const query = tenantMachinesQuery(activityMonthsFor([month])!, 'all');
const scoped = <T>(work: (t: typeof pg) => Promise<T>) =>
  pg.begin(async (t) => {
    await t`select set_config('app.sp_id', ${sp.id}, true), set_config('app.scope', 'sp', true), set_config('role', 'vcc_app', true)`;
    return work(t as unknown as typeof pg);
  });
// Floor 1: the same COPY, its bytes received and dropped.
const copyFloor = await time(RUNS, () =>
  scoped(async (t) => {
    let bytes = 0;
    for await (const chunk of await t.unsafe(`copy (${query}) to stdout`).readable()) bytes += chunk.length;
    return bytes;
  }),
);
// Floor 1b: the same rows in two COPY streams over halves of the tenants, at once, as the report
// service reads them.
const ids = (await queryRows<{ id: string }>(db, sql`select id from tenants order by id`)).map((r) => r.id);
const middle = ids[ids.length >> 1]!;
const window = activityMonthsFor([month])!;
const copyBytes = (range: { from?: string; below?: string }) =>
  scoped(async (t) => {
    let bytes = 0;
    const half = tenantMachinesQuery(window, range);
    for await (const chunk of await t.unsafe(`copy (${half}) to stdout`).readable()) bytes += chunk.length;
    return bytes;
  });
const twoCopiesFloor = await time(RUNS, () =>
  Promise.all([copyBytes({ below: middle }), copyBytes({ from: middle })]),
);
// Floor 2: the same rows as a plain query, parsed by the driver a cursor batch at a time.
const rowsFloor = await time(RUNS, () =>
  scoped(async (t) => {
    let rows = 0;
    await t.unsafe(query).cursor(10_000, (batch) => {
      rows += batch.length;
    });
    return rows;
  }),
);
// Floor 3: the counters as one SQL aggregate (machines with a point in the month, by class).
const aggregate = await time(RUNS, () =>
  withScope(db, { spId: sp.id }, (tx) =>
    queryRows(
      tx,
      sql`select op_class, count(*) from machine_usage where days[${monthIndex(month)}::int] is not null group by op_class`,
    ),
  ),
);

await spReportCached(db, sp.id, month);
const warm = await time(Math.max(RUNS, 20), () => spReportCached(db, sp.id, month));

// After ingestion: a batch with one new point for each of k tenants, then the report again, which
// evaluates only those tenants and reuses every other tenant's part.
const writable = await queryRows<{ tenant: string; machine: string; server: string }>(
  db,
  sql`select t.external_id as tenant,
             (select external_id from machines where tenant_id = t.id order by id limit 1) as machine,
             (select external_id from backup_servers where tenant_id = t.id limit 1) as server
        from tenants t order by t.external_id limit 100`,
);
const firstDay = Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1);
let batches = 0;
const afterBatch = async (tenants: number) => {
  const batch = ++batches;
  const restorePoints = writable.slice(0, tenants).map((w) => ({
    tenant: w.tenant,
    machine: w.machine,
    server: w.server,
    operation: OperationEnum.CLOUD_BACKUP,
    // A time no earlier run used: every point is new.
    at: new Date(firstDay + ((Date.now() + batch) % 86_400_000)),
  }));
  await withScope(db, { spId: sp.id }, (tx) =>
    ingestRestorePoints(
      tx,
      { ...benchPrincipal(sp.id), role: 'sp-admin' },
      {
        idempotencyKey: `report-bench-${Date.now()}-${batch}`,
        restorePoints,
      },
    ),
  );
  return time(1, () => spReportCached(db, sp.id, month));
};
const incremental = new Map<number, number[]>();
for (const tenants of [1, 100]) {
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(...(await afterBatch(tenants)));
  incremental.set(tenants, runs);
}

const ratio = (a: number[], b: number[]) => `${(median(a) / median(b)).toFixed(2)}×`;
console.log(`  cold   ${ms(median(cold)).padStart(9)}  ${ratio(cold, copyFloor)} the COPY floor`);
console.log(`  warm   ${ms(median(warm)).padStart(9)}  (p50 of ${warm.length})`);
for (const [tenants, runs] of incremental)
  console.log(
    `  after a batch for ${tenants} tenant${tenants > 1 ? 's' : ''}: ${ms(median(runs)).padStart(9)}  ${ratio(runs, cold)} cold`,
  );
console.log(
  `  floors: the same COPY received ${ms(median(copyFloor))}; in two COPY streams ${ms(median(twoCopiesFloor))} (cold ${ratio(cold, twoCopiesFloor)}); the same rows as a plain query ${ms(median(rowsFloor))}; SQL aggregate ${ms(median(aggregate))}`,
);

// Through the API, as a client sees it: the first request computes, the next is replayed.
const spKey = vcc({ url }, ['keys', 'create', '--role', 'sp-viewer']);
const api = await startApiProcess({ url }, 4916);
try {
  const request = graphqlRequest(spKey, licenseReportQuery(month));
  const [apiCold] = await time(1, async () => (await fetch(`${api.url}/graphql`, request)).text());
  const apiWarm = await time(20, async () => (await fetch(`${api.url}/graphql`, request)).text());
  console.log(
    `  API licenseReport: cold ${ms(apiCold!)}, replayed p50 ${ms(median(apiWarm))}; API peak resident ${api.peakResidentMiB().toFixed(0)} MiB`,
  );
} finally {
  await api.stop();
}

// One tenant's report: row-level security on (application role) vs off (table owner).
if (tenant) {
  const principal = benchPrincipal(sp.id, tenant.id);
  const TENANT_RUNS = 200;
  const rlsRun = () =>
    withScope(db, { spId: sp.id, tenantId: tenant.id }, (tx) => computeReport(tx, principal, month));
  // The owner on a connection of its own: one connection that switched roles between runs would
  // re-plan every prepared statement each time (their plans depend on the role), which no
  // connection of the API ever does.
  const owner = await openDatabase({ url, max: 1 });
  const ownerRun = () =>
    owner.db.transaction(async (tx) => {
      // As the connecting owner (a superuser here, never subject to row-level security): the same
      // settings, the tenant chosen by the queries alone.
      await tx.execute(
        sql`select set_config('app.sp_id', ${sp.id}, true), set_config('app.scope', 'tenant', true), set_config('app.tenant_id', ${tenant.id}, true)`,
      );
      return computeReport(tx, principal, month);
    });
  // Interleaved, one of each in turn after a warm-up, so that the machine's drift weighs on both alike.
  await time(20, async () => {
    await rlsRun();
    await ownerRun();
  });
  const withRls: number[] = [];
  const asOwner: number[] = [];
  for (let i = 0; i < TENANT_RUNS; i++) {
    withRls.push(...(await time(1, rlsRun)));
    asOwner.push(...(await time(1, ownerRun)));
  }
  console.log(
    `tenant ${tenant.external_id}: with row-level security ${ms(median(withRls))}, as owner ${ms(median(asOwner))}, ratio ${ratio(withRls, asOwner)}`,
  );
  await owner.close();
}
await handle.close();
