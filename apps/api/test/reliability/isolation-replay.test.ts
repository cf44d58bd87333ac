/**
 * Cursors and ids taken by one tenant, replayed by another: every cursor, id and external id that
 * tenant A's own callers receive from any query is passed by tenant B's callers (admin and viewer)
 * to every connection or id-taking argument of every query and mutation (`after`, `id`,
 * `externalId`, `tenantExternalId`, `serverExternalId`, `tenant`, `server`, `idempotencyKey`).
 * B must receive nothing of A, and A's rows must not change.
 */
import { queryRows } from '@vcc/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSchema } from '../../src/schema/build-schema.js';
import { createUser } from '../../src/users/create-user.js';
import { operationFor, rootFields } from '../support/schema-walk.js';
import { startTestApi, type TestApi } from '../support/test-api.js';
import { TENANTS, threeTenantScenario } from '../support/three-tenants.js';
import { INGEST } from './support/reference.js';
import { Tally } from './support/stats.js';

const MONTH = '2026-10';

interface Taken {
  cursors: Set<string>;
  ids: Set<string>;
  externalIds: Set<string>;
  idempotencyKeys: Set<string>;
  /** Strings that only A's data holds. */
  markers: Set<string>;
}

function walk(value: unknown, visit: (key: string, v: unknown) => void): void {
  if (Array.isArray(value)) for (const v of value) walk(v, visit);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      visit(k, v);
      walk(v, visit);
    }
}

describe('cursors and ids replayed across tenants', () => {
  let api: TestApi;
  const keys = new Map<string, string>();
  const taken = new Map<string, Taken>();
  const tenantIds = new Map<string, string>();

  /** A digest of everything of tenant `id` (what B must never change), read as the owner. */
  const stateOf = async (id: string) => {
    const [row] = await queryRows<{ digest: string }>(
      api.database.db,
      sql`select md5(string_agg(x, '|' order by x)) as digest from (
            select t::text as x from tenants t where id = ${id}
            union all select s::text from backup_servers s where tenant_id = ${id}
            union all select l::text from licenses l where tenant_id = ${id}
            union all select m::text from machines m where tenant_id = ${id}
            union all select r::text from restore_points r where tenant_id = ${id}
            union all select u::text from machine_usage u where tenant_id = ${id}
            union all select concat_ws(',', id, role, disabled_at, email) from users where tenant_id = ${id}
            union all select concat_ws(',', id, role, revoked_at, expires_at, name) from api_keys where tenant_id = ${id}
            union all select i::text from idempotency_records i where tenant_id = ${id}
            union all select concat_ws(',', id, action, subject) from audit_log where tenant_id = ${id}) rows`,
    );
    return row!.digest;
  };

  beforeAll(async () => {
    api = await startTestApi('postgres');
    await api.import(threeTenantScenario());
    const sp = (await queryRows<{ id: string }>(api.database.db, sql`select id from service_providers`))[0]!
      .id;
    for (const t of TENANTS) {
      const id = (
        await queryRows<{ id: string }>(api.database.db, sql`select id from tenants where external_id = ${t}`)
      )[0]!.id;
      tenantIds.set(t, id);
      keys.set(`tenant-admin:${t}`, await api.key('tenant-admin', t));
      keys.set(`tenant-viewer:${t}`, await api.key('tenant-viewer', t));
      await createUser(api.database.db, {
        spId: sp,
        tenantId: id,
        email: `admin@${t}.test`,
        role: 'tenant-admin',
        password: `${t} password long enough`,
        actor: 'test',
      });
      // Idempotency records and audit entries of the tenant's own.
      const res = await api.gql(
        INGEST,
        {
          input: {
            idempotencyKey: `own-${t}`,
            restorePoints: [
              {
                tenant: t,
                machine: `${t}-new`,
                machineKind: 'VM',
                server: `${t}-vbr`,
                operation: 'CLOUD_BACKUP',
                at: '2026-10-20T01:00:00Z',
              },
            ],
          },
        },
        keys.get(`tenant-admin:${t}`),
      );
      expect(res.errors).toBeUndefined();
    }
    // What each tenant's own callers are given, by every query, in small pages (to get cursors).
    for (const t of TENANTS) {
      const got: Taken = {
        cursors: new Set(),
        ids: new Set([tenantIds.get(t)!]),
        externalIds: new Set([t]),
        idempotencyKeys: new Set([`own-${t}`]),
        markers: new Set([t, tenantIds.get(t)!, `${t[0]!.toUpperCase()}${t.slice(1)} Holdings`]),
      };
      for (const field of rootFields(getSchema(), 'query')) {
        for (const first of [1, 50]) {
          const op = operationFor('query', field, {
            month: MONTH,
            externalId: t,
            tenantExternalId: t,
            search: null,
            first,
            after: null,
            id: null,
            severity: null,
            action: null,
          });
          const res = await api.gql(op.query, op.variables, keys.get(`tenant-admin:${t}`));
          walk(res.data, (k, v) => {
            if (typeof v !== 'string') return;
            if (k === 'cursor' || k === 'endCursor') got.cursors.add(v);
            if (k === 'id' && v.length >= 8) {
              got.ids.add(v);
              got.markers.add(v);
            }
            if (k === 'externalId' || k === 'machine' || k === 'server' || k === 'license') {
              got.externalIds.add(v);
              if (v.includes(t)) got.markers.add(v);
            }
          });
        }
      }
      taken.set(t, got);
    }
  });
  afterAll(() => api.close());

  /** The values of A to try for an argument, by its name; empty when the argument takes none. */
  function valuesFor(name: string, a: Taken): string[] {
    if (name === 'after') return [...a.cursors];
    if (name === 'id') return [...a.ids];
    if (name === 'idempotencyKey') return [...a.idempotencyKeys];
    if (/externalId$/i.test(name) || name === 'tenant' || name === 'server') return [...a.externalIds];
    return [];
  }

  /** Every argument name an operation of `field` takes, at any depth of its inputs. */
  function argumentNames(op: { variables: Record<string, unknown> }): Set<string> {
    const names = new Set<string>();
    walk(op.variables, (k) => names.add(k));
    return names;
  }

  it('another tenant receives nothing of A for A’s cursors and ids, from any query', async () => {
    const tally = new Tally(
      'isolation',
      "tenant A's cursors/ids replayed by tenant B on every query argument",
    );
    for (const a of TENANTS) {
      const got = taken.get(a)!;
      for (const b of TENANTS.filter((x) => x !== a)) {
        for (const role of ['tenant-admin', 'tenant-viewer']) {
          const key = keys.get(`${role}:${b}`)!;
          for (const field of rootFields(getSchema(), 'query')) {
            const base = {
              month: MONTH,
              externalId: b,
              tenantExternalId: b,
              search: null,
              first: 50,
              after: null,
              id: null,
              severity: null,
              action: null,
            };
            const names = argumentNames(operationFor('query', field, base));
            for (const name of names) {
              for (const value of valuesFor(name, got)) {
                const op = operationFor('query', field, { ...base, [name]: value });
                const res = await api.gql(op.query, op.variables, key);
                const body = JSON.stringify(res.data ?? null);
                const leaked = [...got.markers].filter((m) => body.includes(m));
                tally.check(
                  leaked.length === 0,
                  () =>
                    `${role}:${b} ${field.name}(${name}=${value.slice(0, 40)}) shows ${leaked.join(', ')}`,
                );
              }
            }
          }
        }
      }
    }
    tally.record(`${TENANTS.length * 2} tenant pairs, admin and viewer`);
    expect(tally.failures).toEqual([]);
    expect(tally.count).toBeGreaterThan(200);
  });

  it('another tenant changes nothing of A with A’s ids, external ids and idempotency keys, in any mutation', async () => {
    const tally = new Tally(
      'isolation',
      "tenant A's ids/keys replayed by tenant B on every mutation argument",
    );
    for (const a of TENANTS) {
      const got = taken.get(a)!;
      const before = await stateOf(tenantIds.get(a)!);
      for (const b of TENANTS.filter((x) => x !== a)) {
        const key = keys.get(`tenant-admin:${b}`)!;
        for (const field of rootFields(getSchema(), 'mutation')) {
          if (field.name === 'signIn') continue;
          const base: Record<string, unknown> = {
            externalId: `${b}-new-thing`,
            tenantExternalId: b,
            serverExternalId: `${b}-vbr`,
            tenant: b,
            server: `${b}-vbr`,
            machine: `${b}-vm`,
            id: tenantIds.get(b),
            idempotencyKey: `replay-${b}-${field.name}`,
            month: MONTH,
            at: '2026-10-21T01:00:00Z',
            email: `new@${b}.test`,
            version: '12.0.0.1420',
            validFrom: '2026-01-01',
            validTo: null,
            expiresAt: null,
            role: 'TENANT_VIEWER',
            machineKind: 'VM',
            agentOs: null,
            agentVersion: null,
          };
          const names = argumentNames(operationFor('mutation', field, base));
          for (const name of names) {
            for (const value of valuesFor(name, got)) {
              const op = operationFor('mutation', field, { ...base, [name]: value });
              const res = await api.gql(op.query, op.variables, key);
              const body = JSON.stringify(res.data ?? null);
              const leaked = [...got.markers].filter((m) => body.includes(m));
              tally.check(
                leaked.length === 0,
                () => `${b} ${field.name}(${name}=${value.slice(0, 40)}) shows ${leaked.join(', ')}`,
              );
            }
          }
        }
      }
      const after = await stateOf(tenantIds.get(a)!);
      tally.check(after === before, () => `tenant ${a}'s rows changed`);
    }
    tally.record();
    expect(tally.failures).toEqual([]);
  });
});
