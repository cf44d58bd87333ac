/**
 * Computed reports, kept per process and keyed by everything they depend on: the SP, the caller's
 * tenant scope, the month, the detail asked for and the versions it read (the estate's, or for a
 * tenant scope the config version and the tenant's usage version). Every change to the estate bumps
 * what it affects in its own transaction (bump-estate-version.ts), so an entry is never stale:
 * it is simply no longer asked for, and falls out of the LRU. A report read inside a transaction that
 * has written is not kept: that transaction may still roll back, and its version with it.
 */
import type { MonthReport } from '@vcc/rules';
import { LRUCache } from 'lru-cache';

export interface CachedReport {
  ruleset: string;
  report: MonthReport;
}

const cache = new LRUCache<string, CachedReport>({ max: 256 });

export function reportCacheKey(parts: {
  spId: string;
  tenantId: string | null;
  month: string;
  detail: string;
  version: number | string;
}): string {
  return `${parts.spId}|${parts.tenantId ?? '*'}|${parts.month}|${parts.detail}|${parts.version}`;
}

/** Computations under way, by key: a request asking for a report being computed waits for it. */
const running = new Map<string, Promise<CachedReport>>();

/**
 * The reports for `keys`: cached ones as they are, those being computed by another request awaited,
 * the rest computed together by `compute` (given their positions in `keys`). `uncommitted`: computed
 * inside a writing transaction, neither kept nor shared.
 */
export async function cachedReports(
  keys: readonly string[],
  uncommitted: boolean,
  compute: (missing: number[]) => Promise<CachedReport[]>,
): Promise<CachedReport[]> {
  if (uncommitted) return compute(keys.map((_, i) => i));
  const found: (CachedReport | Promise<CachedReport> | undefined)[] = keys.map(
    (key) => cache.get(key) ?? running.get(key),
  );
  const missing = keys.flatMap((_, i) => (found[i] === undefined ? [i] : []));
  if (missing.length > 0) {
    const computing = compute(missing);
    missing.forEach((i, n) => {
      const key = keys[i]!;
      const one = computing.then((reports) => reports[n]!);
      // Shared with concurrent requests until it settles; kept once computed.
      running.set(key, one);
      one
        .then((report) => cache.set(key, report))
        .catch(() => {})
        .finally(() => running.delete(key));
      found[i] = one;
    });
  }
  return Promise.all(
    found.map(async (entry, i) => {
      try {
        return await entry!;
      } catch (error) {
        // Another request's computation failed (its transaction, not necessarily this one): compute anew.
        if (missing.includes(i)) throw error;
        const [own] = await compute([i]);
        return own!;
      }
    }),
  );
}
