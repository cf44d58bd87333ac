/**
 * Email + password sign-in. Every failure gives the same message, an unknown address costs the same
 * hashing time as a wrong password, and five failures in a row lock the account for 15 minutes.
 */
import { type Database, schema, withScope } from '@vcc/db';
import { eq } from 'drizzle-orm';
import { unauthenticated } from '../errors.js';
import { findUser, isPast, recordLogin } from './credentials.js';
import { DUMMY_HASH, verifyPassword } from './passwords.js';
import { signPortalToken } from './portal-tokens.js';

const FAILED = 'invalid email or password';

export async function signIn(db: Database, secret: string, email: string, password: string) {
  const user = email.length <= 320 ? await findUser(db, { email }) : undefined;
  const valid = await verifyPassword(user?.password_hash ?? DUMMY_HASH, password.slice(0, 1024));
  if (!user || user.disabled_at) throw unauthenticated(FAILED);
  if (user.locked_until && !isPast(user.locked_until)) throw unauthenticated(FAILED);
  await recordLogin(db, user.id, valid);
  if (!valid) throw unauthenticated(FAILED);
  const tenant = user.tenant_id
    ? await withScope(db, { spId: user.sp_id, tenantId: user.tenant_id }, async (tx) => {
        const [t] = await tx.select().from(schema.tenants).where(eq(schema.tenants.id, user.tenant_id!));
        return t ? { externalId: t.externalId, name: t.name } : null;
      })
    : null;
  return {
    token: await signPortalToken(secret, user.id),
    user: { id: user.id, email: user.email, role: user.role, tenant },
  };
}
