/**
 * postgres.js 3.4.9 under lost connections; patches/postgres@3.4.9.patch fixes what these show.
 * - A connection lost while the driver is still starting it up (fetching the array types, its first
 *   statement on every new connection) must cost at most a retry: no unhandled rejection, which
 *   would end the API, and no stale error handed to the next query (porsager/postgres#1192, #1223).
 * - A transaction whose connection is lost still ends its savepoints and itself: each sends its
 *   rollback to the connection it holds. The driver wrote that rollback to no socket, from a
 *   `setImmediate` (an uncaught TypeError), and the query never settled, so a request waiting on
 *   its savepoint hung; the next connection was then handed the terminated query's error.
 */
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('postgres.js under lost connections', () => {
  let database: TestDatabase;
  let admin: postgres.Sql;
  const unhandled: unknown[] = [];
  const collect = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    admin = postgres(database.url!, { max: 1, onnotice: () => {} });
    process.on('unhandledRejection', collect);
  });
  afterAll(async () => {
    process.off('unhandledRejection', collect);
    await admin?.end({ timeout: 5 });
    await database?.drop();
  });

  /**
   * Holds pg_type locked while `during` runs, so a new connection's type query waits on it. Only the
   * locking connection can act meanwhile: any other new one would wait too.
   */
  async function whileTypesLocked(
    during: (locker: postgres.ReservedSql, typeQueryPid: () => Promise<number>) => Promise<void>,
  ) {
    // A backend that has to build its relation cache at start-up would wait on the lock before it
    // shows in pg_stat_activity; one connection first writes the cache file the later ones read.
    const warm = postgres(database.url!, { max: 1 });
    await warm`select 1`;
    await warm.end();
    const locker = await admin.reserve();
    await locker`begin`;
    await locker`lock table pg_catalog.pg_type in access exclusive mode`;
    const typeQueryPid = async () => {
      for (let i = 0; i < 200; i++) {
        // Inside a transaction pg_stat_activity is read once and kept, unless told to read again.
        await locker`select pg_stat_clear_snapshot()`;
        const [row] = await locker<{ pid: number }[]>`
          select pid from pg_stat_activity
           where datname = current_database() and wait_event_type = 'Lock' and query like '%typcategory%'`;
        if (row) return row.pid;
        await sleep(25);
      }
      throw new Error('no connection waited on its type query');
    };
    try {
      await during(locker, typeQueryPid);
    } finally {
      await locker`rollback`;
      locker.release();
    }
  }

  /** A client of its own for `work`; then no rejection may have gone unhandled. */
  async function withClient(work: (client: postgres.Sql) => Promise<void>) {
    const client = postgres(database.url!, { max: 1, onnotice: () => {} });
    try {
      await work(client);
      await sleep(50);
      expect(unhandled).toEqual([]);
    } finally {
      await client.end({ timeout: 5 });
    }
  }

  it('reconnects and answers when the backend is terminated during the type query', () =>
    withClient(async (client) => {
      let answer: Promise<unknown> = Promise.resolve();
      await whileTypesLocked(async (locker, typeQueryPid) => {
        answer = client`select 42 as n`;
        answer.catch(() => {});
        await locker`select pg_terminate_backend(${await typeQueryPid()})`;
        // The reconnected connection waits on the lock too, until it is released below.
        await typeQueryPid();
      });
      await expect(answer).resolves.toEqual([{ n: 42 }]);
      await expect(client`select array[1,2,3]::int[] as a`).resolves.toEqual([{ a: [1, 2, 3] }]);
    }));

  it('fails the waiting query, and only it, when the type query is cancelled', () =>
    withClient(async (client) => {
      await whileTypesLocked(async (locker, typeQueryPid) => {
        const answer = client`select 42 as n`;
        answer.catch(() => {});
        await locker`select pg_cancel_backend(${await typeQueryPid()})`;
        await expect(answer).rejects.toThrow(/cancel/);
      });
      await expect(client`select 7 as n`).resolves.toEqual([{ n: 7 }]);
    }));

  it('rejects a savepoint and its transaction with CONNECTION_CLOSED when terminated, then answers again', () =>
    withClient(async (client) => {
      let savepoint: Promise<unknown> = Promise.resolve();
      const transaction = client.begin(async (tx) => {
        const [backend] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
        savepoint = tx.savepoint((sp) => sp`select pg_sleep(5)`);
        savepoint.catch(() => {});
        await sleep(200);
        await admin`select pg_terminate_backend(${backend!.pid})`;
        await savepoint;
      });
      await expect(transaction).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
      await expect(savepoint).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
      await expect(client`select 1 as n`).resolves.toEqual([{ n: 1 }]);
    }));
});
