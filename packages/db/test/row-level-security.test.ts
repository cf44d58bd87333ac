import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importScenario } from '../src/estate/import-scenario.js';
import { queryRows } from '../src/rows.js';
import * as s from '../src/schema/index.js';
import { withScope } from '../src/scope.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../src/testing/index.js';
import { twoTenantScenario } from './support/two-tenants.js';

/** Each tenant-owned table and the column naming its tenant. */
const TENANT_COLUMN: Record<string, string> = {
  tenants: 'id',
  backup_servers: 'tenant_id',
  licenses: 'tenant_id',
  machines: 'tenant_id',
  restore_points: 'tenant_id',
  machine_usage: 'tenant_id',
  users: 'tenant_id',
  api_keys: 'tenant_id',
  idempotency_records: 'tenant_id',
  audit_log: 'tenant_id',
  report_snapshot_tenants: 'tenant_id',
  report_adjustments: 'tenant_id',
};

describe.each(DATABASE_KINDS)('row-level security on %s', (kind) => {
  let database: TestDatabase;
  let spId: string;
  const tenantIds: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await importScenario(database.db, twoTenantScenario());
    const [sp] = await database.db.select().from(s.serviceProviders);
    spId = sp!.id;
    for (const t of await database.db.select().from(s.tenants)) tenantIds[t.externalId] = t.id;
    // As the owner, give both tenants a row in every tenant-owned table the import leaves empty.
    for (const [name, tenantId] of Object.entries(tenantIds)) {
      await database.db
        .insert(s.users)
        .values({ spId, tenantId, email: `${name}@example.test`, passwordHash: 'x', role: 'tenant-admin' });
      await database.db.insert(s.apiKeys).values({
        spId,
        tenantId,
        name,
        hash: randomBytes(32),
        display: 'vcc_test_…',
        role: 'tenant-viewer',
      });
      await database.db
        .insert(s.idempotencyRecords)
        .values({ spId, tenantId, scope: tenantId, key: 'k', requestHash: randomBytes(32), response: {} });
      await database.db.insert(s.auditLog).values({ spId, tenantId, actor: 'test', action: 'test' });
      await database.db
        .insert(s.reportSnapshotTenants)
        .values({ spId, tenantId, month: '2026-10-01', report: {}, violations: [] });
      await database.db.insert(s.reportAdjustments).values({
        spId,
        tenantId,
        month: '2026-10-01',
        counter: 'vm-backup',
        field: 'used',
        value: 1,
        reason: 'test',
        actor: 'test',
      });
    }
  });
  afterAll(() => database.drop());

  it('every tenant-owned table has rows of both tenants (so the checks below can fail)', async () => {
    for (const [table, column] of Object.entries(TENANT_COLUMN)) {
      const rows = await queryRows<{ tenant: string }>(
        database.db,
        sql`select distinct ${sql.identifier(column)}::text as tenant from ${sql.identifier(table)} where ${sql.identifier(column)} is not null`,
      );
      expect(rows.map((r) => r.tenant).sort(), table).toEqual(Object.values(tenantIds).sort());
    }
  });

  it('as the application role with tenant alpha set, SELECT * without WHERE sees only alpha', async () => {
    const alpha = tenantIds.alpha!;
    await withScope(database.db, { spId, tenantId: alpha }, async (tx) => {
      const [who] = await queryRows<{ role: string }>(tx, sql`select current_user as role`);
      expect(who?.role).toBe('vcc_app');
      for (const [table, column] of Object.entries(TENANT_COLUMN)) {
        const rows = await queryRows<Record<string, unknown>>(
          tx,
          sql`select * from ${sql.identifier(table)}`,
        );
        expect(rows.length, table).toBeGreaterThan(0);
        expect(new Set(rows.map((r) => String(r[column]))), table).toEqual(new Set([alpha]));
      }
      expect(await queryRows(tx, sql`select * from report_snapshots`)).toEqual([]);
    });
  });

  it('statements the work issues at once, by any path, all run within the scope', async () => {
    const alpha = tenantIds.alpha!;
    // Sent together (pipelined on PostgreSQL): none may run as the owner or before the tenant is set.
    const [viaBuilder, viaExecute, viaRows] = await withScope(database.db, { spId, tenantId: alpha }, (tx) =>
      Promise.all([
        tx.select({ tenantId: s.machines.tenantId }).from(s.machines),
        tx.execute(sql`select tenant_id::text as tenant, current_user as role from machine_usage`),
        queryRows<{ tenant: string }>(tx, sql`select tenant_id::text as tenant from restore_points`),
      ]),
    );
    const rowsOf = (result: unknown) =>
      (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
    expect(new Set(viaBuilder.map((r) => r.tenantId))).toEqual(new Set([alpha]));
    const usage = rowsOf(viaExecute);
    expect(usage.length).toBeGreaterThan(0);
    expect(new Set(usage.map((r) => `${r.tenant} ${r.role}`))).toEqual(new Set([`${alpha} vcc_app`]));
    expect(new Set(viaRows.map((r) => r.tenant))).toEqual(new Set([alpha]));
  });

  it('the SP scope sees every tenant; no scope at all sees nothing', async () => {
    await withScope(database.db, { spId }, async (tx) => {
      const rows = await queryRows<{ id: string }>(tx, sql`select id::text from tenants`);
      expect(rows.map((r) => r.id).sort()).toEqual(Object.values(tenantIds).sort());
    });
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'vcc_app', true)`);
      for (const table of Object.keys(TENANT_COLUMN)) {
        expect(await queryRows(tx, sql`select * from ${sql.identifier(table)}`), table).toEqual([]);
      }
    });
  });

  it('as tenant alpha, a row for tenant beta can be neither inserted nor moved there', async () => {
    const scope = { spId, tenantId: tenantIds.alpha! };
    await expect(
      withScope(database.db, scope, (tx) =>
        tx.insert(s.machines).values({ spId, tenantId: tenantIds.beta!, externalId: 'intruder', kind: 'vm' }),
      ),
    ).rejects.toThrow();
    await expect(
      withScope(database.db, scope, (tx) =>
        tx.insert(s.auditLog).values({ spId, tenantId: tenantIds.beta!, actor: 'x', action: 'x' }),
      ),
    ).rejects.toThrow();
    await expect(
      withScope(database.db, scope, (tx) => tx.update(s.machines).set({ tenantId: tenantIds.beta! })),
    ).rejects.toThrow();
    const [count] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from machines where external_id = 'intruder'`,
    );
    expect(count?.n).toBe(0);
  });

  it('the audit log cannot be changed or deleted by the application role', async () => {
    await expect(
      withScope(database.db, { spId }, (tx) => tx.execute(sql`update audit_log set action = 'forged'`)),
    ).rejects.toThrow();
    await expect(
      withScope(database.db, { spId }, (tx) => tx.execute(sql`delete from audit_log`)),
    ).rejects.toThrow();
  });
});
