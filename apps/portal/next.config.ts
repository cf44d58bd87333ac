import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Default (non-standalone) output: `next start` serves .next directly, as `pnpm start` expects.
  reactStrictMode: true,
  // No "X-Powered-By: Next.js" header: it only tells a scanner what to look for.
  poweredByHeader: false,
};

export default nextConfig;
