import 'server-only';
import { gql } from '../client';
import type { ViolationSummaryQuery, ViolationSummaryQueryVariables } from '../generated';

/** A severity's count, and the first few of its violations only: `count` says how many there are. */
export type ViolationGroup = ViolationSummaryQuery['violationSummary'][number];

const VIOLATION_SUMMARY = /* GraphQL */ `
  query ViolationSummary($month: String!, $first: Int!) {
    violationSummary(month: $month, first: $first) {
      severity
      count
      violations { code severity message tenant { externalId } license server machine }
    }
  }
`;

/** A month's violations per severity, worst first: counts, and the first `first` of each. */
export async function fetchViolationSummary(
  token: string,
  month: string,
  first: number,
): Promise<ViolationGroup[]> {
  const data = await gql<ViolationSummaryQuery, ViolationSummaryQueryVariables>(
    VIOLATION_SUMMARY,
    { month, first },
    token,
  );
  return data.violationSummary;
}
