/**
 * The SP report's whole read split across two threads: while the request's transaction reads and
 * evaluates the lower half of the tenants (by id), a worker thread (tenant-half-worker.ts) reads the
 * upper half on a connection of its own under the same scope and evaluates it with its own
 * preparation of the same configuration, sending back each tenant's parts. PostgreSQL produces the
 * two halves on two cores, and Node parses and evaluates them on two threads.
 *
 * One worker per process, one job at a time: a request that finds it busy (or a database it cannot
 * reach, such as PGlite, or a worker still loading) reads every tenant itself. A worker whose heap a
 * large report left large is replaced, and one that fails, at once.
 */
import { Worker } from 'node:worker_threads';
import { connectionUrlOf, type EstateConfig, type Executor, middleTenant, openedScope } from '@vcc/db';
import { fromPortablePart, type TenantPart } from '@vcc/rules';
import type { TenantHalfAnswer, TenantHalfJob } from './tenant-half-worker.js';

interface Running {
  worker: Worker;
  /** Settled once the worker has loaded its modules (~0.5 s); a report never waits for that. */
  ready: Promise<void>;
  isReady: boolean;
  /** The configuration the worker holds (sent with an earlier job). */
  config: EstateConfig | undefined;
  job?: { number: number; settle: (answer: TenantHalfAnswer | Error) => void };
}

let running: Running | undefined;
let jobs = 0;

/**
 * A worker whose heap has grown past this after a job (half of a large estate's facts: some
 * 300 MB at 1,000,000 machines, which V8 would keep long after) is replaced by a fresh one.
 */
const RECYCLE_HEAP_BYTES = 96 * 2 ** 20;

/**
 * Starts the worker ahead of the first report that needs it (until it has loaded, reports read every
 * tenant themselves); settles once it is ready.
 */
export function startTenantHalfWorker(): Promise<void> {
  running ??= start();
  return running.ready;
}

/** Ends the worker; a job it was running fails, and the next report that needs one starts another. */
export async function stopTenantHalfWorker(): Promise<void> {
  const stopping = running;
  running = undefined;
  await stopping?.worker.terminate();
}

function start(): Running {
  const worker = new Worker(new URL('../workers/boot.mjs', import.meta.url), {
    workerData: { entry: new URL('./tenant-half-worker.ts', import.meta.url).href },
  });
  let becomeReady = () => {};
  const self: Running = {
    worker,
    ready: new Promise((resolve) => (becomeReady = resolve)),
    isReady: false,
    config: undefined,
  };
  const fail = (error: Error) => {
    if (running === self) running = undefined;
    becomeReady();
    self.job?.settle(error);
  };
  worker.on('message', (message: TenantHalfAnswer | 'ready') => {
    if (message === 'ready') {
      self.isReady = true;
      becomeReady();
    } else if (self.job?.number === message.job) self.job.settle(message);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`report worker exited with code ${code}`)));
  // The worker never keeps the process alive by itself; a job's own connection does meanwhile.
  // (After the listeners: adding a message listener refs the worker's port again.)
  worker.unref();
  return self;
}

/** Replaces a worker with a fresh one. */
function recycle(done: Running): void {
  if (running === done) running = start();
  done.worker.terminate().catch(() => {});
}

export interface UpperHalf {
  /** The first tenant id of the upper half: the caller reads the tenants below it. */
  middle: string;
  /** Each tenant of the upper half that has machines, by index, with its part for each month. */
  parts: Promise<[index: number, parts: TenantPart[]][]>;
}

/**
 * Starts reading and evaluating the upper half of the configuration's tenants for these months;
 * undefined when it cannot (the worker busy or still loading, `tx` not opened by withScope or not
 * on PostgreSQL, no tenants), and the caller reads every tenant itself.
 */
export function evaluateUpperHalf(
  tx: Executor,
  config: EstateConfig,
  months: readonly string[],
  detail: boolean,
): UpperHalf | undefined {
  const opened = openedScope(tx);
  const url = opened && connectionUrlOf(opened.db);
  const middle = middleTenant(config.tenantIndex.keys());
  if (!url || middle === undefined) return undefined;
  running ??= start();
  const self = running;
  if (!self.isReady || self.job) return undefined;
  const job: TenantHalfJob = {
    job: ++jobs,
    url,
    scope: opened.scope,
    months,
    detail,
    range: { from: middle },
    ...(self.config !== config && { config }),
  };
  const parts = new Promise<[number, TenantPart[]][]>((resolve, reject) => {
    self.job = {
      number: job.job,
      settle: (answer) => {
        self.job = undefined;
        if (answer instanceof Error || answer.heapBytes > RECYCLE_HEAP_BYTES) recycle(self);
        if (answer instanceof Error) reject(answer);
        else if ('error' in answer) reject(Object.assign(new Error(answer.error.message), answer.error));
        else resolve(answer.parts.map(([index, parts]) => [index, parts.map(fromPortablePart)]));
      },
    };
  });
  try {
    self.worker.postMessage(job);
  } catch {
    // Nothing was sent: the caller reads every tenant itself.
    self.job = undefined;
    return undefined;
  }
  self.config = config;
  return { middle, parts };
}
