/**
 * Tokens the portal's server passes for its signed-in users: HS256 JWTs signed with the secret the
 * portal and the API share, valid for minutes. The API re-reads the user on every request, so a
 * disabled user loses access at once whatever its token says.
 */
import { jwtVerify, SignJWT } from 'jose';

const ISSUER = 'vcc-portal';
const AUDIENCE = 'vcc-api';
export const PORTAL_TOKEN_TTL_SECONDS = 15 * 60;

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export function signPortalToken(secret: string, userId: string): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${PORTAL_TOKEN_TTL_SECONDS}s`)
    .sign(key(secret));
}

/** The user id of a valid token and when it expires (epoch ms), or null. */
export async function verifyPortalToken(
  secret: string,
  token: string,
): Promise<{ userId: string; expiresAt: number } | null> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    });
    if (typeof payload.sub !== 'string' || typeof payload.exp !== 'number') return null;
    return { userId: payload.sub, expiresAt: payload.exp * 1000 };
  } catch {
    return null;
  }
}
