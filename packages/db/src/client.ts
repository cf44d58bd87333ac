/**
 * The database client: PostgreSQL through the `postgres` driver when DATABASE_URL is set, otherwise
 * an embedded PGlite database on disk, so that a fresh machine needs no server.
 */
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  /** The driver beneath drizzle, for the few things drizzle cannot do (COPY, LISTEN). */
  driver: { kind: 'postgres'; sql: postgres.Sql } | { kind: 'pglite'; pg: PGlite };
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A postgres:// URL; absent: embedded PGlite. */
  url?: string | undefined;
  /** PGlite's folder; absent with no url: in memory. */
  dataDir?: string | undefined;
  /** Connection pool size for PostgreSQL. */
  max?: number | undefined;
  /**
   * TCP_NODELAY on PostgreSQL connections, for a client that COPYs in bulk: Nagle's algorithm holds
   * a COPY's small closing message until the server's delayed ACK, ~40 ms a COPY. Not for the API's
   * pool: with it, a connection starting while the server restarted sometimes waited out its
   * 30-second connect timeout (docs/reliability.md).
   */
  noDelay?: boolean | undefined;
}

const CONNECTION_URL = Symbol('vcc.connectionUrl');

/**
 * The postgres:// URL a database was opened with (undefined for PGlite), for another thread that
 * opens connections of its own to the same database. Read as a property, so it passes through a
 * proxy that stands for the database.
 */
export function connectionUrlOf(db: Database): string | undefined {
  return (db as unknown as Record<symbol, string | undefined>)[CONNECTION_URL];
}

/** A connection to the options' first host with Nagle's algorithm off (postgres.js `socket` option). */
function noDelaySocket(options: { host: string[]; port: number[] }): net.Socket {
  return net.connect({ host: options.host[0]!, port: options.port[0]! }).setNoDelay(true);
}

/** Where the embedded database lives: $VCC_DATA_DIR, or `.data/` where the command was started. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.VCC_DATA_DIR ?? path.join(env.INIT_CWD ?? process.cwd(), '.data');
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const client = postgres(options.url, {
      max: options.max ?? 10,
      onnotice: () => {},
      // Dates stay strings: the domain speaks of calendar dates, not instants.
      types: { date: { to: 1082, from: [1082], serialize: (v: string) => v, parse: (v: string) => v } },
      // No JIT compilation: its cost (~0.3 s for a query it judged expensive) is paid at every run
      // and what it saves shows only on scans far larger than these queries' (the SP report's
      // COPY of 1.4 million rows ran no faster with it).
      connection: { application_name: 'vcc', jit: 'off' },
      ...(options.noDelay && { socket: noDelaySocket }),
      // Reconnect within a second once the server is back: the driver's default backoff grows as
      // 3^failures/100 s (up to 20 s), shared by the pool, so a one-second outage could leave the
      // API refusing requests for ten seconds more.
      backoff: (failures: number) => Math.min(0.05 * 2 ** failures, 1) * (0.5 + Math.random() / 2),
    });
    const db = drizzlePostgres(client, { schema }) as unknown as Database;
    Object.defineProperty(db, CONNECTION_URL, { value: options.url });
    return {
      db,
      kind: 'postgres',
      driver: { kind: 'postgres', sql: client },
      close: () => client.end({ timeout: 5 }),
    };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pg = options.dataDir ? await PGlite.create(options.dataDir) : await PGlite.create();
  const db = drizzlePglite(pg, { schema }) as unknown as Database;
  return { db, kind: 'pglite', driver: { kind: 'pglite', pg }, close: () => pg.close() };
}

/** The database this process is configured for: DATABASE_URL, else PGlite under defaultDataDir(). */
export function openConfiguredDatabase(env: NodeJS.ProcessEnv = process.env): Promise<DatabaseHandle> {
  return openDatabase({ url: env.DATABASE_URL || undefined, dataDir: defaultDataDir(env) });
}
