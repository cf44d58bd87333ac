import 'server-only';
import { gql } from '../client';
import type { SpCounter } from './license-report';

export interface SpTrendPoint {
  month: string;
  counters: Pick<SpCounter, 'counter' | 'used' | 'capacity'>[];
}

// Only the SP counters: the trend needs 12 months, so each call asks for as little as possible.
const SP_TREND_MONTH = /* GraphQL */ `
  query SpTrendMonth($month: String!) {
    licenseReport(month: $month) {
      month
      serviceProvider { counters { counter used capacity } }
    }
  }
`;

interface Data {
  licenseReport: { month: string; serviceProvider: { counters: SpTrendPoint['counters'] } | null };
}

/**
 * One licenseReport per month, in parallel. Acceptable for 12 months today; a dedicated
 * `licenseTrend(from, to)` query in the API would make this a single call.
 */
export async function fetchSpTrend(token: string, months: readonly string[]): Promise<SpTrendPoint[]> {
  const reports = await Promise.all(
    months.map((month) => gql<Data, { month: string }>(SP_TREND_MONTH, { month }, token)),
  );
  return reports.map(({ licenseReport }) => ({
    month: licenseReport.month,
    counters: licenseReport.serviceProvider?.counters ?? [],
  }));
}
