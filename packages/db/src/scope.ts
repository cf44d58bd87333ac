/**
 * Every request's work runs here: one transaction, as the non-owner role vcc_app, with the caller's
 * service provider and tenant in transaction-local settings that the row-level security policies
 * read. The values are bound parameters, never spliced into SQL.
 */
import { sql } from 'drizzle-orm';
import type { Database } from './client.js';
import { queryRows } from './rows.js';

/** A caller's reach: the whole SP (no tenantId), or one tenant of it. */
export interface Scope {
  spId: string;
  tenantId?: string | null | undefined;
}

export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Transaction;

export const APP_ROLE = 'vcc_app';

export async function enterScope(tx: Executor, scope: Scope): Promise<void> {
  const tenant = scope.tenantId ?? '';
  await queryRows(
    tx,
    sql`select set_config('app.sp_id', ${scope.spId}, true),
    set_config('app.scope', ${tenant ? 'tenant' : 'sp'}, true),
    set_config('app.tenant_id', ${tenant}, true),
    set_config('role', ${APP_ROLE}, true)`,
  );
}

/** The database and scope each transaction of withScope was opened with, for work beside it. */
const openedWith = new WeakMap<object, { db: Database; scope: Scope }>();

export function withScope<T>(db: Database, scope: Scope, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await enterScope(tx, scope);
    openedWith.set(tx, { db, scope });
    return work(tx);
  });
}

/** The database and scope `tx` was opened with by withScope, if it was. */
export function openedScope(tx: Executor): { db: Database; scope: Scope } | undefined {
  return openedWith.get(tx);
}

/**
 * Runs `work` in a transaction of its own under the same scope as `tx`, on another connection of
 * the pool; undefined when `tx` was not opened by withScope. For reads beside the transaction's
 * own: they see the database as of their own statements, not `tx`'s.
 */
export function besideScope<T>(
  tx: Executor,
  work: (other: Transaction) => Promise<T>,
): Promise<T> | undefined {
  const opened = openedWith.get(tx);
  return opened && withScope(opened.db, opened.scope, work);
}
