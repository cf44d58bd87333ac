import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Default (non-standalone) output: `next start` serves .next directly, as `pnpm start` expects.
  reactStrictMode: true,
  // No "X-Powered-By: Next.js" header: it only tells a scanner what to look for.
  poweredByHeader: false,
  // forbidden(): a 403 page (app/forbidden.tsx) for pages of the other audience and of other roles.
  experimental: { authInterrupts: true },
};

export default nextConfig;
