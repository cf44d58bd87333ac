/**
 * The `vcc` command as a child process of a benchmark, on a database given explicitly: one-off
 * commands, and `vcc serve` as the API under measure (its own process, as in production, so that the
 * load the benchmark generates does not share its thread).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const MAIN = path.resolve(import.meta.dirname, '../src/cli/main.ts');

/** A PostgreSQL database by URL, or a PGlite data directory. */
export type DatabaseLocation = { url: string } | { dataDir: string };

/** This process's environment pointed at `database` alone (an inherited DATABASE_URL would win over a data dir). */
function childEnv(database: DatabaseLocation, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.DATABASE_URL;
  delete env.VCC_DATA_DIR;
  if ('url' in database) env.DATABASE_URL = database.url;
  else env.VCC_DATA_DIR = database.dataDir;
  return env;
}

/** Runs `vcc <args>` to completion; its standard output, trimmed. */
export function vcc(database: DatabaseLocation, args: string[]): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    encoding: 'utf8',
    env: childEnv(database),
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

/** Resolves once `target` answers at all; PGlite takes seconds to start, more on a busy machine. */
export async function waitFor(target: string, child?: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child && child.exitCode !== null)
      throw new Error(`the process for ${target} exited (${child.exitCode})`);
    try {
      await fetch(target);
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`${target} did not start`);
}

export interface ApiProcess {
  /** The API's base URL, e.g. http://127.0.0.1:4911 */
  url: string;
  child: ChildProcess;
  /** Stops the API and waits for it to exit (and so to release a PGlite data directory). */
  stop(): Promise<void>;
  /** The most memory the API has held resident so far, in MiB (Linux: VmHWM). */
  peakResidentMiB(): number;
}

/** `vcc serve` in production mode, with rate limits out of the way of the load. */
export async function startApiProcess(database: DatabaseLocation, port: number): Promise<ApiProcess> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_API_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      MAIN,
      'serve',
      '--port',
      `${port}`,
    ],
    {
      env: childEnv(database, {
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        VCC_API_SECRET: 'x'.repeat(40),
        RATE_LIMIT_PER_KEY: '10000000',
        RATE_LIMIT_PER_IP: '10000000',
      }),
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill();
    await exited;
  };
  try {
    await waitFor(`${url}/healthz`, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, child, stop, peakResidentMiB: () => peakResidentMiB(child.pid!) };
}

function peakResidentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN);
  return kib / 1024;
}
