/**
 * When the API token in a session stops working. The API signs short-lived JWTs (minutes) while the
 * session cookie lives longer, so the portal must notice the end itself instead of showing API
 * errors. Reads the `exp` claim without verifying: the API verifies; this only schedules a re-login.
 * No imports: proxy.ts uses this too.
 */
const FALLBACK_TTL_MS = 15 * 60 * 1000;

export function apiTokenExpiresAt(token: string, now = Date.now()): number {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')));
    if (typeof payload.exp === 'number') return payload.exp * 1000;
  } catch {
    // Not a JWT (e.g. an opaque token): assume the API's documented lifetime.
  }
  return now + FALLBACK_TTL_MS;
}

/** A small margin so a page started just before the end does not fail halfway. */
export function isApiTokenExpired(expiresAt: number | undefined, now = Date.now()): boolean {
  return expiresAt !== undefined && expiresAt - 10_000 <= now;
}
