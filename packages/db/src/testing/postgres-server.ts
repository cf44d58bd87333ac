/**
 * The PostgreSQL server tests run against: TEST_DATABASE_URL, else the server on 127.0.0.1:5432 when
 * one answers, else a private cluster started in a temporary folder (initdb + pg_ctl), so that the
 * test command needs nothing set up by hand.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function answers(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions)
    if (existsSync(path.join(root, v, 'bin', 'initdb'))) return path.join(root, v, 'bin');
  throw new Error('no PostgreSQL server binaries found under /usr/lib/postgresql: install postgresql');
}

/** Starts a throwaway cluster owned by the `postgres` OS user; returns its URL and a stop function. */
function startPrivateCluster(): { url: string; stop: () => void } {
  const bin = postgresBinDir();
  const dir = mkdtempSync(path.join(tmpdir(), 'vcc-pg-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = path.join(bin, cmd);
    if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', full, ...args], { stdio: 'pipe' });
    else execFileSync(full, args, { stdio: 'pipe' });
  };
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  run('initdb', ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  run('pg_ctl', [
    '-D',
    dir,
    '-w',
    '-l',
    path.join(dir, 'log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      spawnSync(
        asRoot ? 'runuser' : path.join(bin, 'pg_ctl'),
        asRoot
          ? ['-u', 'postgres', '--', path.join(bin, 'pg_ctl'), '-D', dir, '-m', 'immediate', 'stop']
          : ['-D', dir, '-m', 'immediate', 'stop'],
      );
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** For vitest's globalSetup: finds or starts a server and publishes it as TEST_DATABASE_URL. */
export async function ensureTestPostgres(): Promise<() => void> {
  if (process.env.TEST_DATABASE_URL) return () => {};
  if (await answers(DEFAULT_URL)) {
    process.env.TEST_DATABASE_URL = DEFAULT_URL;
    return () => {};
  }
  const cluster = startPrivateCluster();
  process.env.TEST_DATABASE_URL = cluster.url;
  return cluster.stop;
}
