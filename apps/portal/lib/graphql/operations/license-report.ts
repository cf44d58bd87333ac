import 'server-only';
import { gql } from '../client';
import type { Counter, LicenseState, LicenseType, Severity } from '../enums';

export interface SpCounter {
  counter: Counter;
  used: number;
  new: number;
  rental: number;
  units: number;
  capacity: number | null;
  peak: number;
  state: LicenseState;
}

export interface TenantCounter {
  counter: Counter;
  used: number;
  new: number;
  rental: number;
  units: number;
}

export interface TenantLicenseUsage {
  license: { id: string; externalId: string; type: LicenseType };
  used: number;
  new: number;
  capacity: number | null;
  peak: number;
  state: LicenseState;
}

export interface Hosting {
  planned: number;
  used: number;
  capacity: number;
  obligation: number;
  shortfall: number;
}

export interface TenantMonth {
  tenant: { id: string; externalId: string; name: string };
  counters: TenantCounter[];
  licenses: TenantLicenseUsage[];
  hosting: Hosting | null;
}

export interface Violation {
  code: string;
  severity: Severity;
  message: string;
  tenant: { externalId: string } | null;
  license: string | null;
  server: string | null;
  machine: string | null;
}

export interface LicenseReport {
  month: string;
  ruleset: 'VBR_9_5' | 'VCSP_POINTS';
  /** Null for tenant callers: they never see the SP's capacity. */
  serviceProvider: {
    counters: SpCounter[];
    units: { used: number; capacity: number | null; state: LicenseState };
  } | null;
  tenants: TenantMonth[];
  violations: Violation[];
}

const LICENSE_REPORT = /* GraphQL */ `
  query LicenseReport($month: String!) {
    licenseReport(month: $month) {
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
  }
`;

/** The whole month report within the caller's reach (all tenants for SP roles, one for tenants). */
export async function fetchLicenseReport(token: string, month: string): Promise<LicenseReport> {
  const data = await gql<{ licenseReport: LicenseReport }, { month: string }>(
    LICENSE_REPORT,
    { month },
    token,
  );
  return data.licenseReport;
}
