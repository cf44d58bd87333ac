/**
 * A transaction whose connection is lost still ends its savepoints and itself: each sends its
 * rollback to the connection it holds. postgres.js 3.4.9 wrote that rollback to no socket, from a
 * `setImmediate` (an uncaught TypeError that would end the API), and the query never settled, so a
 * request waiting on its savepoint hung; patches/postgres@3.4.9.patch fails such a query instead.
 */
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';

describe('postgres.js transactions whose connection is lost', () => {
  let database: TestDatabase;
  let admin: postgres.Sql;
  let client: postgres.Sql;
  const unhandled: unknown[] = [];
  const collect = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    admin = postgres(database.url!, { max: 1, onnotice: () => {} });
    client = postgres(database.url!, { max: 1, onnotice: () => {} });
    process.on('unhandledRejection', collect);
  });
  afterAll(async () => {
    process.off('unhandledRejection', collect);
    await client?.end({ timeout: 5 });
    await admin?.end({ timeout: 5 });
    await database?.drop();
  });

  it('rejects the savepoint and the transaction with CONNECTION_CLOSED, then answers again', async () => {
    let savepoint: Promise<unknown> = Promise.resolve();
    const transaction = client.begin(async (tx) => {
      const [backend] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
      savepoint = tx.savepoint((sp) => sp`select pg_sleep(5)`);
      savepoint.catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 200));
      await admin`select pg_terminate_backend(${backend!.pid})`;
      await savepoint;
    });
    await expect(transaction).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
    await expect(savepoint).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
    await expect(client`select 1 as n`).resolves.toEqual([{ n: 1 }]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toEqual([]);
  });
});
