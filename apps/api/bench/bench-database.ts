/**
 * Fresh, migrated databases for a benchmark, dropped afterwards: a PostgreSQL database on
 * BENCH_DATABASE_URL's server (default: local), or a PGlite data directory under the system's
 * temporary folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type DatabaseHandle, migrate, openDatabase } from '@vcc/db';
import type { DatabaseLocation } from './vcc-process.js';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  handle: DatabaseHandle;
  /** Where a child process (`vcc serve`) finds the same database. */
  location: DatabaseLocation;
  /**
   * Closes this process's handle, and may be called again. A PGlite directory can be open in one
   * process only, so it must be closed before a child opens it.
   */
  close(): Promise<void>;
  /** Closes the handle and removes the database. */
  drop(): Promise<void>;
}

function closingOnce(handle: DatabaseHandle): () => Promise<void> {
  let closed: Promise<void> | null = null;
  return () => {
    closed ??= handle.close();
    return closed;
  };
}

export async function createBenchDatabase(
  name = `vcc_bench_${randomBytes(4).toString('hex')}`,
): Promise<BenchDatabase & { url: string }> {
  const adminHandle = await openDatabase({ url: SERVER, max: 1 });
  const admin = adminHandle.driver.kind === 'postgres' ? adminHandle.driver.sql : null;
  if (!admin) throw new Error('BENCH_DATABASE_URL must be a postgres:// URL');
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const handle: DatabaseHandle = await openDatabase({ url: url.toString(), max: 10 });
  await migrate(handle);
  const close = closingOnce(handle);
  return {
    handle,
    url: url.toString(),
    location: { url: url.toString() },
    close,
    async drop() {
      await close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await adminHandle.close();
    },
  };
}

export async function createBenchPglite(): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vcc-bench-pglite-'));
  const handle = await openDatabase({ dataDir });
  await migrate(handle);
  const close = closingOnce(handle);
  return {
    handle,
    location: { dataDir },
    close,
    async drop() {
      await close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
