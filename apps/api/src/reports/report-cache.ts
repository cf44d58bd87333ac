/**
 * Computed reports, kept per process and keyed by everything they depend on: the SP, the caller's
 * tenant scope, the month, the detail asked for and the estate's version. Every change to the estate
 * (configuration or ingestion) bumps the version in its own transaction, so an entry is never stale:
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
  version: number;
}): string {
  return `${parts.spId}|${parts.tenantId ?? '*'}|${parts.month}|${parts.detail}|${parts.version}`;
}

/** The cached report, or a fresh one; `uncommitted`: computed inside a writing transaction, not kept. */
export async function cachedReport(
  key: string,
  uncommitted: boolean,
  compute: () => Promise<CachedReport>,
): Promise<CachedReport> {
  const hit = uncommitted ? undefined : cache.get(key);
  if (hit) return hit;
  const fresh = await compute();
  if (!uncommitted) cache.set(key, fresh);
  return fresh;
}
