import 'server-only';
import { gql } from '../client';
import type { Counter, PageInfo } from '../enums';
import type { LicenseReport } from './license-report';

export type ReportStatus = 'OPEN' | 'APPROVED';
export type ReportFigure = 'USED' | 'NEW' | 'RENTAL';

export interface MonthlyReportSummary {
  month: string;
  status: ReportStatus;
  closed: boolean;
  approvedAt: string | null;
  approvedBy: string | null;
  adjustmentCount: number;
}

export interface ReportAdjustment {
  id: string;
  tenant: { id: string; externalId: string; name: string };
  counter: Counter;
  field: ReportFigure;
  value: number;
  reason: string;
  actorLabel: string;
  createdAt: string;
}

export interface MonthlyReport {
  month: string;
  status: ReportStatus;
  closed: boolean;
  approvedAt: string | null;
  approvedByLabel: string | null;
  /** The engine's figures (licenseReport), frozen at approval. */
  engine: LicenseReport;
  /** The figures that count: the engine's with the adjustments applied, or the approved snapshot. */
  adjusted: LicenseReport;
  adjustments: ReportAdjustment[];
}

const REPORT_FIELDS = /* GraphQL */ `
  month ruleset
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
`;

const MONTHLY_REPORTS = /* GraphQL */ `
  query MonthlyReports($first: Int, $after: String) {
    monthlyReports(first: $first, after: $after) {
      edges { node { month status closed approvedAt approvedBy adjustmentCount } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const MONTHLY_REPORT = /* GraphQL */ `
  query MonthlyReport($month: String!) {
    monthlyReport(month: $month) {
      month status closed approvedAt approvedByLabel
      engine { ${REPORT_FIELDS} }
      adjusted { ${REPORT_FIELDS} }
      adjustments { id tenant { id externalId name } counter field value reason actorLabel createdAt }
    }
  }
`;

export async function fetchMonthlyReports(
  token: string,
  vars: { first: number; after: string | null },
): Promise<{ months: MonthlyReportSummary[]; pageInfo: PageInfo }> {
  const data = await gql<
    { monthlyReports: { edges: { node: MonthlyReportSummary }[]; pageInfo: PageInfo } },
    typeof vars
  >(MONTHLY_REPORTS, vars, token);
  return { months: data.monthlyReports.edges.map((e) => e.node), pageInfo: data.monthlyReports.pageInfo };
}

export async function fetchMonthlyReport(token: string, month: string): Promise<MonthlyReport> {
  const data = await gql<{ monthlyReport: MonthlyReport }, { month: string }>(
    MONTHLY_REPORT,
    { month },
    token,
  );
  return data.monthlyReport;
}

const ADJUST = /* GraphQL */ `
  mutation Adjust($input: AdjustTenantFigureInput!) { adjustTenantFigure(input: $input) { id } }
`;

export async function adjustTenantFigure(
  token: string,
  input: {
    month: string;
    tenantExternalId: string;
    counter: Counter;
    field: ReportFigure;
    value: number;
    reason: string;
  },
): Promise<void> {
  await gql<unknown, { input: typeof input }>(ADJUST, { input }, token);
}

const APPROVE = /* GraphQL */ `
  mutation Approve($month: String!) { approveMonth(month: $month) { month status } }
`;

export async function approveMonth(token: string, month: string): Promise<void> {
  await gql<unknown, { month: string }>(APPROVE, { month }, token);
}
