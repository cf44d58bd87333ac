/**
 * A private PostgreSQL cluster in a temporary folder on a free port (initdb + pg_ctl, as
 * packages/db/src/testing/postgres-server.ts does), which a test may stop and start at will: the
 * shared server on 5432 is never restarted.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './child-api.js';

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions)
    if (existsSync(path.join(root, v, 'bin', 'initdb'))) return path.join(root, v, 'bin');
  throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql');
}

export interface PrivateCluster {
  /** The cluster's `postgres` database, as the superuser (for CREATE DATABASE). */
  url: string;
  port: number;
  /** Stops the server at once (`-m immediate`: like a crash, no checkpoint). */
  stop(): void;
  /** Starts it again; returns when it accepts connections. */
  start(): void;
  /** Stops it for good and removes its folder. */
  destroy(): void;
}

export async function startPrivateCluster(): Promise<PrivateCluster> {
  const bin = binDir();
  const dir = mkdtempSync(path.join(tmpdir(), 'vcc-reliability-pg-'));
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = path.join(bin, cmd);
    if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', full, ...args], { stdio: 'pipe' });
    else execFileSync(full, args, { stdio: 'pipe' });
  };
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  run('initdb', ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const start = () =>
    run('pg_ctl', [
      '-D',
      dir,
      '-w',
      '-l',
      path.join(dir, 'log'),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`,
      'start',
    ]);
  const stop = () => {
    const pgCtl = path.join(bin, 'pg_ctl');
    spawnSync(
      asRoot ? 'runuser' : pgCtl,
      asRoot
        ? ['-u', 'postgres', '--', pgCtl, '-D', dir, '-m', 'immediate', '-w', 'stop']
        : ['-D', dir, '-m', 'immediate', '-w', 'stop'],
      { stdio: 'pipe' },
    );
  };
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop,
    start,
    destroy: () => {
      stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
