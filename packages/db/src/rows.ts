import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from './scope.js';

/** Runs a raw query and returns its rows, whichever driver is beneath (their result shapes differ). */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
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
