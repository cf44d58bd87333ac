import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'No access' };

/** The 403 page (`forbidden()`): says no, and nothing of what was asked for. */
export default function Forbidden() {
  return (
    <section className="card centered" aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">No access</h1>
      <p className="muted">Your account may not open this page.</p>
      <Link className="button" href="/">
        Go to your start page
      </Link>
    </section>
  );
}
