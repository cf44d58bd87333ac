/**
 * `licenses`: every license within the caller's reach (SP roles: the SP's own and every tenant's;
 * tenant roles: their own), by external id, a page at a time.
 */
import { schema, type Transaction } from '@vcc/db';
import { and, asc, gt } from 'drizzle-orm';
import type { Principal } from '../auth/principal.js';
import { withinReach } from '../auth/scope-conditions.js';
import { decodeCursor, pageSize, toConnection } from '../schema/common/connection.js';
import type { LicenseConnection } from '../schema/licenses/license.types.js';
import { toLicense } from '../schema/tenants/tenant.mapping.js';

export async function listLicenses(
  tx: Transaction,
  principal: Principal,
  first: number | null,
  after: string | null,
): Promise<LicenseConnection> {
  const { licenses } = schema;
  const limit = pageSize(first);
  const conditions = withinReach(principal, { spId: licenses.spId, tenantId: licenses.tenantId });
  if (after) conditions.push(gt(licenses.externalId, String(decodeCursor(after)[0])));
  const rows = await tx
    .select()
    .from(licenses)
    .where(and(...conditions))
    .orderBy(asc(licenses.externalId))
    .limit(limit + 1);
  return toConnection(rows.map(toLicense), limit, (l) => [l.externalId]);
}
