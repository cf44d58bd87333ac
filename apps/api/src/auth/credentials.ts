/**
 * Reads credentials through the database's authentication functions. They are SECURITY DEFINER and
 * read exactly what they return whoever calls them, so each is one statement on the pool, outside any
 * request transaction: authentication runs on every request and is kept to one round trip.
 */
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

export async function findApiKey(db: Database, hash: Buffer): Promise<KeyRecord | undefined> {
  return (await queryRows<KeyRecord>(db, sql`select * from auth_api_key(${hash})`))[0];
}

export async function findUser(
  db: Database,
  by: { id?: string; email?: string },
): Promise<UserRecord | undefined> {
  return (
    await queryRows<UserRecord>(db, sql`select * from auth_user(${by.id ?? null}::uuid, ${by.email ?? null})`)
  )[0];
}

export async function recordLogin(db: Database, userId: string, success: boolean): Promise<void> {
  await db.execute(sql`select auth_record_login(${userId}::uuid, ${success})`);
}

export function isPast(value: Date | string | null, now = Date.now()): boolean {
  return value !== null && new Date(value).getTime() <= now;
}
