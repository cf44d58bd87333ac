/**
 * The benchmark estate: a PostgreSQL database seeded by `vcc seed` at the size asked for, made once
 * and reused by later runs (a 1,000,000-machine estate takes minutes to seed).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { openDatabase, queryRows } from '@vcc/db';
import { monthOf, monthOfIndex } from '@vcc/rules';
import { sql } from 'drizzle-orm';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const MAIN = path.resolve(import.meta.dirname, '../src/cli/main.ts');

export async function seededEstate(size: {
  tenants: number;
  machines: number;
  months: number;
}): Promise<string> {
  const name = `vcc_bench_t${size.tenants}_m${size.machines}_k${size.months}`;
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const admin = await openDatabase({ url: SERVER, max: 1 });
  try {
    const exists = await queryRows(admin.db, sql`select 1 from pg_database where datname = ${name}`);
    if (exists.length > 0) {
      const estate = await openDatabase({ url: url.toString(), max: 1 });
      const [row] = await queryRows<{ n: number }>(
        estate.db,
        sql`select count(*)::int as n from machines`,
      ).catch(() => [{ n: -1 }]);
      await estate.close();
      if (row?.n === size.machines) return url.toString();
      await admin.db.execute(sql.raw(`drop database ${name} with (force)`));
    }
    await admin.db.execute(sql.raw(`create database ${name}`));
  } finally {
    await admin.close();
  }
  const args = [
    'seed',
    '--tenants',
    `${size.tenants}`,
    '--machines',
    `${size.machines}`,
    '--months',
    `${size.months}`,
  ];
  const seeded = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DATABASE_URL: url.toString() },
  });
  if (seeded.status !== 0) throw new Error('seeding the benchmark estate failed');
  return url.toString();
}

/** The latest month with restore points in the estate at `url`: the month its benchmarks report. */
export async function latestMonth(url: string): Promise<string> {
  const handle = await openDatabase({ url, max: 1 });
  try {
    // Usage arrays are indexed by month number: the highest upper bound is the latest active month.
    const [row] = await queryRows<{ n: number | null }>(
      handle.db,
      sql`select max(array_upper(days, 1)) as n from machine_usage`,
    );
    return row?.n ? monthOfIndex(row.n) : monthOf(Date.now());
  } finally {
    await handle.close();
  }
}
