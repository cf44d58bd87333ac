/**
 * Batches as array parameters: one text parameter per column instead of one parameter per value.
 */
import { sql } from 'drizzle-orm';

/**
 * A PostgreSQL array literal of values that need no quoting (uuids, numbers, enum labels): cheaper
 * for PostgreSQL to parse than JSON.
 */
export function arrayLiteral(values: readonly (string | number)[]): string {
  return `{${values.join(',')}}`;
}

/**
 * Values that repeat across a batch (a few tenants and servers for thousands of points), each kept
 * once: PostgreSQL parses each uuid once and the rows carry small indexes into the list (1-based,
 * as SQL arrays are).
 */
export class Dictionary {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  of(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }
}

/** Milliseconds since the epoch as a timestamptz, exactly (no text to parse). */
export const fromEpochMs = (column: string) =>
  sql.raw(`timestamptz 'epoch' + ${column} * interval '1 millisecond'`);
