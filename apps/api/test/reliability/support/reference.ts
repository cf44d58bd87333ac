/**
 * The in-memory reference model of ingestion: the three-tenant estate plus every acknowledged
 * restore point, as a scenario, evaluated by the engine itself (evaluate on scenarioToFacts). The
 * API's licenseReport must equal it exactly: nothing lost, nothing counted twice.
 */
import { isDeepStrictEqual } from 'node:util';
import { evaluate, type MonthReport, type Scenario, scenarioToFacts } from '@vcc/rules';
import { LICENSE_REPORT, toReportMonth } from '../../support/report-query.js';
import { TENANTS, threeTenantScenario } from '../../support/three-tenants.js';
import { gql } from './estate.js';

export interface PointInput {
  tenant: string;
  machine: string;
  machineKind: 'VM' | 'SERVER' | 'WORKSTATION';
  agentOs: 'WINDOWS' | 'LINUX' | null;
  agentVersion: string | null;
  server: string;
  operation:
    | 'CLOUD_BACKUP'
    | 'CLOUD_BACKUP_COPY'
    | 'CLOUD_REPLICA'
    | 'LOCAL_BACKUP'
    | 'LOCAL_BACKUP_COPY'
    | 'LOCAL_REPLICA';
  at: string;
}

export interface Batch {
  idempotencyKey: string;
  restorePoints: PointInput[];
}

export const INGEST = /* GraphQL */ `
  mutation Ingest($input: IngestRestorePointsInput!) {
    ingestRestorePoints(input: $input) { accepted duplicates replayed }
  }`;

export const REPORT_MONTHS = ['2026-10', '2026-11'];

/** A small deterministic random source (mulberry32), so a failing run can be repeated. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = [
  { kind: 'VM', agentOs: null, agentVersion: null, ops: ['CLOUD_BACKUP', 'CLOUD_REPLICA', 'LOCAL_BACKUP'] },
  { kind: 'SERVER', agentOs: 'WINDOWS', agentVersion: '6.0.0.959', ops: ['CLOUD_BACKUP', 'LOCAL_BACKUP'] },
  {
    kind: 'WORKSTATION',
    agentOs: 'LINUX',
    agentVersion: '6.0.0.1060',
    ops: ['CLOUD_BACKUP', 'LOCAL_BACKUP_COPY'],
  },
] as const;

/**
 * `count` batches of `size` points for the clients named `prefix`: machines are drawn from a small
 * pool per tenant (so batches overlap and repeat points: duplicates), times from Oct–Nov 2026.
 */
export function makeBatches(
  prefix: string,
  count: number,
  size: number,
  seed: number,
  onlyTenant?: string,
): Batch[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: count }, (_, b) => ({
    idempotencyKey: `${prefix}-batch-${b}`,
    restorePoints: Array.from({ length: size }, () => {
      const tenant = onlyTenant ?? pick(TENANTS);
      const n = Math.floor(rnd() * 12);
      const k = KINDS[n % 3]!;
      const day = 1 + Math.floor(rnd() * 58);
      const date = new Date(Date.UTC(2026, 9, day, Math.floor(rnd() * 4) * 6));
      return {
        tenant,
        machine: `${tenant}-${prefix.split('-')[0]}-m${n}`,
        machineKind: k.kind,
        agentOs: k.agentOs,
        agentVersion: k.agentVersion,
        server: `${tenant}-vbr`,
        operation: pick(k.ops),
        at: date.toISOString().replace('.000Z', 'Z'),
      };
    }),
  }));
}

const lower = (s: string) => s.toLowerCase().replace(/_/g, '-');

/** The base estate plus these points, as a scenario. */
export function scenarioWith(points: Iterable<PointInput>): Scenario {
  const scenario = threeTenantScenario();
  const seen = new Set<string>();
  for (const p of points) {
    const tenant = scenario.tenants.find((t) => t.id === p.tenant)!;
    const machineKey = `${p.tenant}\u0000${p.machine}`;
    if (!seen.has(machineKey) && !tenant.machines.some((m) => m.id === p.machine)) {
      tenant.machines.push({
        id: p.machine,
        kind: lower(p.machineKind) as 'vm',
        ...(p.agentOs ? { agent: { os: lower(p.agentOs) as 'windows', version: p.agentVersion! } } : {}),
      });
    }
    seen.add(machineKey);
    tenant.restorePoints.push({
      machine: p.machine,
      server: p.server,
      operation: lower(p.operation) as 'cloud-backup',
      at: p.at,
    });
  }
  return scenario;
}

/** The distinct points (by natural key) among these batches and the base estate. */
export function distinctPoints(batches: Iterable<Batch>): number {
  const keys = new Set<string>();
  for (const t of threeTenantScenario().tenants)
    for (const p of t.restorePoints)
      keys.add(`${t.id}|${p.machine}|${p.server}|${p.operation}|${Date.parse(p.at)}`);
  for (const b of batches)
    for (const p of b.restorePoints)
      keys.add(`${p.tenant}|${p.machine}|${p.server}|${lower(p.operation)}|${Date.parse(p.at)}`);
  return keys.size;
}

/** JSON's view of a value (undefined properties dropped), so that key order and undefined do not count. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value ?? null)) as unknown;

function withoutMachines(m: MonthReport) {
  return { ...m, tenants: m.tenants.map(({ machines: _m, ...t }) => t) };
}

/**
 * Compares the API's licenseReport for each month with the reference; returns the months that differ
 * (empty when all equal), with the first difference's JSON for the message.
 */
export async function compareWithReference(
  url: string,
  key: string,
  acknowledged: Iterable<Batch>,
): Promise<{ months: number; differing: string[] }> {
  const points = [...acknowledged].flatMap((b) => b.restorePoints);
  const expected = evaluate(scenarioToFacts(scenarioWith(points)), REPORT_MONTHS, { machines: false });
  const differing: string[] = [];
  for (const month of expected.months) {
    const res = await gql<{ licenseReport: Parameters<typeof toReportMonth>[0] }>(
      url,
      LICENSE_REPORT,
      { month: month.month },
      key,
    );
    const got = plain(res.data?.licenseReport ? toReportMonth(res.data.licenseReport) : res.errors);
    const want = plain(withoutMachines(month));
    if (!isDeepStrictEqual(got, want))
      differing.push(
        `${month.month}: got ${JSON.stringify(got).slice(0, 600)} want ${JSON.stringify(want).slice(0, 600)}`,
      );
  }
  return { months: expected.months.length, differing };
}
