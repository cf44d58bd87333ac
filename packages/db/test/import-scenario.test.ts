import { rollUp, scenarioTimeMs } from '@vcc/rules';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importScenario } from '../src/estate/import-scenario.js';
import { queryRows } from '../src/rows.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../src/testing/index.js';
import { loadScenario, sharedScenarioFiles, snapshotTables } from './support/scenarios.js';

describe.each(DATABASE_KINDS)('importing scenarios on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.drop());

  it.each(sharedScenarioFiles())('%s twice leaves the same rows', async (file) => {
    const fresh = await createTestDatabase(kind);
    try {
      const scenario = loadScenario(file);
      const first = await importScenario(fresh.db, scenario);
      expect(first.restorePoints.inserted).toBe(
        scenario.tenants.reduce((n, t) => n + t.restorePoints.length, 0),
      );
      const before = await snapshotTables(fresh.db);
      const second = await importScenario(fresh.db, scenario);
      expect(second).toMatchObject({ changed: 0, restorePoints: { inserted: 0 } });
      expect(await snapshotTables(fresh.db)).toEqual(before);
    } finally {
      await fresh.drop();
    }
  });

  it('stores the rollups the engine would compute from the raw restore points', async () => {
    const scenario = loadScenario(sharedScenarioFiles()[0]!);
    await importScenario(database.db, scenario);
    const tenant = scenario.tenants[0]!;
    for (const machine of tenant.machines) {
      const points = tenant.restorePoints
        .filter((p) => p.machine === machine.id)
        .map((p) => ({ server: p.server, operation: p.operation, at: scenarioTimeMs(p.at)! }));
      const expected = rollUp(points);
      const activity = await queryRows<{
        server: string;
        opClass: string;
        month: string;
        days: number;
        lateDays: number;
      }>(
        database.db,
        sql`select s.external_id as server, a.op_class::text as "opClass", to_char(a.month, 'YYYY-MM') as month,
                   a.days, a.late_days as "lateDays"
              from machine_activity a join machines m on m.tenant_id = a.tenant_id and m.id = a.machine_id
              join backup_servers s on s.id = a.server_id
             where m.external_id = ${machine.id}`,
      );
      const firsts = await queryRows<{ server: string; opClass: string; at: number }>(
        database.db,
        sql`select s.external_id as server, f.op_class::text as "opClass", (extract(epoch from f.first_at) * 1000)::float8 as at
              from machine_firsts f join machines m on m.tenant_id = f.tenant_id and m.id = f.machine_id
              join backup_servers s on s.id = f.server_id
             where m.external_id = ${machine.id}`,
      );
      const byKey = <T extends { server: string; opClass: string }>(xs: T[]) =>
        [...xs].sort((a, b) =>
          `${a.server}${a.opClass}${JSON.stringify(a)}`.localeCompare(
            `${b.server}${b.opClass}${JSON.stringify(b)}`,
          ),
        );
      expect(byKey(activity)).toEqual(byKey(expected.activity));
      expect(byKey(firsts.map((f) => ({ ...f, at: Number(f.at) })))).toEqual(byKey(expected.firsts));
    }
  });
});

describe('importing a changed scenario', () => {
  it('updates what changed and nothing else', async () => {
    const database = await createTestDatabase('pglite');
    try {
      const scenario = loadScenario(sharedScenarioFiles()[0]!);
      await importScenario(database.db, scenario);
      const changed = structuredClone(scenario);
      changed.tenants[0]!.name = 'Alpha Renamed';
      changed.tenants[0]!.plan.vms = 7;
      changed.tenants[0]!.backupServers[0]!.licenses[0]!.capacity = { instances: 75 };
      const summary = await importScenario(database.db, changed);
      expect(summary.changed).toBe(2);
      const [tenant] = await queryRows<{ name: string; plan_vms: number }>(
        database.db,
        sql`select name, plan_vms from tenants`,
      );
      expect(tenant).toEqual({ name: 'Alpha Renamed', plan_vms: 7 });
      const [license] = await queryRows<{ cap: number }>(
        database.db,
        sql`select cap_instances as cap from licenses where external_id = 'lic-alpha'`,
      );
      expect(license?.cap).toBe(75);
    } finally {
      await database.drop();
    }
  });
});
