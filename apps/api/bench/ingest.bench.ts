/**
 * Ingestion throughput: restore points per second through the GraphQL mutation (batches of 1,000 and
 * 10,000; one and two concurrent clients) against two floors measured in the same run: COPY of the
 * same rows into a table with the same unique key, and COPY into a bare table.
 */
import 'reflect-metadata';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type DatabaseHandle, importScenario, openDatabase, schema } from '@vcc/db';
import type { Scenario } from '@vcc/rules';
import { createApiKey } from '../src/keys/create-api-key.js';
import { createBenchDatabase } from './bench-database.js';
import { cpuSnapshot, cpuSpent } from './cpu-time.js';
import { INGEST } from './graphql-requests.js';
import { median } from './timing.js';
import { startApiProcess } from './vcc-process.js';

/** Two groups of tenants, one per client, as two Cloud Connect servers would send. */
const TENANTS = 40;
const MACHINES_PER_TENANT = 500;
/** Each case runs in rounds, the floors measured after each, so that drift moves both sides alike. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const BATCHES_PER_ROUND = Number(process.env.BENCH_BATCHES ?? 4);
const PORT = 4915;

function estate(): Scenario {
  return {
    format: 'vcc-scenario/1',
    ruleset: 'vbr-9.5',
    serviceProvider: {
      id: 'bench',
      name: 'Bench',
      backupServers: [{ id: 'bench-cc', version: '12.0.0.1420', licenses: [] }],
    },
    tenants: Array.from({ length: TENANTS }, (_, t) => ({
      id: `t${t}`,
      name: `Tenant ${t}`,
      enabled: true,
      managedBySp: false,
      plan: { 'vm-backup': 0, 'vm-replica': 0, server: 0, workstation: 0, vms: 0 },
      backupServers: [{ id: `t${t}-vbr`, version: '12.0.0.1420', licenses: [] }],
      machines: Array.from({ length: MACHINES_PER_TENANT }, (_, m) => ({ id: `m${m}`, kind: 'vm' as const })),
      restorePoints: [],
    })),
  };
}

const clocks = [Date.UTC(2026, 0, 1, 0, 30), Date.UTC(2026, 0, 1, 0, 30)];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The cases: each client sends new points for its own 10,000 machines, one point per machine per
 * round over them, an hour apart (a machine with hourly restore points: every usage row but the
 * first of each day already holds its day) or a day apart (the daily load of the targets' estate:
 * every point sets a new day in its usage row).
 */
const CASES = [
  { size: 1_000, clients: 1, step: HOUR },
  { size: 1_000, clients: 2, step: HOUR },
  { size: 10_000, clients: 1, step: HOUR },
  { size: 10_000, clients: 2, step: HOUR },
  { size: 10_000, clients: 2, step: DAY },
];

/** A case's name for BENCH_CASES, e.g. `10000x2-daily`. */
const caseName = (c: (typeof CASES)[number]) =>
  `${c.size}x${c.clients}-${c.step === DAY ? 'daily' : 'hourly'}`;
/** The cases to run (comma-separated names; all by default), e.g. to profile one. */
const only = process.env.BENCH_CASES?.split(',');

/** A batch of `size` new points from client `c`'s machines, `step` ms later each round over them. */
function batch(size: number, c: number, step: number) {
  const points = [];
  const machines = (TENANTS / 2) * MACHINES_PER_TENANT;
  for (let i = 0; i < size; i++) {
    const n = i % machines;
    if (n === 0) clocks[c]! += step;
    const clock = clocks[c]!;
    const t = (n % (TENANTS / 2)) * 2 + c;
    points.push({
      tenant: `t${t}`,
      machine: `m${Math.floor(n / (TENANTS / 2))}`,
      server: `t${t}-vbr`,
      operation: 'CLOUD_BACKUP',
      at: new Date(clock).toISOString(),
    });
  }
  return points;
}

/** The PostgreSQL driver's client, as the database handle holds it. */
type Sql = Extract<DatabaseHandle['driver'], { kind: 'postgres' }>['sql'];

/** Rows stored per second and the CPU each side spent, for one side of one round. */
interface Measured {
  rows: number;
  seconds: number;
  cpu: ReturnType<typeof cpuSpent>;
}

async function measure(apiPid: number | undefined, work: () => Promise<number>): Promise<Measured> {
  const before = cpuSnapshot(apiPid);
  const started = performance.now();
  const rows = await work();
  const seconds = (performance.now() - started) / 1000;
  return { rows, seconds, cpu: cpuSpent(before, cpuSnapshot(apiPid)) };
}

/** The rows a floor COPYs: one text per COPY, each as long as the API's batches. */
interface FloorRound {
  texts: string[];
  rows: number;
}

/**
 * The floors: COPY of rows of the same shape as the API's (the same batch size, as many rows) into a
 * table with the same unique key as restore_points, and into a bare table. Every row is new: row r
 * of the run is machine r mod 20,000 an hour after the row 20,000 before it.
 */
async function copyFloors(sql: Sql) {
  await sql`create table copy_keyed (tenant_id uuid, machine_id bigint, server_id uuid, operation operation, at timestamptz(3), primary key (tenant_id, machine_id, server_id, operation, at))`;
  await sql`create table copy_bare (tenant_id uuid, machine_id bigint, server_id uuid, operation operation, at timestamptz(3))`;
  const [ids] =
    await sql`select (select id from tenants limit 1) as tenant, (select id from backup_servers limit 1) as server`;
  let row = 0;
  const machines = TENANTS * MACHINES_PER_TENANT;
  return {
    /** The text of `copies` COPYs of `size` rows each, built before the clock starts. */
    prepare(copies: number, size: number): FloorRound {
      const texts = Array.from({ length: copies }, () => {
        const lines = [];
        for (let i = 0; i < size; i++, row++) {
          const at = new Date(Date.UTC(2026, 0, 1) + Math.floor(row / machines) * HOUR).toISOString();
          lines.push(`${ids!.tenant}\t${row % machines}\t${ids!.server}\tcloud-backup\t${at}\n`);
        }
        return lines.join('');
      });
      return { texts, rows: copies * size };
    },
    async run(table: 'copy_keyed' | 'copy_bare', { texts, rows }: FloorRound): Promise<number> {
      for (const text of texts) {
        await pipeline(Readable.from([text]), await sql.unsafe(`copy ${table} from stdin`).writable());
      }
      return rows;
    },
  };
}

const rate = (m: Measured[]) => m.reduce((s, x) => s + x.rows, 0) / m.reduce((s, x) => s + x.seconds, 0);
const perSecond = (r: number) => `${Math.round(r).toLocaleString('en').padStart(8)}/s`;
/** CPU ms per 10,000 rows over the rounds: [API, PostgreSQL, this process]. */
function cpuPer10k(m: Measured[]): string {
  const rows = m.reduce((s, x) => s + x.rows, 0);
  const per = (side: 'api' | 'postgres' | 'bench') =>
    ((m.reduce((s, x) => s + x.cpu[side], 0) * 10_000) / rows).toFixed(0).padStart(4);
  return `API ${per('api')}, PostgreSQL ${per('postgres')}, client ${per('bench')}`;
}

async function main() {
  const db = await createBenchDatabase();
  try {
    await importScenario(db.handle.db, estate());
    const [sp] = await db.handle.db.select().from(schema.serviceProviders);
    const { key } = await createApiKey(db.handle.db, {
      spId: sp!.id,
      tenantId: null,
      role: 'sp-admin',
      name: 'bench',
      expiresAt: null,
      env: 'test',
      actor: 'bench',
    });
    // The API in its own process, as served; the clients' requests are built before the clock
    // starts, so this process only sends bytes and the API's thread is its own.
    const apiProcess = await startApiProcess({ url: db.url }, PORT);
    const url = `${apiProcess.url}/graphql`;
    let keyNo = 0;
    const body = (size: number, client: number, step: number) =>
      JSON.stringify({
        query: INGEST,
        variables: { input: { idempotencyKey: `b${keyNo++}`, restorePoints: batch(size, client, step) } },
      });
    const send = async (payload: string) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: payload,
      });
      const json = (await res.json()) as {
        data?: { ingestRestorePoints: { accepted: number } };
        errors?: unknown;
      };
      if (!json.data) throw new Error(JSON.stringify(json.errors));
      return json.data.ingestRestorePoints.accepted;
    };

    // The floors' own connection, with Nagle off (else each COPY waits ~40 ms for a delayed ACK).
    const floorHandle = await openDatabase({ url: db.url, max: 1, noDelay: true });
    const floorClient = floorHandle.driver.kind === 'postgres' ? floorHandle.driver.sql : null;
    if (!floorClient) throw new Error('the benchmark needs PostgreSQL');
    const floors = await copyFloors(floorClient);

    console.log(
      `ingestion: restore points stored per second, ${ROUNDS} rounds of ${BATCHES_PER_ROUND} batches per client per case,`,
    );
    console.log(
      'each round followed by the floors; ratios are medians of the rounds; CPU is ms per 10,000 points',
    );
    try {
      for (const { size, clients, step } of CASES.filter((c) => !only || only.includes(caseName(c)))) {
        await send(body(size, 0, step)); // warm-up
        const sides: Record<'api' | 'copy_keyed' | 'copy_bare', Measured[]> = {
          api: [],
          copy_keyed: [],
          copy_bare: [],
        };
        const ratios: number[] = [];
        const bareRatios: number[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          const bodies = Array.from({ length: clients }, (_, client) =>
            Array.from({ length: BATCHES_PER_ROUND }, () => body(size, client, step)),
          );
          const copies = clients * BATCHES_PER_ROUND;
          const [keyedText, bareText] = [floors.prepare(copies, size), floors.prepare(copies, size)];
          const api = await measure(apiProcess.child.pid, async () => {
            let accepted = 0;
            await Promise.all(
              bodies.map(async (mine) => {
                for (const payload of mine) {
                  // Not `accepted += await …`: that reads the sum before the await, and the other
                  // client's additions in between would be lost.
                  const stored = await send(payload);
                  accepted += stored;
                }
              }),
            );
            return accepted;
          });
          const keyed = await measure(apiProcess.child.pid, () => floors.run('copy_keyed', keyedText));
          const bare = await measure(apiProcess.child.pid, () => floors.run('copy_bare', bareText));
          sides.api.push(api);
          sides.copy_keyed.push(keyed);
          sides.copy_bare.push(bare);
          ratios.push(rate([api]) / rate([keyed]));
          bareRatios.push(rate([bare]) / rate([keyed]));
        }
        console.log(
          `  batches of ${size.toLocaleString('en')}, ${clients} client${clients > 1 ? 's' : ''}, points ${step === DAY ? 'a day' : 'an hour'} apart:`,
        );
        console.log(
          `    API          ${perSecond(rate(sides.api))}   ${median(ratios).toFixed(2)}× COPY with the unique key (rounds ${ratios.map((r) => r.toFixed(2)).join(' ')})   CPU: ${cpuPer10k(sides.api)}`,
        );
        console.log(
          `    COPY, keyed  ${perSecond(rate(sides.copy_keyed))}   1.00×                                              CPU: ${cpuPer10k(sides.copy_keyed)}`,
        );
        console.log(
          `    COPY, bare   ${perSecond(rate(sides.copy_bare))}   ${median(bareRatios).toFixed(2)}×                                              CPU: ${cpuPer10k(sides.copy_bare)}`,
        );
      }
      console.log(`API peak resident memory: ${apiProcess.peakResidentMiB().toFixed(0)} MiB`);
    } finally {
      await apiProcess.stop();
      await floorHandle.close();
    }
  } finally {
    await db.drop();
  }
}

await main();
