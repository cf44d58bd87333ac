/**
 * Turns a request's `Authorization: Bearer …` into a principal: an API key (checked for form and
 * checksum before any lookup, then by hash, expiry and revocation) or a portal token (signature and
 * expiry, then the user re-read). No header: anonymous (null). Anything else: UNAUTHENTICATED.
 */
import type { Database } from '@vcc/db';
import { unauthenticated } from '../errors.js';
import { hashApiKey, isWellFormedApiKey, looksLikeApiKey } from './api-keys.js';
import { findApiKey, findUser, isPast } from './credentials.js';
import { verifyPortalToken } from './portal-tokens.js';
import type { Principal } from './principal.js';

export async function authenticate(
  db: Database,
  authorization: string | undefined,
  secret: string,
): Promise<Principal | null> {
  if (!authorization) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!m) throw unauthenticated('the Authorization header must be "Bearer <api key or token>"');
  const token = m[1]!;
  return looksLikeApiKey(token) ? fromApiKey(db, token) : fromPortalToken(db, token, secret);
}

async function fromApiKey(db: Database, key: string): Promise<Principal> {
  if (!isWellFormedApiKey(key)) throw unauthenticated('the API key is malformed');
  const record = await findApiKey(db, hashApiKey(key));
  if (!record) throw unauthenticated('unknown API key');
  if (record.revoked_at) throw unauthenticated('the API key was revoked');
  if (isPast(record.expires_at)) throw unauthenticated('the API key has expired');
  return {
    kind: 'key',
    id: record.id,
    spId: record.sp_id,
    tenantId: record.tenant_id,
    role: record.role,
    expiresAt: record.expires_at === null ? undefined : new Date(record.expires_at).getTime(),
  };
}

async function fromPortalToken(db: Database, token: string, secret: string): Promise<Principal> {
  const verified = await verifyPortalToken(secret, token);
  if (!verified) throw unauthenticated('the session token is invalid or has expired');
  const user = await findUser(db, { id: verified.userId });
  if (!user || user.disabled_at) throw unauthenticated('the user no longer exists or is disabled');
  return {
    kind: 'user',
    id: user.id,
    spId: user.sp_id,
    tenantId: user.tenant_id,
    role: user.role,
    expiresAt: verified.expiresAt,
  };
}
