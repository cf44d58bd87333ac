/** Reads credentials through the database's authentication functions, as the application role. */
import { type Database, queryRows } from '@vcc/db';
import type { Role } from '@vcc/db/schema';
import { sql } from 'drizzle-orm';

export interface KeyRecord {
  id: string;
  sp_id: string;
  tenant_id: string | null;
  role: Role;
  expires_at: Date | string | null;
  revoked_at: Date | string | null;
}

export interface UserRecord {
  id: string;
  sp_id: string;
  tenant_id: string | null;
  email: string;
  role: Role;
  password_hash: string;
  failed_logins: number;
  locked_until: Date | string | null;
  disabled_at: Date | string | null;
}

function asApp<T>(
  db: Database,
  work: (tx: Parameters<Parameters<Database['transaction']>[0]>[0]) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', 'vcc_app', true)`);
    return work(tx);
  });
}

export function findApiKey(db: Database, hash: Buffer): Promise<KeyRecord | undefined> {
  return asApp(
    db,
    async (tx) => (await queryRows<KeyRecord>(tx, sql`select * from auth_api_key(${hash})`))[0],
  );
}

export function findUser(db: Database, by: { id?: string; email?: string }): Promise<UserRecord | undefined> {
  return asApp(
    db,
    async (tx) =>
      (
        await queryRows<UserRecord>(
          tx,
          sql`select * from auth_user(${by.id ?? null}::uuid, ${by.email ?? null})`,
        )
      )[0],
  );
}

export function recordLogin(db: Database, userId: string, success: boolean): Promise<void> {
  return asApp(db, async (tx) => {
    await tx.execute(sql`select auth_record_login(${userId}::uuid, ${success})`);
  });
}

export function isPast(value: Date | string | null, now = Date.now()): boolean {
  return value !== null && new Date(value).getTime() <= now;
}
