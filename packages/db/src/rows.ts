import type { SQL } from 'drizzle-orm';
import type { Executor } from './scope.js';

/** Runs a raw query and returns its rows, whichever driver is beneath (their result shapes differ). */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
