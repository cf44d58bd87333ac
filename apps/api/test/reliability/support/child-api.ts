/**
 * The API as a child process, as it runs in production: `node --import tsx src/cli/main.ts serve`
 * with DATABASE_URL set, so that a test can SIGKILL it mid-request and start it again on the same
 * port. Its stdout and stderr are kept for the log checks.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

const API_DIR = path.resolve(import.meta.dirname, '../../..');

export const CHILD_SECRET = 'reliability-secret-that-is-long-enough-for-hs256';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ChildApi {
  url: string;
  port: number;
  /** Everything the process (and the ones before a restart) wrote to stdout and stderr. */
  logs(): string;
  /** SIGKILL, no goodbye; resolves when the process is gone. */
  kill(): Promise<void>;
  /** Starts the process again on the same port (after kill). */
  start(): Promise<void>;
  /** SIGTERM and wait (a clean stop). */
  stop(): Promise<void>;
  /** The current process id (null when not running). */
  pid(): number | null;
}

export async function startChildApi(options: {
  databaseUrl: string;
  env?: Record<string, string>;
}): Promise<ChildApi> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  let child: ChildProcess | null = null;

  const start = async () => {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', String(port)],
      {
        cwd: API_DIR,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '/tmp',
          NODE_ENV: 'production',
          VCC_API_SECRET: CHILD_SECRET,
          LOG_LEVEL: 'info',
          DATABASE_URL: options.databaseUrl,
          ...options.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child = proc;
    proc.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    proc.stderr?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (proc.exitCode !== null)
        throw new Error(`the API exited (${proc.exitCode}):\n${output.slice(-2000)}`);
      try {
        const res = await fetch(`${url}/healthz`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the API did not start within 60 s:\n${output.slice(-2000)}`);
  };

  const end = async (signal: NodeJS.Signals) => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill(signal);
    await gone;
    child = null;
  };

  await start();
  return {
    url,
    port,
    logs: () => output,
    kill: () => end('SIGKILL'),
    start,
    stop: () => end('SIGTERM'),
    pid: () => (child && child.exitCode === null ? ((child as ChildProcess).pid ?? null) : null),
  };
}
