/**
 * A minimal OpenID Connect issuer for the API's tests: a discovery document and a key set served over
 * HTTP, a userinfo endpoint, and ID tokens signed with the published key (or, to be refused, with another one). The API
 * fetches and verifies them as it would a real provider's; the portal's end-to-end tests run a full
 * provider (oidc-provider) through the browser.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

export interface TestIssuer {
  issuer: string;
  /** An ID token for this audience with these claims over the defaults (sub, iat, exp, email_verified). */
  idToken(
    audience: string | string[],
    claims?: JWTPayload,
    options?: { foreignKey?: boolean },
  ): Promise<string>;
  /** An access token whose userinfo answer is these claims. */
  accessToken(claims: Record<string, unknown>): string;
  /** While down, every request is answered 503. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

export async function startTestIssuer(): Promise<TestIssuer> {
  const published = await generateKeyPair('RS256');
  const foreign = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(published.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  let issuer = '';
  let down = false;
  const userinfo = new Map<string, Record<string, unknown>>();
  const server: Server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (down) {
      res.statusCode = 503;
      res.end('{}');
    } else if (req.url === '/.well-known/openid-configuration') {
      res.end(
        JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks`, userinfo_endpoint: `${issuer}/userinfo` }),
      );
    } else if (req.url === '/userinfo') {
      const claims = userinfo.get(req.headers.authorization?.replace(/^Bearer /, '') ?? '');
      res.statusCode = claims ? 200 : 401;
      res.end(JSON.stringify(claims ?? { error: 'invalid_token' }));
    } else if (req.url === '/jwks') {
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const sign = (key: SigningKey, audience: string | string[], claims: JWTPayload) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ sub: 'subject-1', email_verified: true, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuer(typeof claims.iss === 'string' ? claims.iss : issuer)
      .setAudience(audience)
      .setIssuedAt(claims.iat ?? now)
      .setExpirationTime(claims.exp ?? now + 300)
      .sign(key);
  };
  return {
    issuer,
    idToken: (audience, claims = {}, options = {}) =>
      sign(options.foreignKey ? foreign.privateKey : published.privateKey, audience, claims),
    accessToken: (claims) => {
      const token = randomBytes(16).toString('hex');
      userinfo.set(token, claims);
      return token;
    },
    setDown: (value) => {
      down = value;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
