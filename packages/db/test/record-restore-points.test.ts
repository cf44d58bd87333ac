/**
 * recordRestorePoints against the engine: whatever batches arrive (repeating themselves, each
 * other, or stored points; spanning a month's end), every point is stored once, each batch counts
 * what it added, and the usage rows equal what the engine computes from the stored points.
 */
import { OPERATIONS } from '@vcc/rules';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importScenario } from '../src/estate/import-scenario.js';
import { queryRows } from '../src/rows.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../src/testing/index.js';
import {
  recordRestorePoints,
  type StoredRestorePoint,
  type UsageBits,
} from '../src/usage/record-restore-points.js';
import { storedUsage, usageOfStoredPoints } from './support/stored-usage.js';
import { twoTenantScenario } from './support/two-tenants.js';

interface Estate {
  spId: string;
  machines: { tenantId: string; machineId: number; serverId: string }[];
}

async function loadEstate(database: TestDatabase): Promise<Estate> {
  await importScenario(database.db, twoTenantScenario());
  const machines = await queryRows<{ tenantId: string; machineId: string; serverId: string }>(
    database.db,
    sql`select m.tenant_id as "tenantId", m.id::text as "machineId", s.id as "serverId"
          from machines m join backup_servers s on s.tenant_id = m.tenant_id order by m.id`,
  );
  const [sp] = await queryRows<{ id: string }>(database.db, sql`select id from service_providers`);
  return { spId: sp!.id, machines: machines.map((m) => ({ ...m, machineId: Number(m.machineId) })) };
}

/** Times around the end of October 2026, midnights included, so that batches repeat points. */
const TIMES = [
  Date.UTC(2026, 9, 30, 0, 0),
  Date.UTC(2026, 9, 30, 22, 15),
  Date.UTC(2026, 9, 31, 0, 0),
  Date.UTC(2026, 9, 31, 23, 59, 59, 999),
  Date.UTC(2026, 10, 1, 0, 0),
  Date.UTC(2026, 10, 1, 7, 30, 0, 1),
];

const pointKey = (p: StoredRestorePoint) => `${p.machineId}:${p.serverId}:${p.operation}:${p.at}`;

async function storedKeys(database: TestDatabase): Promise<Set<string>> {
  const rows = await queryRows<{ key: string }>(
    database.db,
    sql`select machine_id || ':' || server_id || ':' || operation || ':' || (extract(epoch from at) * 1000)::bigint as key
          from restore_points`,
  );
  return new Set(rows.map((r) => r.key));
}

async function expectUsageOfStoredPoints(database: TestDatabase, estate: Estate): Promise<void> {
  for (const { machineId } of estate.machines) {
    expect(await storedUsage(database.db, machineId)).toEqual(
      await usageOfStoredPoints(database.db, machineId),
    );
  }
}

describe.each(DATABASE_KINDS)('recording restore points on %s', (kind) => {
  let database: TestDatabase;
  let estate: Estate;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    estate = await loadEstate(database);
  });
  afterAll(() => database.drop());

  it('stores each point once, counts what each batch added, and keeps the usage rows equal to the engine', async () => {
    const point = fc.record({
      machine: fc.nat({ max: 3 }),
      operation: fc.constantFrom(...OPERATIONS),
      at: fc.constantFrom(...TIMES),
    });
    const batch = fc.array(point, { maxLength: 12 }).map((ps) =>
      ps.map(
        ({ machine, operation, at }): StoredRestorePoint => ({
          ...estate.machines[machine]!,
          operation,
          at,
        }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(batch, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        async (batches, remember) => {
          // Half the runs remember the usage bits each committed batch reports, as the API does, and
          // let later batches skip the rows those bits cover: the rows must come out the same.
          const committed = new Map<string, UsageBits>();
          const rowOf = (b: UsageBits) => `${b.machineId} ${b.serverId} ${b.opClass} ${b.month}`;
          const alreadyStored = (b: UsageBits) => {
            const known = committed.get(rowOf(b));
            return (
              !!known &&
              (known.days & b.days) === b.days &&
              (known.lateDays & b.lateDays) === b.lateDays &&
              known.firstAt <= b.firstAt
            );
          };
          for (const points of batches) {
            const before = await storedKeys(database);
            const added = new Set(points.map(pointKey).filter((k) => !before.has(k)));
            const result = await database.db.transaction((tx) =>
              recordRestorePoints(tx, estate.spId, points, remember ? { alreadyStored } : {}),
            );
            expect(result).toMatchObject({ inserted: added.size, duplicates: points.length - added.size });
            for (const b of result.usage) {
              const known = committed.get(rowOf(b));
              committed.set(
                rowOf(b),
                known
                  ? {
                      ...b,
                      days: known.days | b.days,
                      lateDays: known.lateDays | b.lateDays,
                      firstAt: Math.min(known.firstAt, b.firstAt),
                    }
                  : b,
              );
            }
            const after = await storedKeys(database);
            expect(after).toEqual(new Set([...before, ...added]));
          }
          await expectUsageOfStoredPoints(database, estate);
        },
      ),
      { numRuns: 40 },
    );
  });
});

/** How many backends of this database wait on a lock, once one does (or after two seconds). */
async function lockWaiters(database: TestDatabase): Promise<number> {
  for (let tries = 0; ; tries++) {
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if (row!.n > 0 || tries === 40) return row!.n;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('recording restore points concurrently on postgres', () => {
  let database: TestDatabase;
  let estate: Estate;
  beforeAll(async () => {
    database = await createTestDatabase('postgres', { max: 4 });
    estate = await loadEstate(database);
  });
  afterAll(() => database.drop());

  it('stores a point two open batches share once, whichever commits first', async () => {
    const at = (hour: number) => Date.UTC(2026, 10, 10, hour);
    const [m1, m2] = estate.machines;
    const p = (m: typeof m1, hour: number): StoredRestorePoint => ({
      ...m!,
      operation: 'cloud-backup',
      at: at(hour),
    });
    const first = [p(m1, 1), p(m1, 2), p(m2, 1)];
    const second = [p(m1, 2), p(m2, 1), p(m2, 2), p(m1, 3)];

    let recorded!: () => void;
    const firstRecorded = new Promise<void>((resolve) => {
      recorded = resolve;
    });
    let commit!: () => void;
    const mayCommit = new Promise<void>((resolve) => {
      commit = resolve;
    });
    const firstResult = database.db.transaction(async (tx) => {
      const result = await recordRestorePoints(tx, estate.spId, first);
      recorded();
      await mayCommit;
      return result;
    });
    await firstRecorded;
    // The second batch waits on the first's uncommitted points, then finds them stored.
    const secondResult = database.db.transaction((tx) => recordRestorePoints(tx, estate.spId, second));
    expect(await lockWaiters(database)).toBe(1);
    commit();
    expect(await firstResult).toMatchObject({ inserted: 3, duplicates: 0 });
    expect(await secondResult).toMatchObject({ inserted: 2, duplicates: 2 });
    await expectUsageOfStoredPoints(database, estate);
  });
});
