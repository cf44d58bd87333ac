import Link from 'next/link';

export default function NotFound() {
  return (
    <section className="card centered">
      <h1>Page not found</h1>
      <p className="muted">The page you asked for does not exist or has moved.</p>
      <Link className="button" href="/">
        Go to the start page
      </Link>
    </section>
  );
}
