import 'server-only';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { signInWithIdToken } from '../api/sign-in';
import { portalUserOf } from './portal-user';
import { IDENTITY_PROVIDER_ID } from './provider-ids';

/** The configured OpenID Connect provider's button label, or null when none is configured. */
export function identityProviderName(): string | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME } = process.env;
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return null;
  return OIDC_NAME || 'your identity provider';
}

interface IdTokenClaims {
  sub: string;
  email?: string;
}

/**
 * Sign-in through an OpenID Connect provider (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, and
 * OIDC_NAME for the button): the authorization-code flow with PKCE, state and nonce. The API is
 * given the same issuer and client id; it checks the ID token again and decides who it signs in.
 */
export function identityProvider(): OAuthConfig<IdTokenClaims> | null {
  const name = identityProviderName();
  if (!name) return null;
  const issuer = process.env.OIDC_ISSUER!.replace(/\/$/, '');
  return {
    id: IDENTITY_PROVIDER_ID,
    name,
    type: 'oauth',
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    clientId: process.env.OIDC_CLIENT_ID,
    clientSecret: process.env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: 'openid email' } },
    idToken: true,
    checks: ['pkce', 'state', 'nonce'],
    // next-auth shows no message at all for a profile() that throws, so this one never throws: a
    // user the API refuses comes back without an API token, and the signIn callback turns it away.
    async profile(claims, tokens) {
      const refused = {
        id: claims.sub,
        email: '',
        role: 'tenant-viewer' as const,
        tenant: null,
        apiToken: '',
      };
      try {
        return (
          (tokens.id_token && portalUserOf(await signInWithIdToken(tokens.id_token, tokens.access_token))) ||
          refused
        );
      } catch (error) {
        console.error('[auth] identity provider sign-in call failed:', (error as Error).message);
        return refused;
      }
    },
  };
}
