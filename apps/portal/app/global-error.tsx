'use client';

import './globals.css';

// Last resort when the root layout itself fails; it replaces <html>, so it brings its own.
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <main id="main" className="main">
          <section className="card centered" aria-labelledby="global-error-title">
            <h1 id="global-error-title">vcc-portal is unavailable</h1>
            <p className="muted">Something went wrong on our side. Please try again in a moment.</p>
            <button className="button" type="button" onClick={() => retry()}>
              Try again
            </button>
          </section>
        </main>
      </body>
    </html>
  );
}
