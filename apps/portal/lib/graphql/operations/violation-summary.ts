import 'server-only';
import { gql } from '../client';
import type { Severity } from '../enums';
import type { Violation } from './license-report';

export interface ViolationGroup {
  severity: Severity;
  count: number;
  /** The first few of the group only; `count` says how many there are. */
  violations: Violation[];
}

const VIOLATION_SUMMARY = /* GraphQL */ `
  query ViolationSummary($month: String!, $first: Int!) {
    violationSummary(month: $month, first: $first) {
      severity
      count
      violations { code severity message tenant { externalId } license server machine }
    }
  }
`;

interface Vars extends Record<string, unknown> {
  month: string;
  first: number;
}

/** A month's violations per severity, worst first: counts, and the first `first` of each. */
export async function fetchViolationSummary(
  token: string,
  month: string,
  first: number,
): Promise<ViolationGroup[]> {
  const data = await gql<{ violationSummary: ViolationGroup[] }, Vars>(
    VIOLATION_SUMMARY,
    { month, first },
    token,
  );
  return data.violationSummary;
}
