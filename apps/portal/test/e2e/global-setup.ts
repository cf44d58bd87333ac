import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PORTAL_DIR } from './portal-server';

// What a build is made from: a newer file here means the build is stale.
const SOURCES = ['app', 'components', 'lib', 'proxy.ts', 'next.config.ts', 'package.json', 'tsconfig.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

function buildReason(): string | null {
  if (process.env.CI === 'true') return 'CI=true';
  const buildId = join(PORTAL_DIR, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return 'no .next/BUILD_ID';
  const built = statSync(buildId).mtimeMs;
  const newest = Math.max(...SOURCES.map((s) => newestMtime(join(PORTAL_DIR, s))));
  return newest > built ? 'sources changed since the last build' : null;
}

/** The e2e tests run the production server, so they need a build that matches the sources. */
export default function buildPortalIfStale(): void {
  const reason = buildReason();
  if (!reason) return;
  console.log(`[e2e] ${reason}: running next build first`);
  const result = spawnSync(process.execPath, [join(PORTAL_DIR, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: PORTAL_DIR,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
}
