import 'server-only';
import { gql } from '../client';
import { API_TIMEOUT_MS } from '../config';
import type { PageInfo } from '../enums';
import type {
  AdjustMutation,
  AdjustMutationVariables,
  ApproveMutation,
  ApproveMutationVariables,
  MonthlyReportQuery,
  MonthlyReportQueryVariables,
  MonthlyReportsQuery,
  MonthlyReportsQueryVariables,
  ReportFileQuery,
  ReportFileQueryVariables,
  ReportFormat,
} from '../generated';
import { REPORT_FIELDS } from './license-report';

export type { ReportFigure, ReportFormat, ReportStatus } from '../generated';
export type MonthlyReportSummary = MonthlyReportsQuery['monthlyReports']['edges'][number]['node'];
/**
 * `engine`: the engine's figures (licenseReport), frozen at approval. `adjusted`: the figures that
 * count, the engine's with the adjustments applied, or the approved snapshot.
 */
export type MonthlyReport = MonthlyReportQuery['monthlyReport'];
export type ReportAdjustment = MonthlyReport['adjustments'][number];

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
      engine { ...ReportFields }
      adjusted { ...ReportFields }
      adjustments { id tenant { id externalId name } counter field value reason actorLabel createdAt }
    }
  }
  ${REPORT_FIELDS}
`;

export async function fetchMonthlyReports(
  token: string,
  vars: { first: number; after: string | null },
): Promise<{ months: MonthlyReportSummary[]; pageInfo: PageInfo }> {
  const data = await gql<MonthlyReportsQuery, MonthlyReportsQueryVariables>(MONTHLY_REPORTS, vars, token);
  return { months: data.monthlyReports.edges.map((e) => e.node), pageInfo: data.monthlyReports.pageInfo };
}

export async function fetchMonthlyReport(token: string, month: string): Promise<MonthlyReport> {
  const data = await gql<MonthlyReportQuery, MonthlyReportQueryVariables>(MONTHLY_REPORT, { month }, token);
  return data.monthlyReport;
}

const ADJUST = /* GraphQL */ `
  mutation Adjust($input: AdjustTenantFigureInput!) { adjustTenantFigure(input: $input) { id } }
`;

export async function adjustTenantFigure(
  token: string,
  input: AdjustMutationVariables['input'],
): Promise<void> {
  await gql<AdjustMutation, AdjustMutationVariables>(ADJUST, { input }, token);
}

const APPROVE = /* GraphQL */ `
  mutation Approve($month: String!) { approveMonth(month: $month) { month status } }
`;

export async function approveMonth(token: string, month: string): Promise<void> {
  await gql<ApproveMutation, ApproveMutationVariables>(APPROVE, { month }, token);
}

const REPORT_FILE = /* GraphQL */ `
  query ReportFile($month: String!, $format: ReportFormat!) {
    reportFile(month: $month, format: $format) { filename contentType contentBase64 }
  }
`;

export type ReportFile = ReportFileQuery['reportFile'];

/** The month's report as a CSV or PDF file, scoped by the API to the caller. */
export async function fetchReportFile(
  token: string,
  month: string,
  format: ReportFormat,
): Promise<ReportFile> {
  // A large estate's PDF takes a while to lay out: more time than a page's queries.
  const data = await gql<ReportFileQuery, ReportFileQueryVariables>(
    REPORT_FILE,
    { month, format },
    token,
    undefined,
    {
      timeoutMs: API_TIMEOUT_MS * 6,
    },
  );
  return data.reportFile;
}
