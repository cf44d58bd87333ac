// Only ever used outside production, so `next dev` and local tests work without a .env file.
const DEV_ONLY_SECRET = 'vcc-portal-dev-only-secret-never-use-in-production';

/**
 * The key that encrypts session JWTs. In production there is no fallback: a missing
 * NEXTAUTH_SECRET yields undefined, and next-auth then refuses to issue or read sessions
 * (fail closed) rather than run with a secret published in this file.
 * Not thrown here, because `next build` (NODE_ENV=production) loads this module without it.
 */
export function authSecret(): string | undefined {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  return process.env.NODE_ENV === 'production' ? undefined : DEV_ONLY_SECRET;
}
