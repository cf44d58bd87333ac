import type { LicenseReport, TenantMonth } from './graphql/operations/license-report';

/** Total SP units a tenant used in the month (the sum over its counters). */
export function tenantUnits(tenant: TenantMonth): number {
  return tenant.counters.reduce((sum, c) => sum + c.units, 0);
}

/** The `limit` tenants with the most units, ties by name; tenants with none are left out. */
export function topTenants(report: LicenseReport, limit: number): { tenant: TenantMonth; units: number }[] {
  return report.tenants
    .map((tenant) => ({ tenant, units: tenantUnits(tenant) }))
    .filter((t) => t.units > 0)
    .sort((a, b) => b.units - a.units || a.tenant.tenant.name.localeCompare(b.tenant.tenant.name))
    .slice(0, limit);
}

/** Open violations per tenant external id. */
export function violationsByTenant(report: LicenseReport): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of report.violations) {
    if (v.tenant) counts.set(v.tenant.externalId, (counts.get(v.tenant.externalId) ?? 0) + 1);
  }
  return counts;
}
