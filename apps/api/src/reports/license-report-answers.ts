/**
 * `licenseReport` answers kept by the versions they were computed at (the caller's, as the change
 * feed knows them): a request whose versions are known finds its answer here without opening a
 * transaction; its credential comes from the principal cache, so such a read touches no database.
 * Kept for any credential of the same reach (SP or tenant scope, SP role or not): unlike a replayed
 * answer (answer-cache.ts), which needs the very same request bytes, this serves every variation of
 * the query (other variables, other fields, another key). The data of an answer is never older than
 * its version: the version was known before the report was read.
 */
import { LRUCache } from 'lru-cache';
import { isSpRole, type Principal, scopeOf } from '../auth/principal.js';
import type { LicenseReport } from '../schema/reports/report.types.js';

const answers = new LRUCache<string, LicenseReport>({
  // One unit per tenant and violation: an SP's answer at 10,000 tenants is about 10,000 units.
  maxSize: 400_000,
  sizeCalculation: (r) => 1 + r.tenants.length + r.violations.length,
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
  const key = [scope.spId, scope.tenantId ?? '', isSpRole(principal.role), month, tenant ?? '', version].join(
    '|',
  );
  const known = answers.get(key);
  if (known) return known;
  const computed = await compute();
  answers.set(key, computed);
  return computed;
}
