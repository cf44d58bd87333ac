/**
 * The SP monthly report at scale, on a seeded estate (BENCH_REPORT_DATABASE_URL, else one made by
 * `vcc seed` at BENCH_TENANTS × BENCH_MACHINES and kept for later runs):
 * cold (facts read from the rollups and evaluated) and warm (from the report cache), against two
 * floors measured in the same run: streaming the same rollup rows into Node and doing nothing with
 * them, and a hand-written SQL aggregate of the counters. Then one tenant's report with row-level
 * security on (as the application role) and off (as the table owner).
 */
import 'reflect-metadata';
import { loadEstateFacts, openDatabase, queryRows, withScope } from '@vcc/db';
import { evaluate, monthIndex, monthOf } from '@vcc/rules';
import { sql } from 'drizzle-orm';
import { seededEstate } from './seeded-estate.js';
import { spReportCached, spReportCold } from './sp-report-runs.js';
import { median, ms, time } from './timing.js';

const url =
  process.env.BENCH_REPORT_DATABASE_URL ??
  (await seededEstate({
    tenants: Number(process.env.BENCH_TENANTS ?? 1_000),
    machines: Number(process.env.BENCH_MACHINES ?? 100_000),
    months: 1,
  }));
const month = process.env.BENCH_MONTH ?? monthOf(Date.now());
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const handle = await openDatabase({ url, max: 4 });
const db = handle.db;
const [sp] = await queryRows<{ id: string; machines: number; tenants: number }>(
  db,
  sql`select id, (select count(*) from machines)::int as machines, (select count(*) from tenants)::int as tenants from service_providers limit 1`,
);
if (!sp) throw new Error('no service provider in the database');
const [tenant] = await queryRows<{ id: string; external_id: string }>(
  db,
  sql`select id, external_id from tenants order by external_id limit 1`,
);
const spScope = { spId: sp.id };
console.log(
  `SP report for ${month}: ${sp.tenants.toLocaleString('en')} tenants, ${sp.machines.toLocaleString('en')} machines (PostgreSQL)`,
);

// Cold: read the facts and evaluate, every run from the database.
const cold = await time(RUNS, () => spReportCold(db, sp.id, month));

// Floor 1: the same rollup rows streamed into Node, nothing done with them.
const from = monthIndex(month) - 4;
const to = monthIndex(month);
const stream = await time(RUNS, async () => {
  if (handle.driver.kind !== 'postgres') throw new Error('PostgreSQL only');
  const pg = handle.driver.sql;
  let rows = 0;
  await pg.begin(async (t) => {
    await t`select set_config('app.sp_id', ${sp.id}, true), set_config('app.scope', 'sp', true), set_config('role', 'vcc_app', true)`;
    await t`select u.tenant_id, u.machine_id, m.external_id, m.kind, m.agent_os, m.agent_version, u.server_id, u.op_class, u.first_at,
                   u.days[${from}::int:${to}::int] as days, u.late_days[${from}::int:${to}::int] as late_days
              from machine_usage u join machines m on m.tenant_id = u.tenant_id and m.id = u.machine_id`.cursor(
      10_000,
      (batch) => {
        rows += batch.length;
      },
    );
  });
  return rows;
});

// Floor 2: the counters as one SQL aggregate (machines with a point in the month, by class).
const aggregate = await time(RUNS, () =>
  withScope(db, spScope, (tx) =>
    queryRows(
      tx,
      sql`select op_class, count(*) from machine_usage where days[${to}::int] is not null group by op_class`,
    ),
  ),
);

// Warm: the same report from the cache (the first call fills it).
await spReportCached(db, sp.id, month);
const warm = await time(Math.max(RUNS, 20), () => spReportCached(db, sp.id, month));

console.log(
  `  cold   ${ms(median(cold)).padStart(9)}  ${(median(cold) / median(stream)).toFixed(2)}× streaming the rollups, ${(median(cold) / median(aggregate)).toFixed(1)}× the SQL aggregate`,
);
console.log(`  warm   ${ms(median(warm)).padStart(9)}  (p50 of ${warm.length})`);
console.log(`  floor: streaming the rollups ${ms(median(stream))}; SQL aggregate ${ms(median(aggregate))}`);

// One tenant's report: row-level security on (application role) vs off (table owner).
if (tenant) {
  const tenantScope = { spId: sp.id, tenantId: tenant.id };
  const TENANT_RUNS = 50;
  const withRls = await time(TENANT_RUNS, () =>
    withScope(db, tenantScope, async (tx) =>
      evaluate((await loadEstateFacts(tx, [month], { tenant: { id: tenant.id } }))!, [month]),
    ),
  );
  const asOwner = await time(TENANT_RUNS, () =>
    db.transaction(async (tx) => {
      // As the connecting owner (a superuser here, never subject to row-level security): the same
      // settings, the tenant chosen by the query alone.
      await tx.execute(
        sql`select set_config('app.sp_id', ${sp.id}, true), set_config('app.scope', 'tenant', true), set_config('app.tenant_id', ${tenant.id}, true)`,
      );
      return evaluate((await loadEstateFacts(tx, [month], { tenant: { id: tenant.id } }))!, [month]);
    }),
  );
  console.log(
    `tenant ${tenant.external_id}: with row-level security ${ms(median(withRls))}, as owner ${ms(median(asOwner))}, ratio ${(median(withRls) / median(asOwner)).toFixed(2)}`,
  );
}
await handle.close();
