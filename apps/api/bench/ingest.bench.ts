/**
 * Ingestion throughput: restore points per second through the GraphQL mutation (batches of 1,000 and
 * 10,000; one and two concurrent clients) against two floors measured in the same run: COPY of the
 * same rows into a table with the same unique key, and COPY into a bare table.
 */
import 'reflect-metadata';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { importScenario, schema } from '@vcc/db';
import type { Scenario } from '@vcc/rules';
import { createApiKey } from '../src/keys/create-api-key.js';
import { createBenchDatabase } from './bench-database.js';
import { INGEST } from './graphql-requests.js';
import { startApiProcess } from './vcc-process.js';

/** Two groups of tenants, one per client, as two Cloud Connect servers would send. */
const TENANTS = 40;
const MACHINES_PER_TENANT = 500;
const BATCHES_PER_CASE = Number(process.env.BENCH_BATCHES ?? 6);
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
/** A batch of `size` new points from client `c`'s machines, one hour later each round. */
function batch(size: number, c: number) {
  const points = [];
  const machines = (TENANTS / 2) * MACHINES_PER_TENANT;
  for (let i = 0; i < size; i++) {
    const n = i % machines;
    if (n === 0) clocks[c]! += 3_600_000;
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
    const api = await startApiProcess({ url: db.url }, PORT);
    const url = `${api.url}/graphql`;
    let keyNo = 0;
    const body = (size: number, client: number) =>
      JSON.stringify({
        query: INGEST,
        variables: { input: { idempotencyKey: `b${keyNo++}`, restorePoints: batch(size, client) } },
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

    const results: Record<string, number> = {};
    try {
      for (const size of [1_000, 10_000]) {
        for (const clients of [1, 2]) {
          await send(body(size, 0)); // warm-up
          const bodies = Array.from({ length: clients }, (_, client) =>
            Array.from({ length: BATCHES_PER_CASE }, () => body(size, client)),
          );
          const started = performance.now();
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
          results[`api ${size}x${clients}`] = accepted / ((performance.now() - started) / 1000);
        }
      }
      console.log(`API peak resident memory: ${api.peakResidentMiB().toFixed(0)} MiB`);
    } finally {
      await api.stop();
    }

    // Floors: COPY the same shape of rows (10,000 per COPY, the same total) into a table with the
    // same unique key, and into a bare table.
    const sql = db.handle.driver.kind === 'postgres' ? db.handle.driver.sql : null;
    if (!sql) throw new Error('the benchmark needs PostgreSQL');
    await sql`create table copy_keyed (tenant_id uuid, machine_id bigint, server_id uuid, operation operation, at timestamptz(3), primary key (tenant_id, machine_id, server_id, operation, at))`;
    await sql`create table copy_bare (tenant_id uuid, machine_id bigint, server_id uuid, operation operation, at timestamptz(3))`;
    const [ids] =
      await sql`select (select id from tenants limit 1) as tenant, (select id from backup_servers limit 1) as server`;
    // The rows' text is built before the clock starts, as the API's requests are.
    const total = BATCHES_PER_CASE * 2 * 10_000;
    const copies = Array.from({ length: total / 10_000 }, (_, b) => {
      const at = new Date(Date.UTC(2026, 0, 1) + b * 3_600_000).toISOString();
      const lines = [];
      for (let i = 0; i < 10_000; i++)
        lines.push(`${ids!.tenant}\t${i}\t${ids!.server}\tcloud-backup\t${at}\n`);
      return lines.join('');
    });
    for (const table of ['copy_keyed', 'copy_bare']) {
      const started = performance.now();
      for (const text of copies) {
        await pipeline(Readable.from([text]), await sql.unsafe(`copy ${table} from stdin`).writable());
      }
      results[table] = total / ((performance.now() - started) / 1000);
    }
    const keyed = results.copy_keyed!;
    console.log('ingestion (restore points per second, PostgreSQL):');
    for (const [name, value] of Object.entries(results)) {
      console.log(
        `  ${name.padEnd(16)} ${Math.round(value).toLocaleString('en').padStart(10)}/s   ${(value / keyed).toFixed(2)}× COPY with the unique key`,
      );
    }
  } finally {
    await db.drop();
  }
}

await main();
