import 'server-only';
import { cookies, headers } from 'next/headers';
import { forbidden, redirect, unstable_rethrow } from 'next/navigation';
import type { NextRequest } from 'next/server';
import { getServerSession, type Session } from 'next-auth';
import { getToken } from 'next-auth/jwt';
import { authOptions } from './options';
import { type Audience, audienceOf } from './roles';
import { authSecret } from './secret';
import { isApiTokenExpired } from './token-expiry';

/** The signed-in user, or null (also when sessions cannot be read, e.g. no secret configured). */
export async function getPortalSession(): Promise<Session | null> {
  try {
    return await getServerSession(authOptions);
  } catch (error) {
    // Next signals "render dynamically" (and redirects) by throwing: those must pass through.
    unstable_rethrow(error);
    console.error('[auth] cannot read session:', (error as Error).message);
    return null;
  }
}

/**
 * The API token of the signed-in user, for gql() calls from server components and actions.
 * Read straight from the encrypted cookie because the session object deliberately lacks it.
 * Null when signed out or when the API token has expired (the session cookie outlives it).
 */
export async function getApiToken(): Promise<string | null> {
  const secret = authSecret();
  if (!secret) return null;
  // getToken wants a request; server components only have these two stores, which is all it reads.
  const req = {
    headers: Object.fromEntries(await headers()),
    cookies: Object.fromEntries((await cookies()).getAll().map((c) => [c.name, c.value])),
  } as unknown as NextRequest;
  const token = await getToken({ req, secret });
  if (isApiTokenExpired(token?.apiTokenExpiresAt)) return null;
  return token?.apiToken ?? null;
}

/** Second lock behind proxy.ts: a layout of one audience refuses users of the other. */
export async function requireAudience(audience: Audience): Promise<Session> {
  const session = await getPortalSession();
  if (!session) redirect('/signin');
  if (audienceOf(session.user.role) !== audience) forbidden();
  return session;
}
