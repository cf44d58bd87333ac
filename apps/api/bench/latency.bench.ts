/**
 * `licenseReport` under load: p50/p99 latency and requests per second at 50 concurrent clients, for
 * one tenant and for the SP, against a bare `node:http` server returning the same JSON (the floor of
 * any HTTP service on this machine). Both servers run as child processes; the clients run here.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { monthOf } from '@vcc/rules';
import { seededEstate } from './seeded-estate.js';

const CLIENTS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const MAIN = path.resolve(import.meta.dirname, '../src/cli/main.ts');
const month = process.env.BENCH_MONTH ?? monthOf(Date.now());
const QUERY = `{ licenseReport(month: "${month}") { month serviceProvider { counters { counter used new rental units capacity peak state } units { used capacity state } }
  tenants { tenant { externalId name } counters { counter used new rental units } licenses { license { externalId type } used new capacity peak state } hosting { planned used capacity obligation shortfall } }
  violations { code severity message tenant { externalId } } } }`;

const url =
  process.env.BENCH_REPORT_DATABASE_URL ??
  (await seededEstate({
    tenants: Number(process.env.BENCH_TENANTS ?? 1_000),
    machines: Number(process.env.BENCH_MACHINES ?? 100_000),
    months: 1,
  }));

function vcc(args: string[]): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: url },
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

async function waitFor(target: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      await fetch(target);
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`${target} did not start`);
}

async function load(target: string, init: RequestInit): Promise<{ p50: number; p99: number; rps: number }> {
  const latencies: number[] = [];
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        const res = await fetch(target, init);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { p50: at(0.5), p99: at(0.99), rps: latencies.length / SECONDS };
}

const spKey = vcc(['keys', 'create', '--role', 'sp-viewer']);
const tenantKey = vcc(['keys', 'create', '--tenant', 't-1', '--role', 'tenant-viewer']);
const children: ChildProcess[] = [];
try {
  const api = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', '--port', '4911'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      VCC_API_SECRET: 'x'.repeat(40),
      RATE_LIMIT_PER_KEY: '10000000',
      RATE_LIMIT_PER_IP: '10000000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(api);
  await waitFor('http://127.0.0.1:4911/healthz');
  const graphql = (key: string): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: QUERY }),
  });
  const results: [
    string,
    { p50: number; p99: number; rps: number },
    { p50: number; p99: number; rps: number },
  ][] = [];
  for (const [who, key] of [
    ['tenant t-1', tenantKey],
    ['SP', spKey],
  ] as const) {
    // The answer, served again by a bare node:http server: the floor for the same bytes.
    const body = await (await fetch('http://127.0.0.1:4911/graphql', graphql(key))).text();
    const bare = spawn(
      process.execPath,
      [
        '-e',
        `require('http').createServer((q,s)=>{q.resume();q.on('end',()=>{s.setHeader('content-type','application/json');s.end(process.env.BODY)})}).listen(4912)`,
      ],
      { env: { ...process.env, BODY: body }, stdio: 'ignore' },
    );
    children.push(bare);
    await waitFor('http://127.0.0.1:4912/');
    const viaApi = await load('http://127.0.0.1:4911/graphql', graphql(key));
    const floor = await load('http://127.0.0.1:4912/', { method: 'POST', body: '{}' });
    bare.kill();
    results.push([`${who} (${Math.round(body.length / 1024)} KiB)`, viaApi, floor]);
  }
  console.log(`licenseReport at ${CLIENTS} concurrent clients, ${SECONDS} s each:`);
  for (const [who, a, f] of results) {
    console.log(
      `  ${who.padEnd(22)} p50 ${a.p50.toFixed(1)} ms, p99 ${a.p99.toFixed(1)} ms, ${a.rps.toFixed(0)} req/s` +
        ` | bare node:http p50 ${f.p50.toFixed(1)} ms, ${f.rps.toFixed(0)} req/s | throughput ${((100 * a.rps) / f.rps).toFixed(0)}% of bare`,
    );
  }
} finally {
  for (const child of children) child.kill();
}
