/** A fresh, migrated database per test file: a new PostgreSQL database, or an in-memory PGlite. */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { type DatabaseHandle, openDatabase } from '../client.js';
import { migrate } from '../migrate.js';

export type DatabaseKind = 'postgres' | 'pglite';
export const DATABASE_KINDS: readonly DatabaseKind[] = ['pglite', 'postgres'];

export interface TestDatabase extends DatabaseHandle {
  /** The URL of the PostgreSQL database (postgres kind only). */
  url?: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error('TEST_DATABASE_URL is not set: run the tests through vitest, whose globalSetup sets it');
  return url;
}

export async function createTestDatabase(
  kind: DatabaseKind,
  options: { max?: number } = {},
): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const handle = await openDatabase({});
    await migrate(handle);
    return { ...handle, drop: () => handle.close() };
  }
  const name = `vcc_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), max: options.max });
  await migrate(handle);
  return {
    ...handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
