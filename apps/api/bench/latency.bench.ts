/**
 * `licenseReport` under load: p50/p99 latency and requests per second at 50 concurrent clients, for
 * one tenant and for the SP, against a bare `node:http` server returning the same JSON (the floor of
 * any HTTP service on this machine). Both servers run as child processes; the clients run here.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, queryRows } from '@vcc/db';
import { sql } from 'drizzle-orm';
import { graphqlRequest, ingestBatch, licenseReportQuery } from './graphql-requests.js';
import { type LoadResult, load } from './http-load.js';
import { latestMonth, seededEstate } from './seeded-estate.js';
import { startApiProcess, vcc, waitFor } from './vcc-process.js';

const CLIENTS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const url =
  process.env.BENCH_REPORT_DATABASE_URL ??
  (await seededEstate({
    tenants: Number(process.env.BENCH_TENANTS ?? 10_000),
    machines: Number(process.env.BENCH_MACHINES ?? 1_000_000),
    months: 1,
  }));
const database = { url };
const month = process.env.BENCH_MONTH ?? (await latestMonth(url));
const QUERY = licenseReportQuery(month);

const spKey = vcc(database, ['keys', 'create', '--role', 'sp-viewer']);
const tenantKey = vcc(database, ['keys', 'create', '--tenant', 't-1', '--role', 'tenant-viewer']);
const writerKey = vcc(database, ['keys', 'create', '--role', 'sp-admin']);
const api = await startApiProcess(database, 4911);

/** A tenant's first machine and its server: where a live estate's batches go. */
async function machineOf(tenant: string): Promise<{ tenant: string; machine: string; server: string }> {
  const handle = await openDatabase({ url, max: 1 });
  try {
    const [row] = await queryRows<{ tenant: string; machine: string; server: string }>(
      handle.db,
      sql`select t.external_id as tenant,
                 (select external_id from machines where tenant_id = t.id order by id limit 1) as machine,
                 (select external_id from backup_servers where tenant_id = t.id limit 1) as server
            from tenants t where t.external_id = ${tenant}`,
    );
    return row!;
  } finally {
    await handle.close();
  }
}

/**
 * A live estate: a batch of one new point for `tenant` every 100 ms until `done` resolves (each
 * moves the SP's estate version); how many were sent.
 */
async function ingestMeanwhile(tenant: string, done: Promise<unknown>): Promise<number> {
  const target = await machineOf(tenant);
  const firstDay = Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1);
  let finished = false;
  void done.finally(() => {
    finished = true;
  });
  let sent = 0;
  const run = Date.now();
  while (!finished) {
    const at = new Date(firstDay + ((run + sent) % 86_400_000)).toISOString();
    await ingestBatch(`${api.url}/graphql`, writerKey, `latency-${run}-${sent}`, [
      { ...target, operation: 'CLOUD_BACKUP', at },
    ]);
    sent++;
    await new Promise((r) => setTimeout(r, 100));
  }
  return sent;
}
const children: ChildProcess[] = [];
const bodyDir = mkdtempSync(path.join(tmpdir(), 'vcc-latency-'));
let bodies = 0;
const bodyFile = (body: string) => {
  const file = path.join(bodyDir, `answer-${bodies++}.json`);
  writeFileSync(file, body);
  return file;
};
try {
  const results: [string, LoadResult, LoadResult, number][] = [];
  /** A case's figures, with the API's peak memory once it has run. */
  const record = (who: string, viaApi: LoadResult, floor: LoadResult) =>
    results.push([who, viaApi, floor, api.peakResidentMiB()]);
  for (const [who, key] of [
    ['tenant t-1', tenantKey],
    ['SP', spKey],
  ] as const) {
    // The answer, served again by a bare node:http server: the floor for the same bytes.
    const body = await (await fetch(`${api.url}/graphql`, graphqlRequest(key, QUERY))).text();
    const bare = spawn(
      process.execPath,
      [
        '-e',
        `const b=require('fs').readFileSync(process.env.BODY_FILE);require('http').createServer((q,s)=>{q.resume();q.on('end',()=>{s.setHeader('content-type','application/json');s.end(b)})}).listen(4912)`,
      ],
      // Through a file: the SP's answer at scale is megabytes, too large for an environment variable.
      { env: { ...process.env, BODY_FILE: bodyFile(body) }, stdio: 'ignore' },
    );
    children.push(bare);
    await waitFor('http://127.0.0.1:4912/');
    const viaApi = await load(`${api.url}/graphql`, graphqlRequest(key, QUERY), {
      clients: CLIENTS,
      seconds: SECONDS,
    });
    const floor = await load(
      'http://127.0.0.1:4912/',
      { method: 'POST', body: '{}' },
      { clients: CLIENTS, seconds: SECONDS },
    );
    bare.kill();
    record(`${who} (${Math.round(body.length / 1024)} KiB)`, viaApi, floor);
    if (who !== 'SP') {
      // The same on a live estate: batches for another tenant leave its answers be; batches for
      // the tenant itself end them (the baseline: every batch did so before answers were keyed
      // by the tenant's own versions).
      for (const writing of ['t-2', 't-1']) {
        const live = load(`${api.url}/graphql`, graphqlRequest(key, QUERY), {
          clients: CLIENTS,
          seconds: SECONDS,
        });
        const batches = await ingestMeanwhile(writing, live);
        record(`${who}, ${batches} batches for ${writing}`, await live, floor);
      }
    }
    // Requests the answer cache cannot replay, for a tenant only (the SP's answer at scale is
    // megabytes, whose serialisation alone takes a second). Each goes through authentication,
    // Apollo and a scoped transaction; the report itself comes from the report cache.
    if (who === 'SP') continue;
    // The same query with other bytes each time (an unused variable), as a request with other
    // variables or under another credential is: Apollo knows the document.
    const knownQuery = await load(`${api.url}/graphql`, (n) => graphqlRequest(key, QUERY, { n }), {
      clients: CLIENTS,
      seconds: SECONDS,
    });
    record(`${who}, not replayed`, knownQuery, floor);
    // A new operation name each time: also a document Apollo must parse and validate (the worst case).
    const newQuery = await load(
      `${api.url}/graphql`,
      (n) => graphqlRequest(key, licenseReportQuery(month, `Q${n}`)),
      { clients: CLIENTS, seconds: SECONDS },
    );
    record(`${who}, new query text`, newQuery, floor);
  }
  console.log(`licenseReport at ${CLIENTS} concurrent clients, ${SECONDS} s each:`);
  console.log(`  API peak resident memory: ${api.peakResidentMiB().toFixed(0)} MiB`);
  for (const [who, a, f, peak] of results) {
    console.log(
      `  ${who.padEnd(32)} p50 ${a.p50.toFixed(1)} ms, p99 ${a.p99.toFixed(1)} ms, ${a.rps.toFixed(0)} req/s` +
        ` | bare node:http p50 ${f.p50.toFixed(1)} ms, ${f.rps.toFixed(0)} req/s | throughput ${((100 * a.rps) / f.rps).toFixed(0)}% of bare | API peak so far ${peak.toFixed(0)} MiB`,
    );
  }
} finally {
  for (const child of children) child.kill();
  await api.stop();
  rmSync(bodyDir, { recursive: true, force: true });
}
