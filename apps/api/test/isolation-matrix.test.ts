/**
 * Tenant isolation through the API, generated from the schema: every query field × every role ×
 * every tenant as the target (by id, by list, by filter, nested, and with cursors taken from another
 * caller), on PostgreSQL. A tenant caller's data must hold no trace of another tenant or of the SP's
 * license; viewers can mutate nothing; a tenant admin can touch no other tenant.
 */
import { queryRows, schema } from '@vcc/db';
import type { Role } from '@vcc/db/schema';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSchema } from '../src/schema/build-schema.js';
import { operationFor, rootFields } from './support/schema-walk.js';
import { startTestApi, type TestApi } from './support/test-api.js';
import { TENANTS, threeTenantScenario } from './support/three-tenants.js';

const MONTHS = ['2026-10', '2026-11'];
const TENANT_ROLES: Role[] = ['tenant-admin', 'tenant-viewer'];

describe('tenant isolation matrix (PostgreSQL)', () => {
  let api: TestApi;
  const keys = new Map<string, string>();
  /** Strings that belong to one tenant only: its ids, names and row ids. */
  const markers = new Map<string, string[]>();
  /** Cursors and ids as an SP caller sees them, to replay as a tenant. */
  const spCursors: string[] = [];
  const idsByTenant = new Map<string, string[]>();

  beforeAll(async () => {
    api = await startTestApi('postgres');
    await api.import(threeTenantScenario());
    keys.set('sp-admin', await api.key('sp-admin'));
    keys.set('sp-viewer', await api.key('sp-viewer'));
    for (const t of TENANTS)
      for (const role of TENANT_ROLES) keys.set(`${role}:${t}`, await api.key(role, t));
    const tenants = await api.database.db.select().from(schema.tenants);
    for (const t of tenants) {
      const rowIds = await queryRows<{ id: string }>(
        api.database.db,
        sql`select id::text from backup_servers where tenant_id = ${t.id} union all select id::text from licenses where tenant_id = ${t.id}
            union all select id::text from api_keys where tenant_id = ${t.id} union all select (tenant_id::text || ':' || id) from machines where tenant_id = ${t.id}`,
      );
      idsByTenant.set(t.externalId, [t.id, ...rowIds.map((r) => r.id)]);
      markers.set(t.externalId, [t.externalId, t.name, t.id, ...rowIds.map((r) => r.id)]);
    }
    for (const month of MONTHS) {
      const res = await api.gql<{ machines: { pageInfo: { endCursor: string | null } } }>(
        'query($m: String!) { machines(month: $m, first: 1) { pageInfo { endCursor } } }',
        { m: month },
        keys.get('sp-admin'),
      );
      const cursor = res.data?.machines.pageInfo.endCursor;
      if (cursor) spCursors.push(cursor);
    }
    const page = await api.gql<{ tenants: { pageInfo: { endCursor: string | null } } }>(
      '{ tenants(first: 1) { pageInfo { endCursor } } }',
      {},
      keys.get('sp-admin'),
    );
    if (page.data?.tenants.pageInfo.endCursor) spCursors.push(page.data.tenants.pageInfo.endCursor);
  });
  afterAll(() => api.close());

  it('a tenant caller receives nothing of another tenant or of the SP license, from any query', async () => {
    const leaks: string[] = [];
    let calls = 0;
    let answered = 0;
    for (const own of TENANTS) {
      const foreign = [...markers].filter(([t]) => t !== own).flatMap(([, m]) => m);
      foreign.push('lic-cc', 'acme-cc');
      for (const role of TENANT_ROLES) {
        const key = keys.get(`${role}:${own}`)!;
        for (const field of rootFields(getSchema(), 'query')) {
          for (const target of TENANTS) {
            for (const month of MONTHS) {
              for (const after of [null, ...spCursors]) {
                const values = {
                  month,
                  externalId: target,
                  tenantExternalId: target,
                  search: target,
                  first: 50,
                  after,
                  id: idsByTenant.get(target)![1],
                  severity: null,
                  action: null,
                };
                const op = operationFor('query', field, values);
                const res = await api.gql(op.query, op.variables, key);
                calls++;
                if (res.data && Object.values(res.data).some((v) => v !== null)) answered++;
                const body = JSON.stringify(res.data ?? null);
                for (const marker of foreign) {
                  if (body.includes(marker))
                    leaks.push(
                      `${role}:${own} ${field.name}(${target}, ${month}, after=${after}) shows ${marker}`,
                    );
                }
              }
            }
          }
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(calls).toBeGreaterThan(100);
    // The matrix is only worth something if callers did get their own data back.
    expect(answered).toBeGreaterThan(calls / 4);
  });

  it('an SP caller sees every tenant', async () => {
    const res = await api.gql<{ licenseReport: { tenants: { tenant: { externalId: string } }[] } }>(
      '{ licenseReport(month: "2026-11") { tenants { tenant { externalId } } } }',
      {},
      keys.get('sp-viewer'),
    );
    expect(res.data?.licenseReport.tenants.map((t) => t.tenant.externalId).sort()).toEqual([...TENANTS]);
  });

  it('viewers can call no mutation, and a tenant admin none on another tenant; nothing is written', async () => {
    const snapshot = async () => {
      const rows = await queryRows<{ n: number }>(
        api.database.db,
        sql`select (select count(*) from tenants) + (select count(*) from machines) + (select count(*) from restore_points)
                 + (select count(*) from licenses) + (select count(*) from backup_servers) + (select count(*) from api_keys)
                 + (select count(*) from users) + (select count(*) from audit_log) + (select count(*) from idempotency_records) as n`,
      );
      return Number(rows[0]!.n);
    };
    const before = await snapshot();
    const allowed: string[] = [];
    for (const field of rootFields(getSchema(), 'mutation')) {
      if (field.name === 'signIn') continue;
      const callers: [string, string][] = [
        ['sp-viewer', keys.get('sp-viewer')!],
        ['tenant-viewer:alpha', keys.get('tenant-viewer:alpha')!],
        ['tenant-admin:alpha', keys.get('tenant-admin:alpha')!],
      ];
      for (const [who, key] of callers) {
        const values = {
          externalId: 'bravo',
          tenantExternalId: 'bravo',
          tenant: 'bravo',
          server: 'bravo-vbr',
          serverExternalId: 'bravo-vbr',
          id: idsByTenant.get('bravo')![1],
          idempotencyKey: `k-${field.name}-${who}`,
        };
        const op = operationFor('mutation', field, values);
        const res = await api.gql(op.query, op.variables, key);
        if (!res.errors?.length) allowed.push(`${who} ${field.name}`);
      }
    }
    expect(allowed).toEqual([]);
    expect(await snapshot()).toBe(before);
  });
});
