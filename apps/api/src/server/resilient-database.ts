/**
 * The served database, kept usable across lost connections.
 *
 * postgres.js 3.4.9 (the newest) has a known defect (porsager/postgres#1066, #1154, #1208): when the
 * backend of a transaction's connection goes away (a database restart, pg_terminate_backend, a
 * network cut), the driver still schedules the transaction's ROLLBACK on that connection and writes
 * it to a socket that is already gone, from a `setImmediate`: an uncaught TypeError that no caller
 * can catch, which would end the process. The connection is left with a stale write buffer and
 * timer, so it could never be used again either.
 *
 * So the API holds its database behind a stable `Database` whose calls go to the current pool, and
 * when that defect fires it replaces the pool with a fresh one (the old one is ended in the
 * background) and carries on; any other uncaught exception still ends the process, as by default.
 * Requests in flight on the lost connection have already failed and rolled back on the server.
 */
import { type Database, type DatabaseHandle, openConfiguredDatabase } from '@vcc/db';
import type { Logger } from 'pino';

/** The signature of the driver's write to a closed socket (postgres/src/connection.js nextWrite). */
export function isDriverWriteAfterClose(error: unknown): boolean {
  if (!(error instanceof TypeError)) return false;
  const stack = error.stack ?? '';
  return (
    /reading 'write'|evaluating 'socket\.write'/.test(error.message) &&
    /nextWrite/.test(stack) &&
    /postgres[\\/]src[\\/]connection\.js/.test(stack)
  );
}

export interface ResilientDatabase {
  db: Database;
  kind: DatabaseHandle['kind'];
  /** How often the pool was replaced. */
  replacements(): number;
  /** Called with each new pool, for what is bound to a pool (such as LISTEN). */
  onReplaced(listener: (handle: DatabaseHandle) => void): void;
  close(): Promise<void>;
}

export async function openResilientDatabase(
  log: Logger,
  open: () => Promise<DatabaseHandle> = () => openConfiguredDatabase(),
): Promise<ResilientDatabase & { handle(): DatabaseHandle }> {
  let current = await open();
  let replaced = 0;
  let closing = false;
  const listeners: ((handle: DatabaseHandle) => void)[] = [];

  // Every property read goes to the current pool's drizzle instance, bound to it.
  const db = new Proxy({} as Database, {
    get(_target, property) {
      const target = current.db as unknown as Record<string | symbol, unknown>;
      const value = target[property];
      return typeof value === 'function' && property !== 'constructor' ? value.bind(target) : value;
    },
  });

  const replace = async () => {
    const old = current;
    current = await open();
    replaced++;
    for (const listener of listeners) listener(current);
    // Ends what still works of the old pool; its broken connection is simply dropped.
    old.close().catch(() => {});
  };

  const onUncaught = (error: Error, origin: NodeJS.UncaughtExceptionOrigin) => {
    if (!closing && current.kind === 'postgres' && isDriverWriteAfterClose(error)) {
      log.warn({ err: error }, 'database connection lost mid-transaction; replacing the connection pool');
      replace().catch((e: unknown) => log.error({ err: e }, 'could not open a new connection pool'));
      return;
    }
    // The driver hangs the failed statement on its errors, unenumerable; name it in the log.
    const query = (error as { query?: unknown }).query;
    log.fatal({ err: error, origin, query }, 'uncaught exception');
    process.stderr.write(`${error.stack ?? String(error)}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', onUncaught);

  return {
    db,
    kind: current.kind,
    handle: () => current,
    replacements: () => replaced,
    onReplaced: (listener) => {
      listeners.push(listener);
    },
    close: async () => {
      closing = true;
      process.off('uncaughtException', onUncaught);
      await current.close();
    },
  };
}
