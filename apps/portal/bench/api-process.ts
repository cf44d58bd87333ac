/**
 * The real API for the benchmark: `vcc serve` on a seeded PostgreSQL database, run from source with
 * the API's own tsx (the portal never imports the API; it runs it, as the e2e tests do).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test/e2e/free-port';

const API_DIR = fileURLToPath(new URL('../../api', import.meta.url));
const TSX_CLI = join(API_DIR, 'node_modules/tsx/dist/cli.mjs');
const MAIN = join(API_DIR, 'src/cli/main.ts');

export interface RunningApi {
  graphqlUrl: string;
  stop(): Promise<void>;
}

function env(databaseUrl: string): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' };
}

/** A `vcc` command against the database; its stdout. */
export function vcc(
  databaseUrl: string,
  args: string[],
  input?: string,
): { status: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, [TSX_CLI, MAIN, ...args], {
    cwd: API_DIR,
    env: env(databaseUrl),
    input,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, out: result.stdout.trim(), err: result.stderr };
}

/**
 * A portal login for the benchmark, with a known password. The estate is reused between runs, so
 * the login may already exist: then it has this same password.
 */
export function ensureLogin(databaseUrl: string, email: string, password: string): void {
  const created = vcc(
    databaseUrl,
    ['users', 'create', '--email', email, '--role', 'sp-admin', '--password-stdin'],
    password,
  );
  if (created.status !== 0 && !created.err.includes('already exists'))
    throw new Error(`vcc users create failed (${created.status}): ${created.err}`);
}

async function waitForReady(base: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vcc serve exited with ${child.exitCode}\n${log()}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the API did not get ready\n${log()}`);
}

/** `vcc serve` in production mode, with rate limits out of the way of a benchmark. */
export async function startApi(databaseUrl: string): Promise<RunningApi> {
  const port = await freePort();
  const child = spawn(process.execPath, [TSX_CLI, MAIN, 'serve', '--port', String(port)], {
    cwd: API_DIR,
    env: {
      ...env(databaseUrl),
      NODE_ENV: 'production',
      VCC_API_SECRET: randomBytes(32).toString('hex'),
      RATE_LIMIT_PER_KEY: '1000000',
      RATE_LIMIT_PER_IP: '1000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c) => (output += c));
  child.stderr?.on('data', (c) => (output += c));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    // SIGINT: `vcc serve` closes the database cleanly on it.
    child.kill('SIGINT');
    await exited;
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForReady(base, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { graphqlUrl: `${base}/graphql`, stop };
}
