// Next 16 renamed middleware.ts to proxy.ts (middleware.ts still works but is deprecated);
// same job: keep signed-out users out of the (sp) and (tenant) route groups, and each audience
// out of the other's.
import { type NextRequest, NextResponse } from 'next/server';
import { getToken } from 'next-auth/jwt';
import { audienceOf, normalizeRole, type PortalRole } from './lib/auth/roles';
import { authSecret } from './lib/auth/secret';
import { isApiTokenExpired } from './lib/auth/token-expiry';

/** Pages of one role within its audience (viewers get the 403 page too; the API refuses them anyway). */
const ADMIN_PAGES: [string, PortalRole][] = [
  ['/sp/admin', 'sp-admin'],
  ['/tenant/admin', 'tenant-admin'],
];

export async function proxy(request: NextRequest) {
  const secret = authSecret();
  // No secret in production means no session can be trusted: treat everyone as signed out.
  const token = secret ? await getToken({ req: request, secret }) : null;
  const role = normalizeRole(token?.role);

  if (!token || !role) {
    const signIn = new URL('/signin', request.url);
    signIn.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(signIn);
  }

  // The API token inside the session expires before the cookie does: ask for a fresh sign-in
  // rather than render a page whose every API call would fail.
  if (isApiTokenExpired(token.apiTokenExpiresAt)) {
    const signIn = new URL('/signin', request.url);
    signIn.searchParams.set('expired', '1');
    signIn.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(signIn);
  }

  // A tenant user must never render an SP page (and the other way round), nor a viewer an admin
  // page: a 403 page that shows nothing of what was asked for, at the address typed. (Rewritten
  // here because a page's own forbidden() comes after its loading state has been sent with 200.)
  const path = request.nextUrl.pathname;
  const wanted = path.startsWith('/sp') ? 'sp' : 'tenant';
  const adminOnly = ADMIN_PAGES.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`));
  if (audienceOf(role) !== wanted || (adminOnly && adminOnly[1] !== role)) {
    return NextResponse.rewrite(new URL('/no-access', request.url));
  }
  return NextResponse.next();
}

// URL prefixes of app/(sp)/sp/... and app/(tenant)/tenant/...; route groups themselves have no URL.
export const config = {
  matcher: ['/sp', '/sp/:path*', '/tenant', '/tenant/:path*'],
};
