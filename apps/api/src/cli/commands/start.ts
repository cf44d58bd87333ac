/**
 * `pnpm start`: the whole product on one machine. Migrates the configured database (embedded PGlite
 * by default), fills an empty one with a demo estate and demo logins, starts the API in this process
 * and the portal beside it (building it first if needed), and stops both together.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate, openConfiguredDatabase, schema, seedEstate } from '@vcc/db';
import { monthOf } from '@vcc/rules';
import { loadConfig } from '../../config.js';
import { resolveSecret } from '../../server/secret.js';
import { startApi } from '../../server/start-server.js';
import { createUser } from '../../users/create-user.js';
import { info } from '../io.js';

const PORTAL_DIR = fileURLToPath(new URL('../../../../portal', import.meta.url));

export const DEMO_LOGINS = [
  { email: 'admin@demo.local', role: 'sp-admin', tenant: null, password: 'demo-sp-admin-2026' },
  { email: 'viewer@demo.local', role: 'sp-viewer', tenant: null, password: 'demo-sp-viewer-2026' },
  { email: 'tenant@demo.local', role: 'tenant-admin', tenant: 't-1', password: 'demo-tenant-admin-2026' },
  {
    email: 'tenant-viewer@demo.local',
    role: 'tenant-viewer',
    tenant: 't-2',
    password: 'demo-tenant-viewer-2026',
  },
] as const;

async function ensureDemoEstate(): Promise<void> {
  const handle = await openConfiguredDatabase();
  try {
    await migrate(handle);
    const existing = await handle.db
      .select({ id: schema.serviceProviders.id })
      .from(schema.serviceProviders)
      .limit(1);
    if (existing.length > 0) return;
    // The demo logins' passwords are public: never on a production database.
    if (process.env.NODE_ENV === 'production') {
      info(
        'empty database in production: no demo estate; load one with `vcc import` and add logins with `vcc users create`',
      );
      return;
    }
    info('empty database: creating the demo estate (12 tenants, 480 machines, 6 months)…');
    const now = Date.now();
    const { spId } = await seedEstate(handle.db, {
      spExternalId: 'demo',
      spName: 'Demo Cloud',
      tenants: 12,
      machines: 480,
      months: 6,
      lastMonth: monthOf(now),
      until: now,
      seed: 2026,
    });
    const tenants = await handle.db
      .select({ id: schema.tenants.id, externalId: schema.tenants.externalId })
      .from(schema.tenants);
    await handle.db.transaction(async (tx) => {
      for (const login of DEMO_LOGINS) {
        const tenantId = login.tenant
          ? (tenants.find((t) => t.externalId === login.tenant)?.id ?? null)
          : null;
        await createUser(tx, {
          spId,
          tenantId,
          email: login.email,
          role: login.role,
          password: login.password,
          actor: 'cli',
        });
      }
    });
  } finally {
    await handle.close();
  }
}

function buildPortalIfNeeded(): void {
  if (existsSync(path.join(PORTAL_DIR, '.next', 'BUILD_ID'))) return;
  info('building the portal (first start only)…');
  const result = spawnSync('pnpm', ['exec', 'next', 'build'], {
    cwd: PORTAL_DIR,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error('the portal build failed');
}

function startPortal(port: number, apiPort: number, secret: string): ChildProcess {
  return spawn('pnpm', ['exec', 'next', 'start', '-p', String(port)], {
    cwd: PORTAL_DIR,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      API_URL: `http://127.0.0.1:${apiPort}/graphql`,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? secret,
    },
  });
}

export async function startCommand(): Promise<void> {
  const config = loadConfig();
  const secret = resolveSecret(config);
  const portalPort = Number(process.env.PORT ?? 3000);
  await ensureDemoEstate();
  buildPortalIfNeeded();
  const api = await startApi({ VCC_API_SECRET: secret });
  const portal = startPortal(portalPort, api.port, secret);
  info(`\nAPI     http://localhost:${api.port}/graphql`);
  info(`Portal  http://localhost:${portalPort}`);
  if (process.env.NODE_ENV !== 'production') {
    info('Demo logins:');
    for (const login of DEMO_LOGINS)
      info(`  ${login.role.padEnd(14)} ${login.email.padEnd(26)} ${login.password}`);
  }
  // Signals reach the portal too, and its exit calls stop again: close the database once, cleanly.
  let stopping: Promise<void> | null = null;
  const stop = (code: number) => {
    stopping ??= (async () => {
      portal.kill('SIGTERM');
      await api.close();
      process.exit(code);
    })();
    return stopping;
  };
  portal.once('exit', (code) => void stop(code ?? 1));
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
}
