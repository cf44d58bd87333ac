import { unstable_rethrow } from 'next/navigation';
import { withApi } from '@/lib/api/call';
import { STREAMED_SECTION_TIMEOUT_MS } from '@/lib/graphql/config';
import { COUNTERS } from '@/lib/graphql/enums';
import { fetchSpTrend, type SpTrendPoint } from '@/lib/graphql/operations/sp-trend';
import { COUNTER_LABEL } from '@/lib/labels';
import { monthShortLabel } from '@/lib/month';
import { TrendChart, type TrendSeries } from './trend-chart';
import { TrendTable } from './trend-table';

const TREND_MONTHS = 12;

function toSeries(trend: readonly SpTrendPoint[]): TrendSeries[] {
  return COUNTERS.map((counter) => ({
    counter,
    label: COUNTER_LABEL[counter],
    points: trend.map((p) => {
      const c = p.counters.find((x) => x.counter === counter);
      return {
        month: p.month,
        label: monthShortLabel(p.month),
        used: c?.used ?? 0,
        capacity: c?.capacity ?? null,
      };
    }),
  }));
}

/**
 * The 12-month trend, rendered on its own (the overview streams it behind a Suspense boundary):
 * twelve month reports cost the API the most when its cache is cold, so the rest of the overview
 * does not wait for them, this section may wait longer than a page would, and a failure here leaves
 * the rest of the page standing.
 */
export async function SpTrendSection({ month }: { month: string }) {
  let trend: SpTrendPoint[];
  try {
    trend = await withApi(`/sp?month=${month}`, (token) =>
      fetchSpTrend(token, month, TREND_MONTHS, { timeoutMs: STREAMED_SECTION_TIMEOUT_MS }),
    );
  } catch (error) {
    // A re-sign-in redirect must go through; anything else becomes a message in this section.
    unstable_rethrow(error);
    console.error('the 12-month trend failed', error);
    return (
      <p className="muted" role="status" data-testid="trend-unavailable">
        The 12-month trend could not be loaded just now. Reload the page to try again.
      </p>
    );
  }
  const series = toSeries(trend);
  return (
    <>
      <TrendChart series={series} />
      <TrendTable series={series} />
    </>
  );
}
