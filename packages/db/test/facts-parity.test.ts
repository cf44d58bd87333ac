/**
 * The database path and the file path feed the engine the same facts: for generated estates, the
 * report from facts loaded out of the database equals the report from the scenario itself.
 */
import { evaluate, type Scenario, scenarioToFacts } from '@vcc/rules';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importScenario } from '../src/estate/import-scenario.js';
import { loadEstateFacts } from '../src/facts/load-estate-facts.js';
import * as s from '../src/schema/index.js';
import { withScope } from '../src/scope.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../src/testing/index.js';

const MONTHS = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01'];
const VERSIONS = ['9.5.0.1038', '9.5.0.1536', '12.0.0.1420'];
const TYPES = ['perpetual', 'subscription', 'rental', 'hosting', 'evaluation'] as const;
const START = Date.UTC(2026, 5, 1);
const SPAN_HOURS = 24 * 214;

const machineArb = fc.record({
  kind: fc.constantFrom('vm', 'server', 'workstation' as const),
  os: fc.constantFrom('windows', 'linux' as const),
  version: fc.constantFrom('1.0.0.1', '2.0.0.1', '2.1.0.1', '6.0.0.1'),
  // What COPY's text format escapes, in the names it streams.
  suffix: fc.constantFrom('', ' back\\slash', 'tab\there', 'new\nline', 'ünïcødé'),
});

const tenantArb = fc.record({
  managed: fc.boolean(),
  servers: fc.array(
    fc.record({
      version: fc.constantFrom(...VERSIONS),
      type: fc.constantFrom(...TYPES),
      capacity: fc.integer({ min: 0, max: 4 }),
    }),
    { minLength: 1, maxLength: 2 },
  ),
  machines: fc.array(machineArb, { minLength: 1, maxLength: 4 }),
  points: fc.array(
    fc.record({
      machine: fc.nat(),
      server: fc.nat(),
      op: fc.nat(5),
      hour: fc.nat(SPAN_HOURS),
      midnight: fc.boolean(),
    }),
    { maxLength: 25 },
  ),
});

type GeneratedTenant = typeof tenantArb extends fc.Arbitrary<infer T> ? T : never;

function scenarioOf(spId: string, tenants: GeneratedTenant[]): Scenario {
  const OPS = [
    'cloud-backup',
    'cloud-backup-copy',
    'cloud-replica',
    'local-backup',
    'local-backup-copy',
    'local-replica',
  ] as const;
  return {
    format: 'vcc-scenario/1',
    ruleset: 'vbr-9.5',
    serviceProvider: {
      id: spId,
      name: spId,
      backupServers: [
        {
          id: `${spId}-cc`,
          version: '9.5.4.2615',
          licenses: [
            {
              id: `${spId}-lic`,
              type: 'cloud-connect-sp',
              validFrom: '2026-01-01',
              validTo: '2026-11-15',
              capacity: { 'vm-backup': 3, 'vm-replica': 1, server: 2 },
            },
          ],
        },
      ],
    },
    tenants: tenants.map((t, ti) => {
      const id = `t${ti}`;
      const machines = t.machines.map((m, mi) =>
        m.kind === 'vm'
          ? { id: `${id}-m${mi}${m.suffix}`, kind: 'vm' as const }
          : { id: `${id}-m${mi}${m.suffix}`, kind: m.kind, agent: { os: m.os, version: m.version } },
      );
      return {
        id,
        name: `Tenant ${ti}`,
        enabled: true,
        managedBySp: t.managed,
        plan: { 'vm-backup': 2, 'vm-replica': 1, server: 1, workstation: 0, vms: 3 },
        backupServers: t.servers.map((srv, si) => ({
          id: `${id}-s${si}`,
          version: srv.version,
          licenses: [
            {
              id: `${id}-s${si}-lic`,
              type: srv.type,
              validFrom: '2026-07-10',
              capacity: { instances: srv.capacity },
            },
          ],
        })),
        machines,
        restorePoints: t.points.flatMap((p) => {
          const machine = machines[p.machine % machines.length]!;
          let operation = OPS[p.op]!;
          if (machine.kind !== 'vm' && operation.endsWith('replica')) operation = 'cloud-backup';
          const at =
            START +
            (p.midnight ? Math.floor(p.hour / 24) * 24 : p.hour) * 3_600_000 +
            (p.midnight ? 0 : 60_000);
          return [
            {
              machine: machine.id,
              server: `${id}-s${p.server % t.servers.length}`,
              operation,
              at: new Date(at).toISOString(),
            },
          ];
        }),
      };
    }),
  };
}

// On PostgreSQL the machines stream through COPY (two streams, over halves of the tenants, when
// there are two or more), on PGlite through a query: both are checked.
describe.each(DATABASE_KINDS)('facts from the database equal facts from the file (%s)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.drop());

  it('for generated estates, every month', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(tenantArb, { minLength: 1, maxLength: 3 }), async (tenants) => {
        const scenario = scenarioOf(`sp${run++}`, tenants);
        await importScenario(database.db, scenario);
        const [sp] = await database.db
          .select()
          .from(s.serviceProviders)
          .where(eq(s.serviceProviders.externalId, scenario.serviceProvider.id));
        const facts = await withScope(database.db, { spId: sp!.id }, (tx) => loadEstateFacts(tx, MONTHS));
        expect(evaluate(facts!, MONTHS)).toEqual(evaluate(scenarioToFacts(scenario), MONTHS));
      }),
      { numRuns: 25 },
    );
  });
});
