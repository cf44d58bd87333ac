/**
 * The engine's month report (report-service.ts) in the GraphQL shape, with the tenants' and
 * licenses' names read within the caller's reach: what `licenseReport` answers, and the starting
 * point of the monthly review.
 */
import { queryRows, schema, type Transaction } from '@vcc/db';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Principal } from '../auth/principal.js';
import { withinReach } from '../auth/scope-conditions.js';
import type { LicenseTypeEnum } from '../schema/common/enums.js';
import { toLicenseReport } from '../schema/reports/report.mapping.js';
import type { LicenseReport } from '../schema/reports/report.types.js';
import { monthReport } from './report-service.js';

export async function namedLicenseReport(
  tx: Transaction,
  principal: Principal,
  month: string,
  /** One tenant's part only (an external id): a tenant page needs no other tenant's figures. */
  tenant?: string,
): Promise<LicenseReport> {
  const whole = await monthReport(tx, principal, month);
  const report =
    tenant === undefined
      ? whole
      : {
          ...whole,
          tenants: whole.tenants.filter((t) => t.id === tenant),
          violations: whole.violations.filter((v) => v.tenant === tenant),
        };
  const tenantsInReach = withinReach(principal, { spId: schema.tenants.spId, tenantId: schema.tenants.id });
  const named = tenant === undefined ? [] : [eq(schema.tenants.externalId, tenant)];
  const tenantNames = tx
    .select({
      isTenant: sql<boolean>`true`.as('is_tenant'),
      id: schema.tenants.id,
      externalId: schema.tenants.externalId,
      label: sql<string>`${schema.tenants.name}`.as('label'),
    })
    .from(schema.tenants)
    .where(and(...tenantsInReach, ...named));
  const licenseNames = tx
    .select({
      isTenant: sql<boolean>`false`.as('is_tenant'),
      id: schema.licenses.id,
      externalId: schema.licenses.externalId,
      label: sql<string>`${schema.licenses.type}::text`.as('label'),
    })
    .from(schema.licenses)
    .where(
      and(
        ...withinReach(principal, { spId: schema.licenses.spId, tenantId: schema.licenses.tenantId }),
        // One tenant's part: its licenses and the SP's, not every tenant's.
        ...(named.length === 0
          ? []
          : [
              or(
                isNull(schema.licenses.tenantId),
                inArray(
                  schema.licenses.tenantId,
                  tx
                    .select({ id: schema.tenants.id })
                    .from(schema.tenants)
                    .where(and(...tenantsInReach, ...named)),
                ),
              ),
            ]),
      ),
    );
  // Both in one prepared statement, one round trip: this runs on every request. (Not two statements
  // in flight at once: should the connection be lost between them, the driver would never settle
  // the second.)
  const rows = await queryRows<{ is_tenant: boolean; id: string; external_id: string; label: string }>(
    tx,
    tenantNames.unionAll(licenseNames),
  );
  const tenants = new Map<string, { id: string; externalId: string; name: string }>();
  const licenses = new Map<string, { id: string; externalId: string; type: LicenseTypeEnum }>();
  for (const r of rows) {
    if (r.is_tenant) tenants.set(r.external_id, { id: r.id, externalId: r.external_id, name: r.label });
    else
      licenses.set(r.external_id, { id: r.id, externalId: r.external_id, type: r.label as LicenseTypeEnum });
  }
  return toLicenseReport(report, { tenants, licenses });
}
