import type { User } from 'next-auth';
import type { SignInResult } from '../api/sign-in';
import { normalizeRole } from './roles';

/** The session's user for an API sign-in, whichever way it was made; null when it was refused. */
export function portalUserOf(result: SignInResult | null): User | null {
  const role = normalizeRole(result?.user.role);
  if (!result || !role) return null;
  return {
    id: result.user.id,
    email: result.user.email,
    role,
    tenant: result.user.tenant,
    apiToken: result.token,
  };
}
