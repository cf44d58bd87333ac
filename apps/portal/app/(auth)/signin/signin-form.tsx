'use client';

import { signIn } from 'next-auth/react';
import { type FormEvent, useState } from 'react';
import { IDENTITY_PROVIDER_ID } from '@/lib/auth/provider-ids';

// One message for every failure: it must not reveal whether the email exists.
const GENERIC_ERROR = 'Sign-in failed. Check your email and password and try again.';
const IDENTITY_ERROR =
  'Sign-in through your identity provider failed. If you should have access, ask your administrator to add your address.';

export type SignInFailure = 'credentials' | 'identity';

interface Props {
  callbackUrl: string;
  initialError: SignInFailure | null;
  /** The configured OpenID Connect provider's name, or null for none. */
  identityProvider: string | null;
}

export function SignInForm({ callbackUrl, initialError, identityProvider }: Props) {
  const [error, setError] = useState(
    initialError === 'identity' ? IDENTITY_ERROR : initialError ? GENERIC_ERROR : '',
  );
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError('');
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      // A full navigation so the server renders the top bar with the new session.
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError(GENERIC_ERROR);
  }

  const invalid = error ? true : undefined;
  return (
    <form className="form" onSubmit={onSubmit}>
      {/* role="alert" region exists from the start so screen readers announce new errors. */}
      <p id="signin-error" className="form-error" role="alert">
        {error}
      </p>
      <div className="field">
        <label htmlFor="email">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          aria-invalid={invalid}
          aria-describedby={error ? 'signin-error' : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={invalid}
          aria-describedby={error ? 'signin-error' : undefined}
        />
      </div>
      <button className="button" type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
      {identityProvider && (
        <>
          <p className="muted form-divider">or</p>
          <button
            className="button button--secondary"
            type="button"
            disabled={pending}
            onClick={() => {
              setPending(true);
              // Leaves for the provider's sign-in page; next-auth brings the browser back to callbackUrl.
              void signIn(IDENTITY_PROVIDER_ID, { callbackUrl });
            }}
          >
            Sign in with {identityProvider}
          </button>
        </>
      )}
    </form>
  );
}
