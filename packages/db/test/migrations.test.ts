import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/migrate.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../src/testing/index.js';

/** Tables that hold a tenant's data: each must carry a forced row-level security policy. */
const TENANT_OWNED = [
  'tenants',
  'backup_servers',
  'licenses',
  'machines',
  'restore_points',
  'machine_usage',
  'users',
  'api_keys',
  'idempotency_records',
  'audit_log',
  'report_snapshot_tenants',
  'report_adjustments',
];

describe.each(DATABASE_KINDS)('migrations on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.drop());

  it('apply from empty and a second run changes nothing', async () => {
    const before = await database.db.execute(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    await migrate(database);
    const after = await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(rows(after)).toEqual(rows(before));
    expect((rows(after)[0] as { n: number }).n).toBeGreaterThanOrEqual(2);
  });

  it('every table in public has row-level security enabled and forced, with a policy', async () => {
    const result = await database.db.execute(sql`
      select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
             (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname) as policies
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p')`);
    const tables = rows(result) as { table: string; enabled: boolean; forced: boolean; policies: number }[];
    for (const name of TENANT_OWNED) expect(tables.map((t) => t.table)).toContain(name);
    const unprotected = tables.filter((t) => !t.enabled || !t.forced || t.policies === 0).map((t) => t.table);
    expect(unprotected).toEqual([]);
  });

  it('the application role is neither superuser, owner, nor exempt from row-level security', async () => {
    const result = await database.db.execute(sql`
      select r.rolsuper as super, r.rolbypassrls as bypass,
             (select count(*)::int from pg_tables t where t.schemaname = 'public' and t.tableowner = 'vcc_app') as owned
        from pg_roles r where r.rolname = 'vcc_app'`);
    expect(rows(result)).toEqual([{ super: false, bypass: false, owned: 0 }]);
  });
});

function rows(result: unknown): unknown[] {
  return Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
}
