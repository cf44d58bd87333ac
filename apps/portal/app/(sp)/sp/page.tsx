import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { LoadingPanel } from '@/components/loading-panel';
import { MonthPicker } from '@/components/month-picker';
import { PageHeader } from '@/components/page-header';
import { Section } from '@/components/section';
import { SpCounterCards } from '@/components/sp-counter-cards';
import { SpTrendSection } from '@/components/sp-trend-section';
import { StateBadge } from '@/components/state-badge';
import { TopTenantsTable } from '@/components/top-tenants-table';
import { ViolationSummary } from '@/components/violation-summary';
import { withApi } from '@/lib/api/call';
import { formatCount } from '@/lib/format';
import { fetchSpTrend } from '@/lib/graphql/operations/sp-trend';
import { fetchTenantUsage } from '@/lib/graphql/operations/tenant-usage';
import { fetchViolationSummary } from '@/lib/graphql/operations/violation-summary';
import { monthLabel, monthParam } from '@/lib/month';

export const metadata: Metadata = { title: 'Overview' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const TOP_TENANTS = 10;
/** Violations listed per severity; the rest are counted (there may be thousands). */
const VIOLATIONS_PER_SEVERITY = 5;

export default async function SpOverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const month = monthParam((await searchParams).month);
  // Three bounded answers, whatever the number of tenants: the SP's counters this month, the ten
  // largest tenants, and the violations counted per severity. The 12-month trend streams in after
  // them (SpTrendSection).
  const [[sp], top, violations] = await withApi(`/sp?month=${month}`, (token) =>
    Promise.all([
      fetchSpTrend(token, month, 1),
      fetchTenantUsage(token, { month, search: null, sort: 'UNITS', first: TOP_TENANTS, after: null }),
      fetchViolationSummary(token, month, VIOLATIONS_PER_SEVERITY),
    ]),
  );

  return (
    <div className="stack">
      <PageHeader
        title="Consumption overview"
        subtitle={`Cloud Connect license usage for ${monthLabel(month)}`}
        actions={<MonthPicker month={month} path="/sp" />}
      />

      <Section
        id="counters-title"
        title="SP license counters"
        description="Machines charged to your Cloud Connect license: used against capacity. New machines are free this month; rental machines are on their tenant’s license."
        actions={
          sp && (
            <p className="units-total" data-testid="units-total">
              <span className="muted">Units total</span> <strong>{formatCount(sp.units.used)}</strong>
              {sp.units.capacity != null && (
                <span className="muted"> / {formatCount(sp.units.capacity)}</span>
              )}{' '}
              <StateBadge state={sp.units.state} />
            </p>
          )
        }
      >
        {sp ? (
          <SpCounterCards counters={sp.counters} />
        ) : (
          <p className="muted">No service provider figures are available for your account.</p>
        )}
      </Section>

      <Section
        id="trend-title"
        title="Last 12 months"
        description="Used machines per counter (solid) against capacity (dashed)."
      >
        <Suspense fallback={<LoadingPanel label="Loading the 12-month trend…" />}>
          <SpTrendSection month={month} />
        </Suspense>
      </Section>

      <Section
        id="top-title"
        title="Top 10 tenants"
        description="By SP units used this month."
        actions={
          <Link className="link-button" href={`/sp/tenants?month=${month}&sort=units`}>
            All tenants by units
          </Link>
        }
      >
        <TopTenantsTable rows={top.rows} month={month} />
      </Section>
      <Section
        id="violations-title"
        title="Violations"
        description="What needs attention this month, worst first."
      >
        <ViolationSummary groups={violations} month={month} />
      </Section>
    </div>
  );
}
