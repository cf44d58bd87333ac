import { type DatabaseHandle, migrate, openConfiguredDatabase, schema } from '@vcc/db';
import { eq } from 'drizzle-orm';
import { CliError } from './io.js';

/** Opens the configured database, migrated, runs `work`, and always closes it. */
export async function withDatabase<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openConfiguredDatabase();
  try {
    await migrate(handle);
    return await work(handle);
  } finally {
    await handle.close();
  }
}

/** The SP a command acts on: the one named, or the only one there is. */
export async function resolveServiceProvider(
  handle: DatabaseHandle,
  externalId?: string,
): Promise<{ id: string; externalId: string }> {
  const rows = await handle.db
    .select({ id: schema.serviceProviders.id, externalId: schema.serviceProviders.externalId })
    .from(schema.serviceProviders)
    .where(externalId ? eq(schema.serviceProviders.externalId, externalId) : undefined);
  if (rows.length === 1) return rows[0]!;
  if (externalId) throw new CliError(`no service provider ${JSON.stringify(externalId)}`);
  throw new CliError(
    rows.length === 0
      ? 'the database holds no service provider yet: run `vcc import` or `vcc seed` first'
      : 'several service providers: name one with --sp',
  );
}

export async function resolveTenant(
  handle: DatabaseHandle,
  spId: string,
  externalId: string,
): Promise<string> {
  const rows = await handle.db
    .select({ id: schema.tenants.id, spId: schema.tenants.spId })
    .from(schema.tenants)
    .where(eq(schema.tenants.externalId, externalId));
  const row = rows.find((r) => r.spId === spId);
  if (!row) throw new CliError(`no tenant ${JSON.stringify(externalId)}`);
  return row.id;
}
