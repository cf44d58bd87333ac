/**
 * An OpenID Connect provider whose ID tokens sign users in (OIDC_ISSUER, OIDC_CLIENT_ID). The
 * portal runs the authorization-code flow; the API checks the ID token itself (signature against
 * the issuer's published keys, issuer, audience, expiry, age) instead of taking the portal's word
 * for who signed in. OIDC_TENANT ("<sp>/<tenant>" external ids) makes it one tenant's provider:
 * it may then sign in that tenant's users only, never the SP's staff or another tenant's.
 */
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Config } from '../config.js';

/** A token older than this was not just issued for this sign-in: a replayed one is refused. */
const MAX_TOKEN_AGE = '10m';
const DISCOVERY_TIMEOUT_MS = 5_000;
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'EdDSA'];

const discoveryDocument = z.object({ issuer: z.string(), jwks_uri: z.string().url() });

export interface TenantBinding {
  sp: string;
  tenant: string;
}

/** Why a token was refused: logged, never sent to the client (which sees one generic message). */
export class IdentityRefused extends Error {}

export class IdentityProvider {
  private keys: Promise<ReturnType<typeof createRemoteJWKSet>> | null = null;

  constructor(
    readonly issuer: string,
    private readonly audience: string,
    readonly tenant: TenantBinding | null,
    private readonly log: Logger,
  ) {}

  /** The token's verified e-mail address, or IdentityRefused saying why not. */
  async verifiedEmail(idToken: string): Promise<string> {
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(idToken, await this.signingKeys(), {
        issuer: this.issuer,
        audience: this.audience,
        algorithms: ALGORITHMS,
        maxTokenAge: MAX_TOKEN_AGE,
        requiredClaims: ['sub', 'iat', 'exp'],
      }));
    } catch (error) {
      if (error instanceof IdentityRefused) throw error;
      throw new IdentityRefused(`ID token refused: ${(error as Error).message}`);
    }
    // An address the provider has not verified proves nothing about who holds it.
    if (typeof claims.email !== 'string' || claims.email.length === 0 || claims.email.length > 320)
      throw new IdentityRefused('ID token has no email claim');
    if (claims.email_verified !== true) throw new IdentityRefused('ID token email is not verified');
    return claims.email;
  }

  /** The issuer's key set, found through its discovery document once (again after a failure). */
  private signingKeys(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    this.keys ??= this.discover().catch((error: unknown) => {
      this.keys = null;
      throw error;
    });
    return this.keys;
  }

  private async discover(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    const url = `${this.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    let document: z.infer<typeof discoveryDocument>;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      document = discoveryDocument.parse(await response.json());
    } catch (error) {
      this.log.error({ err: error, url }, 'identity provider discovery failed');
      throw new IdentityRefused(`discovery at ${url} failed: ${(error as Error).message}`);
    }
    if (document.issuer !== this.issuer)
      throw new IdentityRefused(`discovery names issuer ${document.issuer}, not ${this.issuer}`);
    return createRemoteJWKSet(new URL(document.jwks_uri), { timeoutDuration: DISCOVERY_TIMEOUT_MS });
  }
}

export function identityProviderFrom(config: Config, log: Logger): IdentityProvider | null {
  if (!config.OIDC_ISSUER || !config.OIDC_CLIENT_ID) return null;
  const [sp, tenant] = config.OIDC_TENANT?.split('/') ?? [];
  return new IdentityProvider(
    config.OIDC_ISSUER,
    config.OIDC_CLIENT_ID,
    sp && tenant ? { sp, tenant } : null,
    log,
  );
}
