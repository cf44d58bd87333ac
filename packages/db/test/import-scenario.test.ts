import { rollUp, scenarioTimeMs } from '@vcc/rules';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importScenario } from '../src/estate/import-scenario.js';
import { queryRows } from '../src/rows.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../src/testing/index.js';
import { loadScenario, sharedScenarioFiles, snapshotTables } from './support/scenarios.js';
import { storedUsage } from './support/stored-usage.js';

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
      const [row] = await queryRows<{ id: string }>(
        database.db,
        sql`select m.id::text from machines m join tenants t on t.id = m.tenant_id
             where t.external_id = ${tenant.id} and m.external_id = ${machine.id}`,
      );
      const expected = rollUp(points);
      const stored = await storedUsage(database.db, Number(row!.id));
      expect(stored.activity).toEqual(expect.arrayContaining(expected.activity));
      expect(stored.activity).toHaveLength(expected.activity.length);
      expect(stored.firsts).toEqual(expect.arrayContaining(expected.firsts));
      expect(stored.firsts).toHaveLength(expected.firsts.length);
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
