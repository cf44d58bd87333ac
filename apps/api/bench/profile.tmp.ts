import { importScenario, queryRows, recordRestorePoints, schema, withScope } from '@vcc/db';
import { sql } from 'drizzle-orm';
import { createBenchDatabase } from './bench-database.js';

const db = await createBenchDatabase();
await importScenario(db.handle.db, {
  format: 'vcc-scenario/1',
  ruleset: 'vbr-9.5',
  serviceProvider: { id: 'b', name: 'b', backupServers: [] },
  tenants: Array.from({ length: 20 }, (_, t) => ({
    id: `t${t}`,
    name: `t${t}`,
    enabled: true,
    managedBySp: false,
    plan: { 'vm-backup': 0, 'vm-replica': 0, server: 0, workstation: 0, vms: 0 },
    backupServers: [{ id: `t${t}-vbr`, version: '12.0.0.1420', licenses: [] }],
    machines: Array.from({ length: 500 }, (_, m) => ({ id: `m${m}`, kind: 'vm' as const })),
    restorePoints: [],
  })),
});
const [sp] = await db.handle.db.select().from(schema.serviceProviders);
const machines = await queryRows<{ tenant_id: string; id: number; server: string }>(
  db.handle.db,
  sql`select m.tenant_id, m.id, s.id as server from machines m join backup_servers s on s.tenant_id = m.tenant_id`,
);
for (let hour = 1; hour <= 12; hour++) {
  const points = machines.map((m) => ({
    tenantId: m.tenant_id,
    machineId: Number(m.id),
    serverId: m.server,
    operation: 'cloud-backup' as const,
    at: Date.UTC(2026, 0, 1) + hour * 3_600_000,
  }));
  const t0 = performance.now();
  await (process.env.OWNER
    ? db.handle.db.transaction((tx) => recordRestorePoints(tx, sp!.id, points))
    : withScope(db.handle.db, { spId: sp!.id }, (tx) => recordRestorePoints(tx, sp!.id, points)));
  console.log(`recordRestorePoints 10k: ${(performance.now() - t0).toFixed(0)} ms`);
}
await db.drop();
