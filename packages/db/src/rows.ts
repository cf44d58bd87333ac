import { DrizzleQueryError, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type postgres from 'postgres';
import { compile, driverClient, isPostgresJs } from './driver.js';
import type { Executor } from './scope.js';

/**
 * Runs a raw query and returns its rows, whichever driver is beneath (their result shapes differ).
 * On PostgreSQL the statement is prepared, once per connection: these queries run on every request,
 * and planning them each time (row-level security's policies included) would cost more than running
 * them. Their text depends on the code path, never on values, so the set of statements stays small.
 */
export async function queryRows<T>(executor: Executor, query: SQLWrapper): Promise<T[]> {
  const client = driverClient(executor);
  if (!isPostgresJs(client)) return pgliteRows(executor, query);
  const { sql: text, params } = compile(executor, query.getSQL());
  // Without parameters the driver would use the simple protocol, which cannot prepare (its `simple`
  // option is not in its types).
  const options = { prepare: true, simple: false } as postgres.UnsafeQueryOptions;
  try {
    return (await client.unsafe(
      text,
      params as postgres.ParameterOrJSON<never>[],
      options,
    )) as unknown as T[];
  } catch (error) {
    // Wrapped as drizzle wraps driver errors, so callers find the code on `cause` either way.
    throw new DrizzleQueryError(text, params, error as Error);
  }
}

async function pgliteRows<T>(executor: Executor, query: SQLWrapper): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * A list of strings as one bound parameter, for `x in (...)`: drizzle would expand a JS array into
 * one parameter per element, and drivers disagree on array parameters; JSON reads the same in both.
 */
export function textList(values: readonly string[]): SQL {
  return sql`(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}
