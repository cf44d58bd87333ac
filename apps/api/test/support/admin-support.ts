/** Helpers for the admin mutation tests: what the database holds, read as the owner (beyond RLS). */
import { queryRows } from '@vcc/db';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { GraphQLResponse, TestApi } from './test-api.js';

const TABLES = ['tenants', 'backup_servers', 'licenses', 'api_keys', 'users', 'audit_log'] as const;

/** Row counts of the configuration tables and the audit log, with the SP's estate version. */
export async function snapshot(api: TestApi): Promise<Record<string, number>> {
  const counts = sql.join(
    TABLES.map((t) => sql`(select count(*) from ${sql.identifier(t)})::int as ${sql.identifier(t)}`),
    sql`, `,
  );
  const [row] = await queryRows<Record<string, number>>(
    api.database.db,
    sql`select ${counts}, (select max(estate_version) from service_providers)::int as estate_version`,
  );
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
}

/** The newest audit row with this action, or undefined. */
export async function lastAudit(api: TestApi, action: string) {
  const [row] = await queryRows<{ action: string; subject: string; actor: string; tenant_id: string | null }>(
    api.database.db,
    sql`select action, subject, actor, tenant_id from audit_log where action = ${action} order by id desc limit 1`,
  );
  return row;
}

export function codeOf(res: GraphQLResponse): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}

/** Asserts a BAD_USER_INPUT naming `path` among its problems. */
export function expectBadInput(res: GraphQLResponse, path: string): void {
  expect(codeOf(res), JSON.stringify(res.errors)).toBe('BAD_USER_INPUT');
  const paths = res.errors?.[0]?.extensions?.problems?.map((p) => p.path) ?? [];
  expect(paths).toContain(path);
}
