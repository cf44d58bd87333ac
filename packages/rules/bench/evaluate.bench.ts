/**
 * Benchmark of evaluate(): an estate of N machines over several tenants, each with a month of daily
 * restore points (October 2026) and first restore points months earlier, reported for October.
 * Prints the median of several runs and its ratio to a baseline measured in the same run: a trivial
 * pass over the same facts that only counts the day bits. Then the same for 1,000,000 machines with
 * the per-machine detail left out (the SP report the API serves), with the heap it took.
 *
 *   pnpm exec tsx bench/evaluate.bench.ts            (10,000 and 1,000,000 machines)
 *   BENCH_MACHINES=50000 BENCH_MILLION=0 pnpm exec tsx bench/evaluate.bench.ts
 *   BENCH_MILLION_DETAIL=1 pnpm exec tsx bench/evaluate.bench.ts   (also a million with machine detail)
 */
import type { ActivityFact, EstateFacts, FirstFact, MachineFacts, TenantFacts } from '../src/facts.js';
import { evaluate } from '../src/index.js';

const MONTH = '2026-10';
const DAYS = (1 << 31) - 1; // bits 0..30: every day of October
const FIRST = Date.UTC(2026, 0, 15, 1);

function estate(machines: number, tenants: number): EstateFacts {
  const ts: TenantFacts[] = [];
  const perTenant = Math.ceil(machines / tenants);
  for (let t = 0; t < tenants; t++) {
    const server = `t${t}-vbr`;
    // Every fourth tenant is a rental tenant (R-RENTAL-EXEMPT), one in eight too old for it.
    const type = t % 4 === 0 ? 'rental' : 'perpetual';
    const version = t % 8 === 4 ? '9.5.0.1038' : '9.5.4.2615';
    const backup: ActivityFact = {
      server,
      opClass: 'cloud-backup',
      month: MONTH,
      days: DAYS,
      lateDays: DAYS,
    };
    const replica: ActivityFact = {
      server,
      opClass: 'cloud-replica',
      month: MONTH,
      days: DAYS,
      lateDays: DAYS,
    };
    const local: ActivityFact = { server, opClass: 'local', month: MONTH, days: DAYS, lateDays: DAYS };
    const firsts: Record<string, FirstFact> = {
      b: { server, opClass: 'cloud-backup', at: FIRST },
      r: { server, opClass: 'cloud-replica', at: FIRST },
      l: { server, opClass: 'local', at: FIRST },
    };
    const ms: MachineFacts[] = [];
    for (let i = 0; i < perTenant && t * perTenant + i < machines; i++) {
      const id = `t${t}-m${i}`;
      const k = i % 10;
      if (k < 6) ms.push({ id, kind: 'vm', activity: [backup], firsts: [firsts.b!] });
      else if (k < 8)
        ms.push({ id, kind: 'vm', activity: [backup, replica], firsts: [firsts.b!, firsts.r!] });
      else if (k < 9)
        ms.push({
          id,
          kind: 'server',
          agent: { os: 'windows', version: '2.1.0' },
          activity: [backup],
          firsts: [firsts.b!],
        });
      else
        ms.push({
          id,
          kind: 'workstation',
          agent: { os: 'linux', version: '1.5.0' },
          activity: [backup, local],
          firsts: [firsts.b!, firsts.l!],
        });
    }
    ts.push({
      id: `t${t}`,
      name: `Tenant ${t}`,
      enabled: true,
      managedBySp: t % 10 === 0,
      plan: {
        'vm-backup': perTenant,
        'vm-replica': perTenant / 5,
        server: perTenant / 10,
        workstation: perTenant / 10,
        vms: perTenant,
      },
      backupServers: [
        {
          id: server,
          version,
          licenses: [{ id: `lic-t${t}`, type, validFrom: '2025-01-01', capacity: { instances: perTenant } }],
        },
      ],
      machines: ms,
    });
  }
  return {
    ruleset: 'vbr-9.5',
    serviceProvider: {
      id: 'sp',
      name: 'SP',
      backupServers: [
        {
          id: 'sp-cc',
          version: '9.5.4.2615',
          licenses: [
            {
              id: 'lic-cc',
              type: 'cloud-connect-sp',
              validFrom: '2025-01-01',
              validTo: '2027-12-31',
              capacity: {
                'vm-backup': machines,
                'vm-replica': machines,
                server: machines,
                workstation: machines,
              },
            },
          ],
        },
      ],
    },
    tenants: ts,
  };
}

/** The floor: visit every activity fact once and count its day bits. */
function baseline(facts: EstateFacts): number {
  let bits = 0;
  for (const t of facts.tenants) {
    for (const m of t.machines) {
      for (const a of m.activity) {
        let x = a.days;
        x -= (x >>> 1) & 0x55555555;
        x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
        bits += (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
      }
    }
  }
  return bits;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => unknown, runs: number): number {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return median(out);
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;

function bench(machines: number, tenants: number, runs: number, detail: boolean): void {
  const facts = estate(machines, tenants);
  const heapFacts = process.memoryUsage().heapUsed;
  let sink = 0;
  const base = time(() => {
    sink += baseline(facts);
  }, runs);
  const report = evaluate(facts, [MONTH], { machines: detail });
  const ms = time(() => evaluate(facts, [MONTH], { machines: detail }), runs);
  const heap = process.memoryUsage().heapUsed;
  const vb = report.months[0]!.serviceProvider.counters['vm-backup'];
  console.log(
    `${machines.toLocaleString('en')} machines, ${tenants} tenants, ${detail ? 'with' : 'without'} machine detail: ` +
      `evaluate ${ms.toFixed(1)} ms (median of ${runs}), baseline ${base.toFixed(2)} ms, ratio ${(ms / base).toFixed(0)}x; ` +
      `heap ${mib(heapFacts)} with facts, ${mib(heap)} after; vm-backup used ${vb.used} rental ${vb.rental} (sink ${sink > 0})`,
  );
}

const n = Number(process.env.BENCH_MACHINES ?? 10_000);
bench(n, 20, 7, true);
bench(n, 20, 7, false);
if (process.env.BENCH_MILLION !== '0') bench(1_000_000, 500, 3, false);
// The full report of a million machines (every charge with its rules) is for export jobs, not the SP view.
if (process.env.BENCH_MILLION_DETAIL === '1') bench(1_000_000, 500, 3, true);
