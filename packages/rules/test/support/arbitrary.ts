/**
 * Test-only: fast-check generators of small estates as restore points (so properties can shuffle,
 * duplicate and add points) with licenses, versions and agents that reach every rule, and months to
 * report. Times cluster on exact midnights and month ends, where the windows have their edges.
 */
import fc from 'fast-check';
import type { LicenseFacts } from '../../src/facts.js';
import type { Capacity, LicenseType, Operation, RulesetId } from '../../src/model.js';
import { DAY_MS } from '../../src/time.js';
import { type EstateSpec, lic, type MachineSpec, type Rp, server, type TenantSpec, U2, U3 } from './build.js';

export const FROM = Date.UTC(2026, 0, 1);
export const TO = Date.UTC(2026, 8, 1);
export const MONTHS = ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'];

const date = fc
  .integer({ min: Date.UTC(2025, 11, 1) / DAY_MS, max: Date.UTC(2026, 9, 1) / DAY_MS })
  .map((d) => new Date(d * DAY_MS).toISOString().slice(0, 10));

const licenseArb = (id: string, types: LicenseType[]): fc.Arbitrary<LicenseFacts> =>
  fc
    .record({
      type: fc.constantFrom(...types),
      instances: fc.integer({ min: 0, max: 4 }),
      from: date,
      to: fc.option(date, { nil: undefined }),
    })
    .map(({ type, instances, from, to }) =>
      lic(id, type, { instances }, to && to < from ? to : from, to && to < from ? from : to),
    );

const spCapacity: fc.Arbitrary<Capacity> = fc.record({
  'vm-backup': fc.integer({ min: 0, max: 4 }),
  'vm-replica': fc.integer({ min: 0, max: 3 }),
  server: fc.integer({ min: 0, max: 2 }),
  workstation: fc.integer({ min: 0, max: 2 }),
  points: fc.integer({ min: 0, max: 40 }),
});

const timeArb = fc.oneof(
  fc.integer({ min: FROM, max: TO - 1 }),
  fc.integer({ min: FROM / DAY_MS, max: TO / DAY_MS - 1 }).map((d) => d * DAY_MS),
  fc.integer({ min: FROM / DAY_MS, max: TO / DAY_MS - 1 }).map((d) => d * DAY_MS + 1),
  fc.integer({ min: FROM / DAY_MS, max: TO / DAY_MS - 1 }).map((d) => d * DAY_MS + DAY_MS - 1),
);

const TENANT_TYPES: LicenseType[] = [
  'perpetual',
  'subscription',
  'rental',
  'hosting',
  'evaluation',
  'free',
  'cloud-connect-sp',
];
const OPS: Operation[] = [
  'cloud-backup',
  'cloud-backup-copy',
  'cloud-replica',
  'local-backup',
  'local-replica',
];

const machineArb = (id: string): fc.Arbitrary<MachineSpec> =>
  fc.oneof(
    fc.constant<MachineSpec>({ id, kind: 'vm' }),
    fc
      .record({
        kind: fc.constantFrom('server' as const, 'workstation' as const),
        os: fc.constantFrom('windows' as const, 'linux' as const),
        version: fc.constantFrom('1.5', '2.0', '2.0.1', '2.1', '3.0'),
      })
      .map(({ kind, os, version }): MachineSpec => ({ id, kind, agent: { os, version } })),
  );

const tenantArb = (t: number): fc.Arbitrary<TenantSpec> =>
  fc
    .record({
      servers: fc.array(
        fc.record({
          version: fc.constantFrom(U2, U3, '12.0.0.1420'),
          licenses: fc.array(licenseArb('x', TENANT_TYPES), { maxLength: 2 }),
        }),
        { minLength: 1, maxLength: 2 },
      ),
      machineCount: fc.integer({ min: 1, max: 5 }),
      machines: fc.array(
        fc.integer({ min: 0, max: 4 }).chain((i) => machineArb(`m${i}`)),
        { minLength: 5, maxLength: 5 },
      ),
      rps: fc.array(
        fc.record({
          machine: fc.integer({ min: 0, max: 4 }),
          server: fc.integer({ min: 0, max: 2 }),
          op: fc.constantFrom(...OPS),
          at: timeArb,
        }),
        { maxLength: 25 },
      ),
      managedBySp: fc.boolean(),
      plan: fc.record({
        'vm-backup': fc.nat(5),
        'vm-replica': fc.nat(3),
        server: fc.nat(2),
        workstation: fc.nat(2),
        vms: fc.nat(6),
      }),
    })
    .map(({ servers, machineCount, machines, rps, managedBySp, plan }): TenantSpec => {
      const srv = servers.map((s, i) =>
        server(
          `t${t}-s${i}`,
          s.licenses.map((l, j) => ({ ...l, id: `t${t}-s${i}-l${j}` })),
          s.version,
        ),
      );
      const ms = Array.from({ length: machineCount }, (_, i) => ({ ...machines[i]!, id: `t${t}-m${i}` }));
      const points: Rp[] = [];
      for (const rp of rps) {
        const m = ms[rp.machine % machineCount]!;
        // Replicas exist for VMs only (contracts.md: an agent replica is invalid input).
        const op: Operation = m.kind !== 'vm' && rp.op.endsWith('replica') ? 'cloud-backup' : rp.op;
        const serverId = rp.server < srv.length ? srv[rp.server]!.id : 'sp';
        points.push({ machine: m.id, server: serverId, op, at: rp.at });
      }
      return { id: `t${t}`, servers: srv, machines: ms, rps: points, managedBySp, plan };
    });

export const estateArb: fc.Arbitrary<EstateSpec> = fc
  .record({
    ruleset: fc.constantFrom<RulesetId>('vbr-9.5', 'vcsp-points'),
    spVersion: fc.constantFrom(U3, U3, U2),
    spLicenses: fc.array(
      fc.record({ cap: spCapacity, from: date, to: fc.option(date, { nil: undefined }) }),
      { minLength: 0, maxLength: 2 },
    ),
    tenantCount: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ ruleset, spVersion, spLicenses, tenantCount }) =>
    fc.tuple(...Array.from({ length: tenantCount }, (_, t) => tenantArb(t))).map(
      (tenants): EstateSpec => ({
        ruleset,
        spServers: [
          server(
            'sp',
            spLicenses.map((l, i) =>
              lic(
                `cc${i}`,
                'cloud-connect-sp',
                l.cap,
                l.to && l.to < l.from ? l.to : l.from,
                l.to && l.to < l.from ? l.from : l.to,
              ),
            ),
            spVersion,
          ),
        ],
        tenants,
      }),
    ),
  );

/** The same estate with its restore points reordered by `keys` (a permutation source). */
export function reorder(spec: EstateSpec, seed: number): EstateSpec {
  let x = seed | 1;
  const rand = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  return {
    ...spec,
    tenants: [...spec.tenants].map((t) => ({
      ...t,
      rps: t.rps
        .map((rp) => ({ rp, k: rand() }))
        .sort((a, b) => a.k - b.k)
        .map((e) => e.rp),
    })),
  };
}
