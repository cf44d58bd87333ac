/**
 * `licenseReport` answers kept by the versions they were computed at (the caller's, as the change
 * feed knows them): a request whose versions are known finds its answer here without opening a
 * transaction; its credential comes from the principal cache, so such a read touches no database.
 * Kept for any credential of the same reach (SP or tenant scope, SP role or not: the answer differs
 * by nothing else): unlike a replayed answer (answer-cache.ts), which needs the very same request
 * bytes, this serves every variation of the query (other variables, other fields, another key). The
 * data of an answer is never older than its version: the version was known before the report was
 * read. Only the latest version of each answer is kept, and concurrent requests for one not yet
 * kept share its computation.
 */
import { LRUCache } from 'lru-cache';
import { isSpRole, type Principal, scopeOf } from '../auth/principal.js';
import type { LicenseReport } from '../schema/reports/report.types.js';

interface Kept {
  version: string;
  answer: Promise<LicenseReport>;
  /** Tenants and violations in the answer, once known: what its size is reckoned by. */
  units: number;
}

const answers = new LRUCache<string, Kept>({
  // One unit per tenant and violation (about a kilobyte each): an SP's answer at 10,000 tenants is
  // about 10,000 units, a tenant's a few; 100,000 units is some 100 MB at most.
  maxSize: 100_000,
  sizeCalculation: (kept) => kept.units,
});

export async function licenseReportAt(
  version: string | undefined,
  principal: Principal,
  month: string,
  tenant: string | undefined,
  compute: () => Promise<LicenseReport>,
): Promise<LicenseReport> {
  if (version === undefined) return compute();
  const scope = scopeOf(principal);
  const key = [scope.spId, scope.tenantId ?? '', isSpRole(principal.role), month, tenant ?? ''].join('|');
  const kept = answers.get(key);
  if (kept?.version === version) return kept.answer;
  // A request that learnt its versions before a newer answer was kept is served, but keeps nothing.
  if (kept && isOlder(version, kept.version)) return compute();
  const answer = compute();
  const entry: Kept = { version, answer, units: 1 };
  answers.set(key, entry);
  try {
    const report = await answer;
    // Re-set with its size, unless a newer version has replaced it meanwhile.
    if (answers.peek(key) === entry)
      answers.set(key, { ...entry, units: 1 + report.tenants.length + report.violations.length });
    return report;
  } catch (error) {
    if (answers.peek(key) === entry) answers.delete(key);
    throw error;
  }
}

/** Whether `a` comes before `b`: labels are dot-separated versions that only ever grow. */
function isOlder(a: string, b: string): boolean {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  return x.length === y.length && x.every((v, i) => v <= y[i]!) && a !== b;
}
