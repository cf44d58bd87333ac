import 'server-only';
import { gql } from '../client';
import type { LicenseTrendQuery, LicenseTrendQueryVariables } from '../generated';

export type SpTrendPoint = LicenseTrendQuery['licenseTrend'][number];

const LICENSE_TREND = /* GraphQL */ `
  query LicenseTrend($to: String!, $months: Int!) {
    licenseTrend(to: $to, months: $months) {
      month
      counters { counter used new rental units capacity peak state }
      units { used capacity state }
    }
  }
`;

/**
 * The SP's counters for `months` months ending with `to`, oldest first, in one call (SP roles).
 * Its last month carries the full figures of `to`, so the overview needs no licenseReport, which
 * would bring every tenant's figures along.
 */
export async function fetchSpTrend(
  token: string,
  to: string,
  months: number,
  options: { timeoutMs?: number } = {},
): Promise<SpTrendPoint[]> {
  const data = await gql<LicenseTrendQuery, LicenseTrendQueryVariables>(
    LICENSE_TREND,
    { to, months },
    token,
    undefined,
    options,
  );
  return data.licenseTrend;
}
