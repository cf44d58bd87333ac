/**
 * CPU time spent by processes of this machine (Linux /proc), so that a benchmark can say what a unit
 * of work cost each side. Unlike a rate, it hardly moves when the machine's other tenants do.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports process times in clock ticks of 1/100 s on every platform Node supports. */
const TICK_MS = 10;

/** User plus system CPU time of one process, in ms; 0 once it has gone. */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: the fields after it are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** Every PostgreSQL server process of the machine: backends, WAL writer, checkpointer and all. */
function postgresPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') pids.push(Number(entry));
    } catch {
      // Gone between the listing and the read.
    }
  }
  return pids;
}

export interface CpuSnapshot {
  api: number;
  postgres: Map<number, number>;
  bench: number;
}

/** The API's process (when there is one), PostgreSQL's and this one's CPU time so far. */
export function cpuSnapshot(apiPid?: number): CpuSnapshot {
  const usage = process.cpuUsage();
  return {
    api: apiPid === undefined ? 0 : processCpuMs(apiPid),
    postgres: new Map(postgresPids().map((pid) => [pid, processCpuMs(pid)])),
    bench: (usage.user + usage.system) / 1000,
  };
}

/** CPU ms each side spent between two snapshots (PostgreSQL backends that began in between count whole). */
export function cpuSpent(
  before: CpuSnapshot,
  after: CpuSnapshot,
): { api: number; postgres: number; bench: number } {
  let postgres = 0;
  for (const [pid, ms] of after.postgres) postgres += ms - (before.postgres.get(pid) ?? 0);
  return { api: after.api - before.api, postgres, bench: after.bench - before.bench };
}
