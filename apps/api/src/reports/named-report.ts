/**
 * The engine's month report (report-service.ts) in the GraphQL shape, with the tenants' and
 * licenses' names read within the caller's reach: what `licenseReport` answers, and the starting
 * point of the monthly review.
 */
import { queryRows, schema, type Transaction } from '@vcc/db';
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
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
  // Both reads go out together (one round trip) as prepared statements: this runs on every request.
  const [tenantRows, licenseRows] = await Promise.all([
    queryRows<{ id: string; external_id: string; name: string }>(
      tx,
      tx
        .select({ id: schema.tenants.id, externalId: schema.tenants.externalId, name: schema.tenants.name })
        .from(schema.tenants)
        .where(and(...tenantsInReach, ...named)),
    ),
    queryRows<{ id: string; external_id: string; type: LicenseTypeEnum }>(
      tx,
      tx
        .select({
          id: schema.licenses.id,
          externalId: schema.licenses.externalId,
          type: schema.licenses.type,
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
        ),
    ),
  ]);
  return toLicenseReport(report, {
    tenants: new Map(
      tenantRows.map((t) => [t.external_id, { id: t.id, externalId: t.external_id, name: t.name }]),
    ),
    licenses: new Map(
      licenseRows.map((l) => [l.external_id, { id: l.id, externalId: l.external_id, type: l.type }]),
    ),
  });
}
