/**
 * A worker thread that reads and evaluates a range of the SP's tenants for the report service
 * (tenant-half.ts), on a connection of its own under the same scope: the cold SP report's Node work
 * (parsing a million COPY lines, building facts, evaluating) no longer runs on one thread.
 * One job at a time; each answer carries the job's number.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import {
  type EstateConfig,
  openDatabase,
  type Scope,
  streamTenantMachines,
  type TenantRange,
  withScope,
} from '@vcc/db';
import {
  activityMonthsFor,
  evaluateMonthIncrementally,
  type PortableTenantPart,
  PreparedEstate,
  toPortablePart,
} from '@vcc/rules';

export interface TenantHalfJob {
  job: number;
  url: string;
  scope: Scope;
  months: readonly string[];
  /** Per-machine charges in the parts. */
  detail: boolean;
  range: TenantRange;
  /** The configuration, when it is not the one the previous job sent. */
  config?: EstateConfig;
}

/** A job's answer, with the size of the worker's heap after it (a large one has the worker replaced). */
export type TenantHalfAnswer = { job: number; heapBytes: number } & (
  | { parts: [index: number, parts: PortableTenantPart[]][] }
  | { error: { message: string; code?: string } }
);

const port = parentPort;
if (!port) throw new Error('tenant-half-worker runs in a worker thread');

let kept: { config: EstateConfig; estate: PreparedEstate } | undefined;

async function run(job: TenantHalfJob): Promise<TenantHalfAnswer> {
  if (job.config) kept = { config: job.config, estate: new PreparedEstate(job.config.facts) };
  if (!kept) throw new Error('no configuration was sent');
  const { config, estate } = kept;
  const window = activityMonthsFor(job.months);
  const parts: [number, PortableTenantPart[]][] = [];
  if (window) {
    const evaluations = job.months.map((month) =>
      evaluateMonthIncrementally(estate, month, { machines: job.detail }),
    );
    // A connection for the job only (a cold report is seconds; opening one, milliseconds): none is
    // left open to keep a database from being dropped or to count against its limit.
    const handle = await openDatabase({ url: job.url, max: 1 });
    try {
      await withScope(handle.db, job.scope, (tx) =>
        streamTenantMachines(
          tx,
          window,
          config,
          (index, machines) => {
            parts.push([index, evaluations.map((e) => toPortablePart(e.evaluateTenant(index, machines)))]);
          },
          job.range,
        ),
      );
    } finally {
      await handle.close();
    }
  }
  return { job: job.job, heapBytes: heapBytes(), parts };
}

function heapBytes(): number {
  return getHeapStatistics().total_heap_size;
}

port.on('message', (job: TenantHalfJob) => {
  run(job).then(
    (answer) => port.postMessage(answer),
    (error: unknown) => {
      const e = error as { message?: unknown; code?: unknown };
      port.postMessage({
        job: job.job,
        heapBytes: heapBytes(),
        error: {
          message: String(e?.message ?? error),
          ...(typeof e?.code === 'string' && { code: e.code }),
        },
      } satisfies TenantHalfAnswer);
    },
  );
});

port.postMessage('ready');
