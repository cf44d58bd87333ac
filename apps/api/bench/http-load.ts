/**
 * The load generator of the API benchmarks: autocannon with `clients` connections, each sending the
 * next request as soon as the last answer arrived, for `seconds`. It costs far less CPU per request
 * than a fetch loop would, which matters when client and servers share two cores. One client
 * measures sequential latency; many, the server under concurrency.
 */
import autocannon from 'autocannon';

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
  const nth = typeof init === 'function' ? init : () => init;
  const first = nth(0);
  let n = 1;
  const result = await autocannon({
    url: target,
    connections: clients,
    duration: seconds,
    // A large answer under load can take seconds: counted as slow, not as failed.
    timeout: 60,
    method: (first.method ?? 'GET') as 'GET' | 'POST',
    headers: first.headers as Record<string, string>,
    body: first.body as string | undefined,
    ...(typeof init === 'function'
      ? { requests: [{ setupRequest: (req) => ({ ...req, body: nth(n++).body as string }) }] }
      : {}),
  });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0)
    throw new Error(
      `${target}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average };
}

/**
 * One request at a time for `seconds`, each timed with the microsecond clock: for sequential latency
 * below a millisecond, which autocannon rounds to whole milliseconds.
 */
export async function loadOneByOne(
  target: string,
  init: RequestInit | ((n: number) => RequestInit),
  seconds: number,
): Promise<LoadResult> {
  const nth = typeof init === 'function' ? init : () => init;
  const latencies: number[] = [];
  const started = performance.now();
  const end = started + seconds * 1000;
  for (let n = 0; performance.now() < end; n++) {
    const sent = performance.now();
    const res = await fetch(target, nth(n));
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${target}: HTTP ${res.status}`);
    latencies.push(performance.now() - sent);
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { p50: at(0.5), p99: at(0.99), rps: latencies.length / ((performance.now() - started) / 1000) };
}
