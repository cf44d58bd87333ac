/** A fresh PostgreSQL database for a benchmark, on BENCH_DATABASE_URL's server (default: local). */
import { randomBytes } from 'node:crypto';
import { type DatabaseHandle, migrate, openDatabase } from '@vcc/db';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function createBenchDatabase(name = `vcc_bench_${randomBytes(4).toString('hex')}`) {
  const adminHandle = await openDatabase({ url: SERVER, max: 1 });
  const admin = adminHandle.driver.kind === 'postgres' ? adminHandle.driver.sql : null;
  if (!admin) throw new Error('BENCH_DATABASE_URL must be a postgres:// URL');
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const handle: DatabaseHandle = await openDatabase({ url: url.toString(), max: 10 });
  await migrate(handle);
  return {
    handle,
    url: url.toString(),
    async drop() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await adminHandle.close();
    },
  };
}
