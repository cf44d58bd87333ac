/**
 * Email + password sign-in. Every failure gives the same message, an unknown address costs the same
 * hashing time as a wrong password, and five failures in a row lock the account for 15 minutes.
 */
import type { Database } from '@vcc/db';
import { unauthenticated } from '../errors.js';
import { findUser, isPast, recordLogin } from './credentials.js';
import { DUMMY_HASH, verifyPassword } from './passwords.js';
import { affiliationOf, signedInSession } from './signed-in-session.js';

const FAILED = 'invalid email or password';

export async function signIn(db: Database, secret: string, email: string, password: string) {
  const user = email.length <= 320 ? await findUser(db, { email }) : undefined;
  const valid = await verifyPassword(user?.password_hash ?? DUMMY_HASH, password.slice(0, 1024));
  if (!user || user.disabled_at) throw unauthenticated(FAILED);
  if (user.locked_until && !isPast(user.locked_until)) throw unauthenticated(FAILED);
  await recordLogin(db, user.id, valid);
  if (!valid) throw unauthenticated(FAILED);
  return signedInSession(secret, user, await affiliationOf(db, user));
}
