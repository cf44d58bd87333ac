/** Timing helpers shared by the benchmarks: repeated runs, medians and percentiles in milliseconds. */

/** Runs `work` `runs` times one after the other; the duration of each run, in ms. */
export async function time(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    out.push(performance.now() - started);
  }
  return out;
}

/** The value below which a fraction `q` of the samples fall (nearest rank). */
export function percentile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 0.5);

export const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
