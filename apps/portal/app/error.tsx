'use client';

import { useEffect } from 'react';

// Friendly on purpose: no message, no stack. The digest lets support match the server log.
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error ? String(error.digest) : undefined;

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <section className="card centered" aria-labelledby="error-title">
      <h1 id="error-title">Something went wrong</h1>
      <p className="muted">We could not show this page. Please try again in a moment.</p>
      {digest && (
        <p className="muted">
          Reference: <code>{digest}</code>
        </p>
      )}
      <button className="button" type="button" onClick={() => retry()}>
        Try again
      </button>
    </section>
  );
}
