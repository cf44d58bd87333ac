import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PORTAL_DIR } from './portal-server';

/**
 * The e2e tests run the production server, so they need a build. Build once when there is none;
 * an existing build is reused (run `pnpm build` yourself after changing the app).
 */
export default function buildPortalIfMissing(): void {
  if (existsSync(join(PORTAL_DIR, '.next', 'BUILD_ID'))) return;
  console.log('[e2e] no .next/BUILD_ID: running next build first');
  const result = spawnSync(process.execPath, [join(PORTAL_DIR, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: PORTAL_DIR,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
}
