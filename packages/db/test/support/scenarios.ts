import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseScenarioText, type Scenario } from '@vcc/rules';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/rows.js';
import type { Executor } from '../../src/scope.js';

export const SHARED_SCENARIOS = path.resolve(import.meta.dirname, '../../../../../shared/scenarios');

export function sharedScenarioFiles(): string[] {
  return readdirSync(SHARED_SCENARIOS)
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.join(SHARED_SCENARIOS, f));
}

export function loadScenario(file: string): Scenario {
  const result = parseScenarioText(readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.errors)}`);
  return result.scenario;
}

/** Every row of every public table, as text, so that two states of the database can be compared. */
export async function snapshotTables(db: Executor): Promise<Record<string, string[]>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = await queryRows<{ row: string }>(
      db,
      sql`select t::text as row from ${sql.identifier(name)} t`,
    );
    out[name] = rows.map((r) => r.row).sort();
  }
  return out;
}
