import { monthOfIndex, rollUp, scenarioTimeMs } from '@vcc/rules';
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
      const usage = await queryRows<{
        server: string;
        opClass: string;
        at: number;
        lo: number;
        days: number[];
        late: number[];
      }>(
        database.db,
        sql`select s.external_id as server, u.op_class::text as "opClass", (extract(epoch from u.first_at) * 1000)::float8 as at,
                   array_lower(u.days, 1) as lo, u.days[array_lower(u.days, 1):array_upper(u.days, 1)] as days,
                   u.late_days[array_lower(u.days, 1):array_upper(u.days, 1)] as late
              from machine_usage u join machines m on m.tenant_id = u.tenant_id and m.id = u.machine_id
              join backup_servers s on s.id = u.server_id
             where m.external_id = ${machine.id}`,
      );
      const activity = usage.flatMap((u) =>
        u.days.flatMap((days, i) =>
          days
            ? [
                {
                  server: u.server,
                  opClass: u.opClass,
                  month: monthOfIndex(u.lo + i),
                  days,
                  lateDays: u.late[i] ?? 0,
                },
              ]
            : [],
        ),
      );
      const firsts = usage.map((u) => ({ server: u.server, opClass: u.opClass, at: Number(u.at) }));
      const byKey = <T extends { server: string; opClass: string }>(xs: T[]) =>
        [...xs].sort((a, b) =>
          `${a.server}${a.opClass}${JSON.stringify(a)}`.localeCompare(
            `${b.server}${b.opClass}${JSON.stringify(b)}`,
          ),
        );
      expect(byKey(activity)).toEqual(byKey(expected.activity));
      expect(byKey(firsts)).toEqual(byKey(expected.firsts));
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
