/**
 * The suite at a smaller size on both databases the product runs on: the same synthetic estate
 * (BENCH_TENANTS × BENCH_MACHINES, default 100 × 10,000, one month of daily restore points) in a
 * fresh PGlite data directory and in a fresh PostgreSQL database, and on each the same steps:
 * seeding, ingestion through the API (`vcc serve` in its own process), the SP monthly report cold and
 * warm, and one tenant's `licenseReport` asked one request after another (the same request, which the
 * API replays from its answer cache, and requests that each differ). Prints each figure on both
 * and the ratio PGlite / PostgreSQL. Both databases are removed afterwards.
 */
import 'reflect-metadata';
import { type SyntheticOptions, schema, seedEstate } from '@vcc/db';
import type { Role } from '@vcc/db/schema';
import { addMonths, DAY_MS, monthOf, monthStart } from '@vcc/rules';
import { eq } from 'drizzle-orm';
import { createApiKey } from '../src/keys/create-api-key.js';
import { startTenantHalfWorker } from '../src/reports/tenant-half.js';
import { type BenchDatabase, createBenchDatabase, createBenchPglite } from './bench-database.js';
import { followingDays } from './following-days.js';
import { graphqlRequest, ingestBatch, licenseReportQuery } from './graphql-requests.js';
import { loadOneByOne } from './http-load.js';
import { spReportCached, spReportCold } from './sp-report-runs.js';
import { median, ms, time } from './timing.js';
import { startApiProcess } from './vcc-process.js';

const TENANTS = Number(process.env.BENCH_TENANTS ?? 100);
const MACHINES = Number(process.env.BENCH_MACHINES ?? 10_000);
/** Timed ingestion batches, after one warm-up batch. */
const BATCHES = Number(process.env.BENCH_BATCHES ?? 6);
const BATCH_SIZE = 10_000;
/** How long one tenant's report is asked for, one request at a time. */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const COLD_RUNS = 5;
const WARM_RUNS = 20;
const PORT = 4913;

// A whole month in the past: its report covers every day, and the days of the month after it can be
// ingested as they would have arrived (the API refuses points more than a day ahead).
const month = addMonths(monthOf(Date.now()), -2);
const estate: SyntheticOptions = {
  spExternalId: 'bench',
  tenants: TENANTS,
  machines: MACHINES,
  months: 1,
  lastMonth: month,
};

interface Figures {
  restorePoints: number;
  seedPerSecond: number;
  ingestPerSecond: number;
  coldMs: number;
  warmMs: number;
  /** One tenant's licenseReport, the same request again and again (replayed by the answer cache). */
  sameP50: number;
  sameP99: number;
  /** The same report asked by requests that each differ (not replayable). */
  distinctP50: number;
  distinctP99: number;
  /** Whether the API replayed the repeated request from its answer cache. */
  replays: boolean;
}

async function measure(name: string, db: BenchDatabase): Promise<Figures> {
  const progress = (step: string) => console.error(`${name}: ${step}`);
  const { db: database } = db.handle;

  progress('seeding');
  const seedStarted = performance.now();
  const { spId, restorePoints } = await seedEstate(database, estate);
  const seedPerSecond = restorePoints / ((performance.now() - seedStarted) / 1000);
  progress(`seeded ${restorePoints} restore points, ${Math.round(seedPerSecond)}/s`);

  progress('SP report, cold and warm');
  // The report's second thread, loaded first as `vcc serve` loads it when it starts.
  await startTenantHalfWorker();
  const cold = await time(COLD_RUNS, () => spReportCold(database, spId, month));
  await spReportCached(database, spId, month);
  const warm = await time(WARM_RUNS, () => spReportCached(database, spId, month));
  progress(`SP report cold ${ms(median(cold))}, warm ${ms(median(warm))}`);

  const [tenant] = await database
    .select({ id: schema.tenants.id })
    .from(schema.tenants)
    .where(eq(schema.tenants.externalId, 't-1'));
  const keyFor = async (tenantId: string | null, role: Role) =>
    (
      await createApiKey(database, {
        spId,
        tenantId,
        role,
        name: 'bench',
        expiresAt: null,
        env: 'test',
        actor: 'bench',
      })
    ).key;
  const writerKey = await keyFor(null, 'sp-admin');
  const tenantKey = await keyFor(tenant!.id, 'tenant-viewer');

  // A PGlite directory is open in one process at a time: from here on, the API's.
  await db.close();
  progress('starting the API');
  const api = await startApiProcess(db.location, PORT);
  try {
    const graphql = `${api.url}/graphql`;
    // Built before the clock starts, so that only the API's work is timed.
    const days = followingDays(estate, monthStart(addMonths(month, 1)) / DAY_MS, BATCH_SIZE);
    const batches = Array.from({ length: BATCHES + 1 }, () => days.next().value!);
    progress('ingestion');
    await ingestBatch(graphql, writerKey, 'warm-up', batches[0]!);
    const ingestStarted = performance.now();
    let accepted = 0;
    for (let i = 1; i <= BATCHES; i++)
      accepted += await ingestBatch(graphql, writerKey, `b${i}`, batches[i]!);
    const ingestPerSecond = accepted / ((performance.now() - ingestStarted) / 1000);
    progress(`ingested ${accepted} restore points, ${Math.round(ingestPerSecond)}/s`);

    progress(`licenseReport for tenant t-1, ${SECONDS} s the same request, ${SECONDS} s distinct ones`);
    const same = graphqlRequest(tenantKey, licenseReportQuery(month));
    // The first answer fills the report cache for the estate's new version, and must be data.
    const first = (await (await fetch(graphql, same)).json()) as { data?: unknown; errors?: unknown };
    if (!first.data) throw new Error(JSON.stringify(first.errors));
    const again = await loadOneByOne(graphql, same, SECONDS);
    const replays = (await fetch(graphql, same)).headers.get('x-answer') === 'replayed';
    // Each request named differently: the answer cache cannot replay it, so each one authenticates,
    // opens its scoped transaction and reads the report (from the report cache) and the names.
    const distinct = await loadOneByOne(
      graphql,
      (n) => graphqlRequest(tenantKey, licenseReportQuery(month, `r${n}`)),
      SECONDS,
    );
    progress(
      `licenseReport p50/p99: same request ${ms(again.p50)}/${ms(again.p99)}${replays ? ' (replayed)' : ''}, distinct ${ms(distinct.p50)}/${ms(distinct.p99)}`,
    );

    return {
      restorePoints,
      seedPerSecond,
      ingestPerSecond,
      coldMs: median(cold),
      warmMs: median(warm),
      sameP50: again.p50,
      sameP99: again.p99,
      distinctP50: distinct.p50,
      distinctP99: distinct.p99,
      replays,
    };
  } finally {
    await api.stop();
  }
}

async function onBoth(): Promise<{ pglite: Figures; postgres: Figures }> {
  const run = async (name: string, create: () => Promise<BenchDatabase>) => {
    const db = await create();
    try {
      return await measure(name, db);
    } finally {
      await db.drop();
    }
  };
  const pglite = await run('PGlite', createBenchPglite);
  const postgres = await run('PostgreSQL', () => createBenchDatabase());
  return { pglite, postgres };
}

function printTable({ pglite, postgres }: { pglite: Figures; postgres: Figures }): void {
  const rate = (x: number) => `${Math.round(x).toLocaleString('en')}/s`;
  type Measure = Exclude<keyof Figures, 'replays'>;
  const rows: [string, Measure, (x: number) => string][] = [
    ['seeding (restore points/s)', 'seedPerSecond', rate],
    [`ingestion via the API, ${BATCH_SIZE.toLocaleString('en')}-point batches`, 'ingestPerSecond', rate],
    [`SP report cold (median of ${COLD_RUNS})`, 'coldMs', ms],
    [`SP report warm (median of ${WARM_RUNS})`, 'warmMs', ms],
    ['tenant licenseReport, same request, p50', 'sameP50', ms],
    ['tenant licenseReport, same request, p99', 'sameP99', ms],
    ['tenant licenseReport, distinct requests, p50', 'distinctP50', ms],
    ['tenant licenseReport, distinct requests, p99', 'distinctP99', ms],
  ];
  console.log(
    `PGlite vs PostgreSQL: ${TENANTS.toLocaleString('en')} tenants, ${MACHINES.toLocaleString('en')} machines, ${month} (${pglite.restorePoints.toLocaleString('en')} restore points)`,
  );
  console.log(
    `  ${'step'.padEnd(44)} ${'PGlite'.padStart(12)} ${'PostgreSQL'.padStart(12)}  PGlite/PostgreSQL`,
  );
  for (const [label, field, format] of rows) {
    console.log(
      `  ${label.padEnd(44)} ${format(pglite[field]).padStart(12)} ${format(postgres[field]).padStart(12)}  ${(pglite[field] / postgres[field]).toFixed(2)}`,
    );
  }
  const replayed = (f: Figures) => (f.replays ? 'replayed from the answer cache' : 'not replayed');
  console.log(
    `  (licenseReport sequential, ${SECONDS} s each; the same request: PGlite ${replayed(pglite)}, PostgreSQL ${replayed(postgres)})`,
  );
}

printTable(await onBoth());
