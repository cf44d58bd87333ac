/**
 * Isolation in the database itself, beneath the API: raw SQL as the application role (SET ROLE
 * vcc_app with the scope settings, exactly as packages/db/src/scope.ts does) with no WHERE at all,
 * on every table under row-level security, for every tenant of two service providers, for both SP
 * scopes and for no scope. A scope must see all of its own rows and no other; UPDATE and DELETE
 * without WHERE must reach its own rows only; moving a row to another tenant or SP must be refused.
 */
import { importScenario, queryRows, type Transaction } from '@vcc/db';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TENANTS, threeTenantScenario } from '../support/three-tenants.js';
import { type EstateDatabase, freshDatabase, makeKey, makeUser } from './support/estate.js';
import { Tally } from './support/stats.js';

interface Scope {
  name: string;
  spId: string;
  tenantId: string | null;
  /** No settings at all (a connection that forgot to enter a scope). */
  none?: boolean;
}

interface TableInfo {
  name: string;
  /** The column that names the SP (service_providers: id). */
  sp: string;
  /** The column that names the tenant (tenants: id), or null for SP-level tables. */
  tenant: string | null;
}

class Rollback extends Error {}

describe('row-level security as the application role, raw SQL without WHERE', () => {
  let db: EstateDatabase;
  const scopes: Scope[] = [];
  let tables: TableInfo[] = [];
  const tenantIds = new Map<string, { id: string; spId: string }>();

  /** Runs `work` as vcc_app in `scope`, always rolled back. */
  async function asApp<T>(scope: Scope, work: (tx: Transaction) => Promise<T>): Promise<T> {
    let result: T | undefined;
    try {
      await db.db.transaction(async (tx) => {
        if (!scope.none) {
          await tx.execute(sql`select set_config('app.sp_id', ${scope.spId}, true),
            set_config('app.scope', ${scope.tenantId ? 'tenant' : 'sp'}, true),
            set_config('app.tenant_id', ${scope.tenantId ?? ''}, true)`);
        }
        await tx.execute(sql`select set_config('role', 'vcc_app', true)`);
        result = await work(tx);
        throw new Rollback();
      });
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
    return result as T;
  }

  beforeAll(async () => {
    db = await freshDatabase();
    // A second service provider with its own tenant, so that SP scopes are tested against each other.
    const rival = threeTenantScenario();
    rival.serviceProvider = { ...rival.serviceProvider, id: 'rival', name: 'Rival Cloud', backupServers: [] };
    rival.tenants = rival.tenants.slice(0, 1).map((t) => ({
      ...t,
      id: 'zulu',
      name: 'Zulu Holdings',
      backupServers: t.backupServers.map((s) => ({
        ...s,
        id: 'zulu-vbr',
        licenses: s.licenses.map((l) => ({ ...l, id: 'lic-zulu' })),
      })),
      machines: t.machines.map((m) => ({ ...m, id: m.id.replace('alpha', 'zulu') })),
      restorePoints: t.restorePoints.map((p) => ({
        ...p,
        machine: p.machine.replace('alpha', 'zulu'),
        server: 'zulu-vbr',
      })),
    }));
    await importScenario(db.db, rival);

    const rows = await queryRows<{ id: string; sp_id: string; external_id: string }>(
      db.db,
      sql`select id, sp_id, external_id from tenants`,
    );
    for (const r of rows) tenantIds.set(r.external_id, { id: r.id, spId: r.sp_id });
    // Something of every tenant in every table: keys, logins, idempotency records, report rows.
    for (const t of [...TENANTS, 'zulu']) {
      const { id, spId } = tenantIds.get(t)!;
      await makeKey(db, 'tenant-viewer', t).catch(async () => {
        // makeKey picks the first SP: for the rival's tenant insert directly.
        await db.db.execute(sql`insert into api_keys (sp_id, tenant_id, name, hash, display, role)
          values (${spId}, ${id}, 'k', ${Buffer.from(t.padEnd(32, '-'))}, 'vcc_test_…', 'tenant-viewer')`);
      });
      await db.db.execute(sql`insert into users (sp_id, tenant_id, email, role, password_hash)
        values (${spId}, ${id}, ${`${t}@example.test`}, 'tenant-viewer', 'x') on conflict do nothing`);
      await db.db.execute(sql`insert into idempotency_records (sp_id, tenant_id, scope, key, request_hash, response)
        values (${spId}, ${id}, ${id}, ${`k-${t}`}, ${Buffer.from('h')}, '{}'::jsonb)`);
      await db.db.execute(sql`insert into audit_log (sp_id, tenant_id, actor, action, subject, details)
        values (${spId}, ${id}, 'test', 'test', ${t}, '{}'::jsonb)`);
      for (const statement of [
        sql`insert into report_snapshots (sp_id, month, ruleset, service_provider, violations, approved_by)
              values (${spId}, '2026-10-01', 'vbr-9.5', '{}'::jsonb, '[]'::jsonb, 'test') on conflict do nothing`,
        sql`insert into report_snapshot_tenants (sp_id, tenant_id, month, report, violations)
              values (${spId}, ${id}, '2026-10-01', '{}'::jsonb, '[]'::jsonb)`,
        sql`insert into report_adjustments (sp_id, tenant_id, month, counter, field, value, reason, actor)
              values (${spId}, ${id}, '2026-10-01', 'vm-backup', 'used', 1, 'test', 'test')`,
      ]) {
        // The report tables belong to the monthly-report work; if their shape changed, they are
        // still walked below, with whatever rows they hold.
        await db.db.execute(statement).catch(() => {});
      }
    }
    await makeUser(db, 'sp@acme.test', 'a long enough password', 'sp-admin');

    tables = (
      await queryRows<{ name: string; cols: string[] }>(
        db.db,
        sql`select c.relname as name, array_agg(a.attname::text) as cols
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
              join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
             where n.nspname = 'public' and c.relkind = 'r' and c.relrowsecurity
             group by c.relname order by 1`,
      )
    ).map(({ name, cols }) => ({
      name,
      sp: name === 'service_providers' ? 'id' : 'sp_id',
      tenant: name === 'tenants' ? 'id' : cols.includes('tenant_id') ? 'tenant_id' : null,
    }));

    const acme = tenantIds.get('alpha')!.spId;
    const rivalSp = tenantIds.get('zulu')!.spId;
    for (const t of [...TENANTS, 'zulu']) {
      const { id, spId } = tenantIds.get(t)!;
      scopes.push({ name: `tenant ${t}`, spId, tenantId: id });
    }
    scopes.push({ name: 'SP acme', spId: acme, tenantId: null });
    scopes.push({ name: 'SP rival', spId: rivalSp, tenantId: null });
    scopes.push({ name: 'tenant alpha under SP rival', spId: rivalSp, tenantId: tenantIds.get('alpha')!.id });
    scopes.push({ name: 'no scope', spId: acme, tenantId: null, none: true });
  });
  afterAll(() => db?.drop());

  /** Whether a row of `table` belongs to `scope` (the policy's intent, read as the owner). */
  const ownCondition = (table: TableInfo, scope: Scope): SQL => {
    if (scope.none) return sql`false`;
    const sp = sql`${sql.identifier(table.sp)} = ${scope.spId}::uuid`;
    if (!scope.tenantId) return sp;
    if (!table.tenant) {
      // SP-level tables: a tenant scope reads its SP's row only where the policy allows it.
      return table.name === 'service_providers' ? sp : sql`false`;
    }
    // A tenant outside the SP of the scope matches nothing.
    return sql`${sp} and ${sql.identifier(table.tenant)} = ${scope.tenantId}::uuid`;
  };

  it('every scope sees exactly its own rows of every table, and nothing of any other', async () => {
    const tally = new Tally('isolation', 'raw SELECT * without WHERE as vcc_app, every RLS table × scope');
    const nonEmpty = new Set<string>();
    for (const table of tables) {
      for (const scope of scopes) {
        const [own] = await queryRows<{ n: number }>(
          db.db,
          sql`select count(*)::int as n from ${sql.identifier(table.name)} where ${ownCondition(table, scope)}`,
        );
        const seen = await asApp(scope, (tx) =>
          queryRows<{ sp: string; tenant: string | null }>(
            tx,
            sql`select ${sql.identifier(table.sp)}::text as sp, ${table.tenant ? sql`${sql.identifier(table.tenant)}::text` : sql`null`} as tenant
                  from ${sql.identifier(table.name)}`,
          ),
        );
        const foreign = seen.filter(
          (r) =>
            r.sp !== scope.spId ||
            (scope.tenantId !== null && table.tenant !== null && r.tenant !== scope.tenantId),
        );
        const expected = Number(own!.n);
        if (expected > 0 && scope.tenantId) nonEmpty.add(table.name);
        tally.check(
          (scope.none ? seen.length === 0 : foreign.length === 0) && seen.length === expected,
          () =>
            `${scope.name} on ${table.name}: saw ${seen.length} rows (${foreign.length} foreign), own ${expected}`,
        );
      }
    }
    tally.record(
      `${tables.length} tables × ${scopes.length} scopes; ${nonEmpty.size} tables hold tenant rows`,
    );
    expect(tally.failures).toEqual([]);
    // The walk proves something only where tenants own rows.
    for (const t of [
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
    ])
      expect(nonEmpty).toContain(t);
  });

  it('UPDATE and DELETE without WHERE reach the scope’s own rows only; moving a row out is refused', async () => {
    const writes = new Tally('isolation', 'raw UPDATE/DELETE without WHERE as vcc_app reach own rows only');
    const moves = new Tally('isolation', 'moving a row to another tenant or SP as vcc_app is refused');
    const alpha = tenantIds.get('alpha')!;
    const bravo = tenantIds.get('bravo')!;
    const zulu = tenantIds.get('zulu')!;
    for (const table of tables) {
      for (const scope of scopes) {
        const [own] = await queryRows<{ n: number }>(
          db.db,
          sql`select count(*)::int as n from ${sql.identifier(table.name)} where ${ownCondition(table, scope)}`,
        );
        const expected = Number(own!.n);
        for (const verb of ['update', 'delete'] as const) {
          const statement =
            verb === 'update'
              ? sql`update ${sql.identifier(table.name)} set ${sql.identifier(table.sp)} = ${sql.identifier(table.sp)} returning 1`
              : sql`delete from ${sql.identifier(table.name)} returning 1`;
          let outcome: string;
          try {
            const rows = await asApp(scope, (tx) => queryRows(tx, statement));
            outcome = rows.length <= expected ? 'ok' : `${verb} reached ${rows.length} rows, own ${expected}`;
          } catch (error) {
            // Refused outright (no privilege, append-only, or a foreign key): nothing was reached.
            const code = (error as { cause?: { code?: string } }).cause?.code ?? '';
            outcome = ['42501', '23503', 'P0001'].includes(code) ? 'ok' : `${verb}: ${String(error)}`;
          }
          writes.check(outcome === 'ok', () => `${scope.name} on ${table.name}: ${outcome}`);
        }
        if (scope.none || !scope.tenantId) continue;
        // Move own rows to another tenant of the same SP, and to another SP.
        const targets = [
          ...(table.tenant
            ? [{ col: table.tenant, to: scope.tenantId === bravo.id ? alpha.id : bravo.id }]
            : []),
          { col: table.sp, to: scope.spId === zulu.spId ? alpha.spId : zulu.spId },
        ];
        for (const target of targets) {
          let moved = 0;
          try {
            moved = (
              await asApp(scope, (tx) =>
                queryRows(
                  tx,
                  sql`update ${sql.identifier(table.name)} set ${sql.identifier(target.col)} = ${target.to}::uuid returning 1`,
                ),
              )
            ).length;
          } catch {
            moved = 0;
          }
          moves.check(moved === 0, () => `${scope.name} moved ${moved} rows of ${table.name}.${target.col}`);
        }
      }
    }
    writes.record();
    moves.record();
    expect(writes.failures).toEqual([]);
    expect(moves.failures).toEqual([]);
  });

  it('an INSERT for another tenant or SP as vcc_app is refused', async () => {
    const tally = new Tally('isolation', 'raw INSERT of a row for another tenant/SP as vcc_app is refused');
    const alpha = tenantIds.get('alpha')!;
    const bravo = tenantIds.get('bravo')!;
    const zulu = tenantIds.get('zulu')!;
    const scope: Scope = { name: 'tenant alpha', spId: alpha.spId, tenantId: alpha.id };
    const attempts: [string, SQL][] = [];
    for (const [who, t] of [
      ['bravo', bravo],
      ['zulu', zulu],
    ] as const) {
      attempts.push(
        [
          `audit_log for ${who}`,
          sql`insert into audit_log (sp_id, tenant_id, actor, action, subject, details) values (${t.spId}, ${t.id}, 'x', 'x', 'x', '{}'::jsonb)`,
        ],
        [
          `machine for ${who}`,
          sql`insert into machines (sp_id, tenant_id, external_id, kind) values (${t.spId}, ${t.id}, 'evil', 'vm')`,
        ],
        [
          `idempotency record for ${who}`,
          sql`insert into idempotency_records (sp_id, tenant_id, scope, key, request_hash, response) values (${t.spId}, ${t.id}, ${t.id}, 'evil', ${Buffer.from('h')}, '{}'::jsonb)`,
        ],
        [
          `user for ${who}`,
          sql`insert into users (sp_id, tenant_id, email, role, password_hash) values (${t.spId}, ${t.id}, 'evil@x.test', 'tenant-admin', 'x')`,
        ],
        [
          `tenant under ${who}'s SP`,
          sql`insert into tenants (sp_id, external_id, name) values (${t.spId}, 'evil', 'evil')`,
        ],
      );
    }
    for (const [what, statement] of attempts) {
      let refused = false;
      try {
        await asApp(scope, (tx) => tx.execute(statement));
      } catch {
        refused = true;
      }
      tally.check(refused, () => `tenant alpha could insert ${what}`);
    }
    tally.record();
    expect(tally.failures).toEqual([]);
  });
});
