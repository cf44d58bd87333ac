import 'reflect-metadata';
import { openDatabase, queryRows, withScope } from '@vcc/db';
import { sql } from 'drizzle-orm';
import { computeReport } from '../src/reports/report-service.js';
import { latestMonth, seededEstate } from './seeded-estate.js';
import { benchPrincipal } from './sp-report-runs.js';
import { median, time } from './timing.js';

const url = await seededEstate({ tenants: Number(process.env.BENCH_TENANTS ?? 1000), machines: Number(process.env.BENCH_MACHINES ?? 100000), months: 1 });
const month = await latestMonth(url);
const a = await openDatabase({ url, max: 1 });
const b = await openDatabase({ url, max: 1 });
const [sp] = await queryRows<{ id: string }>(a.db, sql`select id from service_providers limit 1`);
const [tenant] = await queryRows<{ id: string }>(a.db, sql`select id from tenants order by external_id limit 1`);
const principal = benchPrincipal(sp!.id, tenant!.id);
const rls = (db: typeof a.db) => () => withScope(db, { spId: sp!.id, tenantId: tenant!.id }, (tx) => computeReport(tx, principal, month));
const owner = (db: typeof a.db) => () => db.transaction(async (tx) => {
  await tx.execute(sql`select set_config('app.sp_id', ${sp!.id}, true), set_config('app.scope', 'tenant', true), set_config('app.tenant_id', ${tenant!.id}, true)`);
  return computeReport(tx, principal, month);
});
async function compare(label: string, r: () => Promise<unknown>, o: () => Promise<unknown>) {
  await time(20, async () => { await r(); await o(); });
  const x: number[] = []; const y: number[] = [];
  for (let i = 0; i < 300; i++) { x.push(...(await time(1, r))); y.push(...(await time(1, o))); }
  console.log(`${label}: rls ${median(x).toFixed(3)} ms, owner ${median(y).toFixed(3)} ms, ratio ${(median(x) / median(y)).toFixed(3)}`);
}
for (let round = 0; round < 2; round++) {
  await compare('same connection    ', rls(a.db), owner(a.db));
  await compare('separate connections', rls(a.db), owner(b.db));
}
await a.close(); await b.close();
