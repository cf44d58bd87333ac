import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { TopBar } from '@/components/top-bar';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'vcc-portal', template: '%s · vcc-portal' },
  description: 'License consumption for Veeam Cloud Connect service providers and their tenants.',
  // Private, per-user data: keep it out of search engines.
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#0f2a44',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <TopBar />
        <main id="main" className="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
