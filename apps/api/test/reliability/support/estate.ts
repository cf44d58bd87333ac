/**
 * A fresh migrated database on any server (the shared test server or a private cluster), loaded
 * with the three-tenant estate, plus helpers to make keys and logins and to count every table.
 */
import { randomBytes } from 'node:crypto';
import { type DatabaseHandle, importScenario, migrate, openDatabase, queryRows, schema } from '@vcc/db';
import type { Role } from '@vcc/db/schema';
import { sql } from 'drizzle-orm';
import { createApiKey } from '../../../src/keys/create-api-key.js';
import { createUser } from '../../../src/users/create-user.js';
import { threeTenantScenario } from '../../support/three-tenants.js';

export interface EstateDatabase extends DatabaseHandle {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A new database on the server of `adminUrl` (default: the test server), migrated. */
export async function freshDatabase(
  adminUrl = process.env.TEST_DATABASE_URL!,
  options: { import?: boolean } = {},
): Promise<EstateDatabase> {
  const name = `vcc_rel_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ url: adminUrl, max: 1 });
  await admin.db.execute(sql.raw(`create database ${name}`));
  await admin.close();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), max: 4 });
  await migrate(handle);
  if (options.import !== false) await importScenario(handle.db, threeTenantScenario());
  return {
    ...handle,
    url: url.toString(),
    name,
    drop: async () => {
      await handle.close().catch(() => {});
      const again = await openDatabase({ url: adminUrl, max: 1 });
      try {
        await again.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      } finally {
        await again.close();
      }
    },
  };
}

async function ids(handle: DatabaseHandle, tenantExternalId?: string) {
  const [sp] = await handle.db.select().from(schema.serviceProviders);
  let tenantId: string | null = null;
  if (tenantExternalId) {
    const rows = await queryRows<{ id: string }>(
      handle.db,
      sql`select id from tenants where external_id = ${tenantExternalId} and sp_id = ${sp!.id}`,
    );
    tenantId = rows[0]!.id;
  }
  return { spId: sp!.id, tenantId };
}

export async function makeKey(
  handle: DatabaseHandle,
  role: Role,
  tenantExternalId?: string,
  expiresAt: Date | null = null,
): Promise<{ key: string; id: string }> {
  const { spId, tenantId } = await ids(handle, tenantExternalId);
  const created = await createApiKey(handle.db, {
    spId,
    tenantId,
    role,
    name: 'reliability',
    expiresAt,
    env: 'test',
    actor: 'test',
  });
  return { key: created.key, id: created.id };
}

export async function makeUser(
  handle: DatabaseHandle,
  email: string,
  password: string,
  role: Role,
  tenantExternalId?: string,
): Promise<string> {
  const { spId, tenantId } = await ids(handle, tenantExternalId);
  return (await createUser(handle.db, { spId, tenantId, email, role, password, actor: 'test' })).id;
}

/** Row counts of every table in the public schema, read as the owner (beyond row-level security). */
export async function tableCounts(handle: DatabaseHandle): Promise<Record<string, number>> {
  const tables = await queryRows<{ name: string }>(
    handle.db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
  );
  const counts = sql.join(
    tables.map(
      (t) => sql`(select count(*) from ${sql.identifier(t.name)})::int as ${sql.identifier(t.name)}`,
    ),
    sql`, `,
  );
  const [row] = await queryRows<Record<string, number>>(handle.db, sql`select ${counts}`);
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
}

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; path?: string } }[];
  /** Set when the response was not JSON. */
  raw?: string;
}

/** POSTs an operation; never throws for HTTP errors (network errors do throw). */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<GqlResult<T>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    signal,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  try {
    return { status: res.status, ...(JSON.parse(text) as object) };
  } catch {
    return { status: res.status, raw: text.slice(0, 500) };
  }
}
