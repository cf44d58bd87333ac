import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { DatabaseHandle } from './client.js';

const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

/** Applies the committed SQL migrations that are not applied yet, as the connecting (owner) role. */
export async function migrate(handle: DatabaseHandle): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: the two migrators take their own drizzle flavour.
  const db = handle.db as any;
  if (handle.kind === 'postgres') await migratePostgres(db, { migrationsFolder });
  else await migratePglite(db, { migrationsFolder });
}
