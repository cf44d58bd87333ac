/**
 * The driver client beneath a drizzle database or transaction, for what drizzle does not do: COPY,
 * prepared raw statements. drizzle keeps it, and its SQL dialect, on internal fields.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type postgres from 'postgres';
import type { Executor } from './scope.js';

interface DrizzleInternals {
  session?: { client?: unknown };
  dialect?: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } };
}

export function driverClient(executor: Executor): postgres.Sql | PGlite {
  const client = (executor as unknown as DrizzleInternals).session?.client;
  if (!client) throw new Error('no driver client beneath this database handle');
  return client as postgres.Sql | PGlite;
}

export function isPostgresJs(client: postgres.Sql | PGlite): client is postgres.Sql {
  return typeof (client as postgres.Sql).unsafe === 'function';
}

/** A drizzle SQL object as the text and parameters a driver takes. */
export function compile(executor: Executor, query: SQL): { sql: string; params: unknown[] } {
  const dialect = (executor as unknown as DrizzleInternals).dialect;
  if (!dialect) throw new Error('no SQL dialect on this database handle');
  return dialect.sqlToQuery(query);
}
