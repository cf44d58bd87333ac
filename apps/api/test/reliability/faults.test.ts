/**
 * Idempotency under faults, on a private PostgreSQL cluster (so that it may be restarted) with the
 * API as a child process: the same batches sent concurrently and repeatedly; the API SIGKILLed in
 * the middle of batches and started again; the API's connections terminated mid-transaction; the
 * database server restarted during load. Clients retry every unacknowledged batch with its key.
 * After each phase the monthly figures must equal the reference model exactly, every batch must be
 * acknowledged, and each point must be stored and counted once.
 */
import { openDatabase, queryRows } from '@vcc/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildApi, startChildApi } from './support/child-api.js';
import { IngestLog, runClients, sendUntilAcknowledged } from './support/clients.js';
import { type EstateDatabase, freshDatabase, gql, makeKey } from './support/estate.js';
import { type PrivateCluster, startPrivateCluster } from './support/private-cluster.js';
import { type Batch, compareWithReference, distinctPoints, makeBatches } from './support/reference.js';
import { Tally } from './support/stats.js';

const BASE_POINTS = 36;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('idempotency under faults (private cluster, API as a child process)', () => {
  let cluster: PrivateCluster;
  let db: EstateDatabase;
  let api: ChildApi;
  let key: string;
  const log = new IngestLog();
  const allBatches: Batch[] = [];

  beforeAll(async () => {
    cluster = await startPrivateCluster();
    db = await freshDatabase(cluster.url);
    key = (await makeKey(db, 'sp-admin')).key;
    api = await startChildApi({ databaseUrl: db.url });
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop().catch(() => {});
    cluster?.destroy();
  });

  const poolReplacements = () => api.logs().split('replacing the connection pool').length - 1;

  /** Every batch acknowledged once, stored once; the figures equal the reference. */
  async function verify(phase: string, batches: Batch[]) {
    allBatches.push(...batches);
    const acked = new Tally('idempotency', `${phase}: every batch acknowledged`);
    for (const b of batches) acked.check(log.acknowledged.has(b.idempotencyKey), () => b.idempotencyKey);
    acked.record(`${log.sent} requests sent, ${log.retries()} retried so far`);

    const [row] = await queryRows<{ points: number; records: number }>(
      db.db,
      sql`select (select count(*) from restore_points)::int as points, (select count(*) from idempotency_records)::int as records`,
    );
    const expectedPoints = distinctPoints(allBatches);
    const once = new Tally('idempotency', `${phase}: each point stored and counted once`);
    once.check(
      Number(row!.points) === expectedPoints,
      () => `restore_points ${row!.points} ≠ ${expectedPoints}`,
    );
    once.check(
      Number(row!.records) === allBatches.length,
      () => `records ${row!.records} ≠ ${allBatches.length}`,
    );
    once.check(
      log.acceptedTotal() === expectedPoints - BASE_POINTS,
      () => `sum of accepted ${log.acceptedTotal()} ≠ ${expectedPoints - BASE_POINTS}`,
    );
    once.check(log.inconsistent().length === 0, () => log.inconsistent().join('; '));
    once.record();

    const figures = new Tally('idempotency', `${phase}: licenseReport equals the reference model`);
    const compared = await compareWithReference(api.url, key, log.acknowledged.values());
    for (let i = 0; i < compared.months; i++) figures.check(i >= compared.differing.length);
    figures.record(`${compared.months} months`);

    expect(log.fatal).toEqual([]);
    expect(acked.failures).toEqual([]);
    expect(once.failures).toEqual([]);
    expect(compared.differing).toEqual([]);
  }

  it('stores a batch once when it is sent concurrently and repeatedly', async () => {
    const batches = makeBatches('p1', 20, 50, 1);
    const deadline = Date.now() + 60_000;
    for (let round = 0; round < 3; round++) {
      await Promise.all(
        batches.flatMap((b) => [1, 2, 3, 4].map(() => sendUntilAcknowledged(api.url, key, b, log, deadline))),
      );
    }
    const first = new Tally(
      'idempotency',
      'same batch 4× concurrently, 3 rounds: one first answer, the rest replays',
    );
    for (const b of batches) {
      const answers = log.answers.get(b.idempotencyKey) ?? [];
      first.check(
        answers.length === 12 && answers.filter((a) => !a.replayed).length === 1,
        () => `${b.idempotencyKey}: ${JSON.stringify(answers)}`,
      );
    }
    first.record(`${batches.length} batches × 12 sends`);
    expect(first.failures).toEqual([]);
    await verify('concurrent repeats', batches);
  });

  it('loses and doubles nothing when the API is SIGKILLed mid-batch and restarted', async () => {
    // Enough batches that the load outlasts several kills on a fast machine too.
    const batches = makeBatches('p2', 192, 150, 2);
    const perClient = Array.from({ length: 8 }, (_, c) => batches.filter((_, i) => i % 8 === c));
    const deadline = Date.now() + 120_000;
    let done = false;
    const load = runClients(api.url, key, perClient, log, deadline).finally(() => {
      done = true;
    });
    const kills = new Tally('idempotency', 'API SIGKILLed during ingestion, then restarted');
    for (let i = 0; i < 4 && !done; i++) {
      await sleep(400 + Math.random() * 400);
      if (done) break;
      await api.kill();
      await sleep(200);
      await api.start();
      kills.check(true);
    }
    await load;
    kills.record();
    expect(kills.count).toBeGreaterThanOrEqual(2);
    await verify('SIGKILL of the API', batches);
  });

  it('loses and doubles nothing when its connections are terminated mid-transaction', async () => {
    const admin = await openDatabase({ url: cluster.url, max: 1 });
    const batches = makeBatches('p3', 192, 150, 3);
    const perClient = Array.from({ length: 8 }, (_, c) => batches.filter((_, i) => i % 8 === c));
    let done = false;
    const load = runClients(api.url, key, perClient, log, Date.now() + 120_000).finally(() => {
      done = true;
    });
    const pid = api.pid();
    const terminated = new Tally(
      'idempotency',
      "API's backends terminated mid-transaction (pg_terminate_backend)",
    );
    while (!done) {
      await sleep(150 + Math.random() * 250);
      const rows = await queryRows<{ ok: boolean }>(
        admin.db,
        sql`select pg_terminate_backend(pid) as ok from pg_stat_activity
             where datname = ${db.name} and pid <> pg_backend_pid() and backend_type = 'client backend'
               and (state = 'idle in transaction' or (state = 'active' and xact_start is not null))`,
      );
      for (const r of rows) terminated.check(r.ok === true);
    }
    await load;
    await admin.close();
    terminated.check(api.pid() === pid, () => `the API process died:\n${api.logs().slice(-4000)}`);
    terminated.record(`the API process kept running; ${poolReplacements()} pool replacements so far`);
    expect(terminated.failures).toEqual([]);
    expect(terminated.count).toBeGreaterThan(5);
    await verify('terminated connections', batches);
  });

  it('loses and doubles nothing across PostgreSQL restarts, and the API recovers within 5 s by itself', async () => {
    const batches = makeBatches('p4', 96, 150, 4);
    const perClient = Array.from({ length: 8 }, (_, c) => batches.filter((_, i) => i % 8 === c));
    let done = false;
    const load = runClients(api.url, key, perClient, log, Date.now() + 150_000).finally(() => {
      done = true;
    });
    const pid = api.pid();
    const recovery = new Tally(
      'idempotency',
      'PostgreSQL restarted under load: API answers again within 5 s',
    );
    const times: number[] = [];
    for (let i = 0; i < 2; i++) {
      await sleep(800);
      cluster.stop();
      await sleep(1_000);
      cluster.start();
      const back = Date.now();
      let ms = Number.POSITIVE_INFINITY;
      // What the API last answered while not recovered, and its log then: what a failure needs read.
      let last = '';
      while (Date.now() - back < 15_000) {
        try {
          // A request the API holds longer than a second is noted as such, not waited out.
          const res = await gql(api.url, '{ viewer { role } }', {}, key, {}, AbortSignal.timeout(1_000));
          if (res.data && !res.errors) {
            ms = Date.now() - back;
            break;
          }
          last = JSON.stringify(res.errors ?? res).slice(0, 500);
        } catch (error) {
          last = String(error);
        }
        await sleep(25);
      }
      times.push(ms);
      recovery.check(
        ms <= 5_000,
        () => `recovered after ${ms} ms; last answer: ${last}\nAPI log:\n${api.logs().slice(-3000)}`,
      );
    }
    await load;
    recovery.check(api.pid() === pid, () => `the API process died:\n${api.logs().slice(-4000)}`);
    recovery.record(`recovery ${times.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')}`);
    expect(done).toBe(true);
    expect(recovery.failures).toEqual([]);
    await verify('PostgreSQL restarts', batches);
  });
});
