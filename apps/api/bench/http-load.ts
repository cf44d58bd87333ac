/**
 * A load generator for the API benchmarks: `clients` callers, each sending the same request again as
 * soon as the last answer arrived, for `seconds`. One client measures sequential latency; many, the
 * server under concurrency.
 */
import { percentile } from './timing.js';

export interface LoadResult {
  p50: number;
  p99: number;
  /** Requests answered per second. */
  rps: number;
}

/** `init`: the request, the same each time, or the n-th request (from 0) for requests that differ. */
export async function load(
  target: string,
  init: RequestInit | ((n: number) => RequestInit),
  { clients, seconds }: { clients: number; seconds: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  let sent = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const request = typeof init === 'function' ? init(sent++) : init;
        const started = performance.now();
        const res = await fetch(target, request);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return {
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    rps: latencies.length / seconds,
  };
}
