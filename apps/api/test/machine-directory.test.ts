/**
 * The directory of known machines spares a batch the look-up of machines it has seen, and never
 * answers for a machine whose kind or agent may have changed since: a change committed anywhere is
 * announced (migration 0008) and empties it, rows read while a change was announced are not kept,
 * and nothing is trusted while the change feed is down.
 */
import 'reflect-metadata';
import { queryRows, withScope } from '@vcc/db';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '@vcc/db/testing';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Principal, scopeOf } from '../src/auth/principal.js';
import { ingestRestorePoints } from '../src/ingest/ingest-restore-points.js';
import { MachineDirectory } from '../src/ingest/machine-directory.js';
import type { IngestRestorePointsInput } from '../src/schema/ingest/ingest.types.js';
import { ChangeFeed } from '../src/server/change-feed.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(DATABASE_KINDS)('the machine directory (%s)', (kind) => {
  let database: TestDatabase;
  let feed: ChangeFeed;
  let directory: MachineDirectory;
  let principal: Principal;
  let alpha: string;
  let batches = 0;

  const ingest = (machine: string, operation: string, at: string) =>
    withScope(database.db, scopeOf(principal), (tx) =>
      ingestRestorePoints(
        tx,
        principal,
        {
          idempotencyKey: `directory-${batches++}`,
          restorePoints: [{ tenant: 'alpha', machine, server: 'alpha-vbr', operation, at: new Date(at) }],
        } as IngestRestorePointsInput,
        { directory },
      ),
    );
  /** Waits for the change feed to hear of a committed change (NOTIFY arrives after the commit). */
  const changeAnnounced = async (before: number) => {
    for (let i = 0; i < 200 && feed.machinesEpoch === before; i++) await sleep(10);
    expect(feed.machinesEpoch).not.toBe(before);
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const { importScenario } = await import('@vcc/db');
    const { twoTenantScenario } = await import('../../../packages/db/test/support/two-tenants.js');
    await importScenario(database.db, twoTenantScenario());
    const [row] = await queryRows<{ sp: string; alpha: string }>(
      database.db,
      sql`select sp_id as sp, id as alpha from tenants where external_id = 'alpha'`,
    );
    alpha = row!.alpha;
    principal = { kind: 'key', id: 'test', spId: row!.sp, tenantId: null, role: 'sp-admin' };
    feed = new ChangeFeed(pino({ level: 'silent' }));
    await feed.start(database);
    directory = new MachineDirectory(feed);
  });
  afterAll(async () => {
    await feed.stop();
    await database.drop();
  });

  it('keeps the machines a batch read, and forgets one whose kind changed elsewhere', async () => {
    expect(await ingest('alpha-vm', 'cloud-replica', '2026-11-02T01:00:00Z')).toMatchObject({ accepted: 1 });
    expect(directory.get(alpha, 'alpha-vm')).toMatchObject({ kind: 'vm' });

    const before = feed.machinesEpoch;
    // As another process would (an import): the machine is now a server, which cannot be replicated.
    await database.db.execute(sql`update machines set kind = 'server' where external_id = 'alpha-vm'`);
    await changeAnnounced(before);
    expect(directory.get(alpha, 'alpha-vm')).toBeUndefined();
    await expect(ingest('alpha-vm', 'cloud-replica', '2026-11-03T01:00:00Z')).rejects.toThrow(
      /only VMs can be replicated/,
    );
  });

  it('does not keep what a look-up read while a change was announced', async () => {
    const epoch = directory.begin();
    const before = feed.machinesEpoch;
    await database.db.execute(
      sql`update machines set agent_version = '6.1.0.1' where external_id = 'alpha-srv'`,
    );
    await changeAnnounced(before);
    directory.remember(epoch, [
      [alpha, 'alpha-srv', { id: 1, kind: 'server', agentOs: 'linux', agentVersion: '6.0.0.1060' }],
    ]);
    expect(directory.get(alpha, 'alpha-srv')).toBeUndefined();
  });

  it('is not announced a change that changes nothing, and trusts nothing while the feed is down', async () => {
    expect(await ingest('alpha-srv', 'cloud-backup', '2026-11-04T01:00:00Z')).toMatchObject({ accepted: 1 });
    const known = directory.get(alpha, 'alpha-srv');
    expect(known).toMatchObject({ kind: 'server', agentVersion: '6.1.0.1' });
    const before = feed.machinesEpoch;
    await database.db.execute(sql`update machines set kind = kind where external_id = 'alpha-srv'`);
    await sleep(200);
    expect(feed.machinesEpoch).toBe(before);
    expect(directory.get(alpha, 'alpha-srv')).toEqual(known);

    await feed.stop();
    expect(directory.get(alpha, 'alpha-srv')).toBeUndefined();
    await feed.start(database);
  });
});

describe('the machine directory’s bounds', () => {
  // A feed that is live and announces nothing: what is tested here is the directory's own limits.
  const quietFeed = { live: true, machinesEpoch: 0 } as ChangeFeed;
  const machine = (id: number) => ({ id, kind: 'vm', agentOs: null, agentVersion: null });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps nothing for more than a minute', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const directory = new MachineDirectory(quietFeed);
    directory.remember(directory.begin(), [['t', 'vm-1', machine(1)]]);
    vi.advanceTimersByTime(59_000);
    expect(directory.get('t', 'vm-1')).toEqual(machine(1));
    vi.advanceTimersByTime(2_000);
    expect(directory.get('t', 'vm-1')).toBeUndefined();
  });

  it('holds at most 250,000 machines', () => {
    const directory = new MachineDirectory(quietFeed);
    const epoch = directory.begin();
    directory.remember(
      epoch,
      Array.from({ length: 250_000 }, (_, i): [string, string, ReturnType<typeof machine>] => [
        `t${i % 100}`,
        `vm-${i}`,
        machine(i),
      ]),
    );
    expect(directory.get('t0', 'vm-0')).toEqual(machine(0));
    expect(directory.get('t99', 'vm-249999')).toEqual(machine(249_999));
    directory.remember(epoch, [['t0', 'vm-250000', machine(250_000)]]);
    expect(directory.get('t0', 'vm-0')).toBeUndefined();
    expect(directory.get('t0', 'vm-250000')).toEqual(machine(250_000));
  });
});
