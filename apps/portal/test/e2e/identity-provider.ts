import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from './free-port';

/** What the portal and the API are configured with, and where the portal must listen. */
export interface E2eIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The provider only sends browsers back to a registered address: the OIDC test's portal uses this port. */
  portalPort: number;
}

/**
 * A real OpenID Connect provider (oidc-provider) for the sign-in tests. Its development login page
 * accepts any login name with any password; the login name is the account's verified e-mail address.
 */
export async function startIdentityProvider(): Promise<{
  provider: E2eIdentityProvider;
  stop: () => Promise<void>;
}> {
  const [port, portalPort] = [await freePort(), await freePort()];
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'vcc-portal-e2e';
  const clientSecret = randomBytes(24).toString('base64url');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

  const oidc = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`http://127.0.0.1:${portalPort}/api/auth/callback/oidc`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'e2e', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      return { accountId: id, claims: async () => ({ sub: id, email: id, email_verified: true }) };
    },
  });
  const server: Server = oidc.listen(port);
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    provider: { issuer, clientId, clientSecret, portalPort },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
