/**
 * Test-only: a deliberately naive second implementation of the usage rules, working from raw restore
 * points and instants (no bitmasks, no day axis), to hold the engine's used/new/rental figures against.
 * R-ACTIVE-31D: a point at t makes its machine active at every instant of [t, t + 31 days).
 */
import type { LicenseFacts } from '../../src/facts.js';
import type { Counter } from '../../src/model.js';
import type { EstateSpec } from './build.js';

const DAY = 86_400_000;
const WINDOW = 31 * DAY;

function monthBounds(month: string): [number, number] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1)];
}

function validSpan(l: LicenseFacts): [number, number] {
  return [
    Date.parse(`${l.validFrom}T00:00:00Z`),
    l.validTo ? Date.parse(`${l.validTo}T00:00:00Z`) + DAY : Number.POSITIVE_INFINITY,
  ];
}

function geq(v: string, gate: string): boolean {
  const a = v.split('.').map(Number);
  const b = gate.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/** Whether [t, t+31d) meets [lo, hi). */
const meets = (t: number, lo: number, hi: number) => t < hi && t + WINDOW > lo;

export interface OracleFigures {
  counters: Record<string, Record<Counter, [number, number, number]>>;
  licenses: Record<string, [number, number]>;
}

export function oracle(spec: EstateSpec, month: string): OracleFigures {
  const [mLo, mHi] = monthBounds(month);
  const spServers = spec.spServers ?? [];
  const spIds = new Set(spServers.map((s) => s.id));
  const ccServers = spServers.filter((s) => s.licenses.some((l) => l.type === 'cloud-connect-sp'));
  const spOk = (ccServers.length ? ccServers : spServers).every((s) => geq(s.version, '9.5.0.1536'));
  const out: OracleFigures = { counters: {}, licenses: {} };
  for (const t of spec.tenants) {
    const servers = new Map((t.servers ?? []).map((s) => [s.id, s]));
    const figures: Record<Counter, [number, number, number]> = {
      'vm-backup': [0, 0, 0],
      'vm-replica': [0, 0, 0],
      server: [0, 0, 0],
      workstation: [0, 0, 0],
    };
    for (const m of t.machines ?? []) {
      const kind = m.kind ?? 'vm';
      const rps = t.rps
        .filter((rp) => rp.machine === m.id && !spIds.has(rp.server ?? ''))
        .map((rp) => ({ ...rp, t: Number(rp.at) }));
      for (const replica of [false, true]) {
        if (replica && kind !== 'vm') continue;
        const counter: Counter = replica ? 'vm-replica' : kind === 'vm' ? 'vm-backup' : kind;
        const qual = rps.filter((rp) =>
          replica ? rp.op === 'cloud-replica' : rp.op === 'cloud-backup' || rp.op === 'cloud-backup-copy',
        );
        if (qual.length === 0) continue;
        const first = Math.min(...qual.map((rp) => rp.t));
        const exempt = (rp: (typeof qual)[number]) => {
          if (replica) return false;
          const s = servers.get(rp.server ?? '');
          if (!s || !spOk || !geq(s.version, '9.5.0.1536')) return false;
          if (m.agent && !geq(m.agent.version, m.agent.os === 'windows' ? '2.1' : '2.0')) return false;
          const day = Math.floor(rp.t / DAY) * DAY;
          return s.licenses.some(
            (l) =>
              (l.type === 'rental' || l.type === 'hosting') &&
              validSpan(l)[0] <= day &&
              day < validSpan(l)[1],
          );
        };
        const charged = qual.some((rp) => !exempt(rp) && meets(rp.t, mLo, mHi));
        const rental = qual.some((rp) => exempt(rp) && meets(rp.t, mLo, mHi));
        const f = figures[counter];
        if (charged) f[first >= mLo && first < mHi ? 1 : 0]++;
        else if (rental) f[2]++;
      }
      for (const s of t.servers ?? []) {
        const byServer = rps.filter((rp) => rp.server === s.id);
        if (byServer.length === 0) continue;
        const firstBy = Math.min(...byServer.map((rp) => rp.t));
        for (const l of s.licenses) {
          if (l.type === 'cloud-connect-sp') continue;
          const [from, to] = validSpan(l);
          const lo = Math.max(mLo, from);
          const hi = Math.min(mHi, to);
          if (lo >= hi || !byServer.some((rp) => meets(rp.t, lo, hi))) continue;
          const onLicense = Math.max(firstBy, from);
          const key = `${t.id}/${l.id}`;
          const f = out.licenses[key] ?? [0, 0];
          out.licenses[key] = f;
          f[onLicense >= mLo && onLicense < mHi ? 1 : 0]++;
        }
      }
    }
    out.counters[t.id] = figures;
  }
  return out;
}
