// A worker thread's entry: the API runs its TypeScript through tsx, which a worker does not inherit,
// so the worker registers it before loading the module it was started for (workerData.entry).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
