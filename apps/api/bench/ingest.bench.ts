/**
 * Ingestion throughput: restore points per second through the GraphQL mutation (batches of 1,000 and
 * 10,000; one and two concurrent clients) against two floors measured in the same run: COPY of the
 * same rows into a table with the same unique key, and COPY into a bare table.
 */
import 'reflect-metadata';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { importScenario, schema } from '@vcc/db';
import type { Scenario } from '@vcc/rules';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { createApiKey } from '../src/keys/create-api-key.js';
import { createApp } from '../src/server/app.js';
import { createBenchDatabase } from './bench-database.js';
import { ingestBatch } from './graphql-requests.js';

/** Two groups of tenants, one per client, as two Cloud Connect servers would send. */
const TENANTS = 40;
const MACHINES_PER_TENANT = 500;
const BATCHES_PER_CASE = Number(process.env.BENCH_BATCHES ?? 6);

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
      machine: `m${Math.floor(n / TENANTS)}`,
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
    const config = loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_KEY: '1000000',
      RATE_LIMIT_PER_IP: '1000000',
    });
    const { app, apollo } = await createApp({
      db: db.handle.db,
      config,
      log: pino({ level: 'silent' }),
      secret: 'x'.repeat(40),
    });
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    let keyNo = 0;
    const send = (size: number, client = 0) => ingestBatch(url, key, `b${keyNo++}`, batch(size, client));

    const results: Record<string, number> = {};
    for (const size of [1_000, 10_000]) {
      for (const clients of [1, 2]) {
        await send(size); // warm-up
        const started = performance.now();
        let accepted = 0;
        await Promise.all(
          Array.from({ length: clients }, async (_, client) => {
            for (let i = 0; i < BATCHES_PER_CASE; i++) accepted += await send(size, client);
          }),
        );
        const perSecond = accepted / ((performance.now() - started) / 1000);
        results[`api ${size}x${clients}`] = perSecond;
      }
    }
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await apollo.stop();

    // Floors: COPY the same shape of rows (10,000 per COPY, the same total) into a table with the
    // same unique key, and into a bare table.
    const sql = db.handle.driver.kind === 'postgres' ? db.handle.driver.sql : null;
    if (!sql) throw new Error('the benchmark needs PostgreSQL');
    await sql`create table copy_keyed (tenant_id uuid, machine_id bigint, server_id uuid, operation operation, at timestamptz(3), primary key (tenant_id, machine_id, server_id, operation, at))`;
    await sql`create table copy_bare (tenant_id uuid, machine_id bigint, server_id uuid, operation operation, at timestamptz(3))`;
    const [ids] =
      await sql`select (select id from tenants limit 1) as tenant, (select id from backup_servers limit 1) as server`;
    for (const table of ['copy_keyed', 'copy_bare']) {
      const total = BATCHES_PER_CASE * 2 * 10_000;
      const started = performance.now();
      for (let b = 0; b < total / 10_000; b++) {
        const lines = [];
        for (let i = 0; i < 10_000; i++)
          lines.push(
            `${ids!.tenant}\t${i}\t${ids!.server}\tcloud-backup\t${new Date(Date.UTC(2026, 0, 1) + b * 3_600_000).toISOString()}\n`,
          );
        await pipeline(
          Readable.from([lines.join('')]),
          await sql.unsafe(`copy ${table} from stdin`).writable(),
        );
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
