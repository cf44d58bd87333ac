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
const FETCH_TIMEOUT_MS = 5_000;
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'EdDSA'];

const discoveryDocument = z.object({
  issuer: z.string(),
  jwks_uri: z.string().url(),
  userinfo_endpoint: z.string().url().optional(),
});

const emailClaims = z.object({
  sub: z.string().optional(),
  email: z.string().min(1).max(320).optional(),
  email_verified: z.union([z.boolean(), z.string()]).optional(),
});

interface Discovered {
  keys: ReturnType<typeof createRemoteJWKSet>;
  userinfo: string | undefined;
}

export interface TenantBinding {
  sp: string;
  tenant: string;
}

/** Why a token was refused: logged, never sent to the client (which sees one generic message). */
export class IdentityRefused extends Error {}

export class IdentityProvider {
  private discovered: Promise<Discovered> | null = null;

  constructor(
    readonly issuer: string,
    private readonly audience: string,
    readonly tenant: TenantBinding | null,
    private readonly log: Logger,
  ) {}

  /**
   * The verified e-mail address of the user the ID token names, or IdentityRefused saying why not.
   * Providers that keep the address out of the ID token (the code flow allows it) give it at their
   * userinfo endpoint for the access token issued with it: asked there, for the same subject only.
   */
  async verifiedEmail(idToken: string, accessToken?: string): Promise<string> {
    const { keys, userinfo } = await this.discover();
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(idToken, keys, {
        issuer: this.issuer,
        audience: this.audience,
        algorithms: ALGORITHMS,
        maxTokenAge: MAX_TOKEN_AGE,
        requiredClaims: ['sub', 'iat', 'exp'],
      }));
    } catch (error) {
      throw new IdentityRefused(`ID token refused: ${(error as Error).message}`);
    }
    // Several audiences: the token must say it was issued to this client (OIDC Core 3.1.3.7).
    if (Array.isArray(claims.aud) && claims.aud.length > 1 && claims.azp !== this.audience)
      throw new IdentityRefused('ID token has several audiences and was not issued to this client');
    let email = emailClaims.safeParse(claims).data;
    if (!email?.email && accessToken && userinfo) {
      email = await this.userinfo(userinfo, accessToken);
      if (email.sub !== claims.sub)
        throw new IdentityRefused('userinfo names another subject than the ID token');
    }
    if (!email?.email) throw new IdentityRefused('the provider gave no email address');
    // An address the provider has not verified proves nothing about who holds it.
    if (email.email_verified !== true && email.email_verified !== 'true')
      throw new IdentityRefused(`the provider has not verified the address of subject ${claims.sub}`);
    return email.email;
  }

  private async userinfo(url: string, accessToken: string): Promise<z.infer<typeof emailClaims>> {
    const answer = await this.fetchJson(url, { authorization: `Bearer ${accessToken}` });
    const parsed = emailClaims.safeParse(answer);
    if (!parsed.success) throw new IdentityRefused(`userinfo at ${url} is not what OpenID Connect says`);
    return parsed.data;
  }

  /** The issuer's discovery document, read once (again after a failure). */
  private discover(): Promise<Discovered> {
    this.discovered ??= this.readDiscovery().catch((error: unknown) => {
      this.discovered = null;
      throw error;
    });
    return this.discovered;
  }

  private async readDiscovery(): Promise<Discovered> {
    const url = `${this.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const parsed = discoveryDocument.safeParse(await this.fetchJson(url));
    if (!parsed.success) throw new IdentityRefused(`discovery at ${url}: ${parsed.error.issues[0]?.message}`);
    const document = parsed.data;
    if (document.issuer !== this.issuer)
      throw new IdentityRefused(`discovery names issuer ${document.issuer}, not ${this.issuer}`);
    return {
      keys: createRemoteJWKSet(new URL(document.jwks_uri), { timeoutDuration: FETCH_TIMEOUT_MS }),
      userinfo: document.userinfo_endpoint,
    };
  }

  private async fetchJson(url: string, headers: Record<string, string> = {}): Promise<unknown> {
    try {
      const response = await fetch(url, { headers, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return await response.json();
    } catch (error) {
      this.log.error({ err: error, url }, 'identity provider did not answer');
      throw new IdentityRefused(`${url} failed: ${(error as Error).message}`);
    }
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
