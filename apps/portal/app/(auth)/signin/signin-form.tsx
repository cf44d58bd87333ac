'use client';

import { signIn } from 'next-auth/react';
import { type FormEvent, useState } from 'react';

// One message for every failure: it must not reveal whether the email exists.
const GENERIC_ERROR = 'Sign-in failed. Check your email and password and try again.';

interface Props {
  callbackUrl: string;
  initialError: boolean;
}

export function SignInForm({ callbackUrl, initialError }: Props) {
  const [error, setError] = useState(initialError ? GENERIC_ERROR : '');
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
    </form>
  );
}
