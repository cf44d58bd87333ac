import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { identityProviderName } from '@/lib/auth/identity-provider';
import { homePath } from '@/lib/auth/roles';
import { getApiToken, getPortalSession } from '@/lib/auth/session';
import { type SignInFailure, SignInForm } from './signin-form';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// next-auth's error codes for a failed round trip through an identity provider.
const IDENTITY_ERRORS = new Set(['AccessDenied', 'OAuthSignin', 'OAuthCallback', 'Callback']);

function failureOf(error: string | string[] | undefined): SignInFailure | null {
  if (error === undefined) return null;
  return typeof error === 'string' && IDENTITY_ERRORS.has(error) ? 'identity' : 'credentials';
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const expired = params.expired !== undefined;
  const session = await getPortalSession();
  // A session whose API token has expired must be able to sign in again, not bounce home
  // (home would send it straight back here).
  if (session && !expired && (await getApiToken())) redirect(homePath(session.user.role));

  return (
    <section className="card centered" aria-labelledby="signin-title">
      <h1 id="signin-title">Sign in</h1>
      {expired ? (
        <p className="notice" role="status">
          Your session has expired. Please sign in again.
        </p>
      ) : (
        <p className="muted">Use the account your service provider gave you.</p>
      )}
      <SignInForm
        callbackUrl={safeCallbackUrl(params.callbackUrl)}
        // Set when next-auth redirects back here after a failed attempt; its value is not shown.
        initialError={failureOf(params.error)}
        identityProvider={identityProviderName()}
      />
    </section>
  );
}
