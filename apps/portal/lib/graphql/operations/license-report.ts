import 'server-only';
import { gql } from '../client';
import type { LicenseReportQuery, LicenseReportQueryVariables, ReportFieldsFragment } from '../generated';

/**
 * A month's figures as the portal shows them (licenseReport, and a monthly report's engine and
 * adjusted figures). `serviceProvider` is null for tenant callers: they never see the SP's capacity.
 */
export type LicenseReport = ReportFieldsFragment;
export type SpCounter = NonNullable<LicenseReport['serviceProvider']>['counters'][number];
export type TenantMonth = LicenseReport['tenants'][number];
export type TenantCounter = TenantMonth['counters'][number];
export type TenantLicenseUsage = TenantMonth['licenses'][number];
export type Hosting = NonNullable<TenantMonth['hosting']>;
export type Violation = LicenseReport['violations'][number];

/** The fields of a LicenseReport the portal reads, shared with the monthly report's two copies. */
export const REPORT_FIELDS = /* GraphQL */ `
  fragment ReportFields on LicenseReport {
    month
    ruleset
    serviceProvider {
      counters { counter used new rental units capacity peak state }
      units { used capacity state }
    }
    tenants {
      tenant { id externalId name }
      counters { counter used new rental units }
      licenses { license { id externalId type } used new capacity peak state }
      hosting { planned used capacity obligation shortfall }
    }
    violations { code severity message tenant { externalId } license server machine }
  }
`;

const LICENSE_REPORT = /* GraphQL */ `
  query LicenseReport($month: String!, $tenant: String) {
    licenseReport(month: $month, tenant: $tenant) { ...ReportFields }
  }
  ${REPORT_FIELDS}
`;

/** The whole month report within the caller's reach (all tenants for SP roles, one for tenants). */
/** The month's report; with `tenant` (an external id), that tenant's part only (SP callers). */
export async function fetchLicenseReport(
  token: string,
  month: string,
  tenant?: string,
): Promise<LicenseReport> {
  const data = await gql<LicenseReportQuery, LicenseReportQueryVariables>(
    LICENSE_REPORT,
    { month, tenant: tenant ?? null },
    token,
  );
  return data.licenseReport;
}
