/**
 * Insert-or-update by a unique key, writing only rows that differ, so that loading the same data
 * twice changes nothing. Returns how many rows were inserted or changed.
 */
import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './scope.js';

/** Rows per statement: well under PostgreSQL's 65,535 bind parameters for the widest table here. */
const CHUNK = 2_000;

export async function upsertChanged<T extends PgTable>(
  tx: Executor,
  table: T,
  rows: T['$inferInsert'][],
  target: PgColumn[],
  updated: PgColumn[],
): Promise<number> {
  let changed = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const set: Record<string, SQL> = {};
    for (const [key, column] of Object.entries(getTableColumns(table))) {
      if (updated.includes(column)) set[key] = sql.raw(`excluded."${column.name}"`);
    }
    const current = sql.join(
      updated.map((c) => sql`${table}.${sql.identifier(c.name)}`),
      sql`, `,
    );
    const incoming = sql.join(
      updated.map((c) => sql.raw(`excluded."${c.name}"`)),
      sql`, `,
    );
    const result = await tx
      .insert(table)
      .values(chunk)
      .onConflictDoUpdate({
        target,
        // biome-ignore lint/suspicious/noExplicitAny: keys are column names of `table`, checked above.
        set: set as any,
        setWhere: sql`(${current}) is distinct from (${incoming})`,
      })
      .returning();
    changed += (result as unknown[]).length;
  }
  return changed;
}
