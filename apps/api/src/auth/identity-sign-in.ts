/**
 * Sign-in with an ID token from the configured OpenID Connect provider. The provider vouches for the
 * e-mail address; the portal decides what that address may do: it must belong to an existing,
 * enabled, unlocked user (no account is created on first sight), and a tenant's provider signs in
 * only that tenant's users. Every refusal gives the client the same message; the log says why.
 */
import type { Database } from '@vcc/db';
import type { Logger } from 'pino';
import { unauthenticated } from '../errors.js';
import { findUser, isPast, recordLogin } from './credentials.js';
import { type IdentityProvider, IdentityRefused } from './identity-provider.js';
import { affiliationOf, signedInSession } from './signed-in-session.js';

const FAILED = 'sign-in with the identity provider failed';

export async function signInWithIdToken(
  db: Database,
  secret: string,
  provider: IdentityProvider | null,
  tokens: { idToken: string; accessToken?: string | undefined },
  log: Logger,
) {
  if (!provider) throw unauthenticated('sign-in with an identity provider is not configured');
  try {
    const email = await provider.verifiedEmail(tokens.idToken, tokens.accessToken);
    const user = await findUser(db, { email });
    if (!user) throw new IdentityRefused('no user has the address the provider gave');
    if (user.disabled_at) throw new IdentityRefused(`user ${user.id} is disabled`);
    if (user.locked_until && !isPast(user.locked_until))
      throw new IdentityRefused(`user ${user.id} is locked`);
    const affiliation = await affiliationOf(db, user);
    const bound = provider.tenant;
    if (bound && (affiliation.sp !== bound.sp || affiliation.tenant?.externalId !== bound.tenant))
      throw new IdentityRefused(`user ${user.id} is not a user of ${bound.sp}/${bound.tenant}`);
    await recordLogin(db, user.id, true);
    return await signedInSession(secret, user, affiliation);
  } catch (error) {
    if (!(error instanceof IdentityRefused)) throw error;
    log.warn({ issuer: provider.issuer, reason: error.message }, 'identity provider sign-in refused');
    throw unauthenticated(FAILED);
  }
}
