import type { Metadata } from 'next';
import { MonthPicker } from '@/components/month-picker';
import { PageHeader } from '@/components/page-header';
import { Section } from '@/components/section';
import { SpCounterCards } from '@/components/sp-counter-cards';
import { StateBadge } from '@/components/state-badge';
import { TopTenantsTable } from '@/components/top-tenants-table';
import { TrendChart, type TrendSeries } from '@/components/trend-chart';
import { TrendTable } from '@/components/trend-table';
import { ViolationsList } from '@/components/violations-list';
import { withApi } from '@/lib/api/call';
import { formatCount } from '@/lib/format';
import { COUNTERS } from '@/lib/graphql/enums';
import { fetchLicenseReport } from '@/lib/graphql/operations/license-report';
import { fetchSpTrend, type SpTrendPoint } from '@/lib/graphql/operations/sp-trend';
import { COUNTER_LABEL } from '@/lib/labels';
import { monthLabel, monthParam, monthShortLabel, monthsEndingAt } from '@/lib/month';
import { topTenants } from '@/lib/ranking';

export const metadata: Metadata = { title: 'Overview' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

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

export default async function SpOverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const month = monthParam((await searchParams).month);
  const [report, trend] = await withApi(`/sp?month=${month}`, (token) =>
    Promise.all([fetchLicenseReport(token, month), fetchSpTrend(token, monthsEndingAt(month, 12))]),
  );
  const sp = report.serviceProvider;
  const ranked = topTenants(report, 10);
  const tenantHref = (id: string) => `/sp/tenants/${encodeURIComponent(id)}?month=${month}`;

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
        <TrendChart series={toSeries(trend)} />
        <TrendTable series={toSeries(trend)} />
      </Section>

      <Section id="top-title" title="Top 10 tenants" description="By SP units used this month.">
        <TopTenantsTable ranked={ranked} month={month} />
      </Section>
      <Section
        id="violations-title"
        title="Violations"
        description="What needs attention this month, worst first."
      >
        <ViolationsList violations={report.violations} tenantHref={tenantHref} />
      </Section>
    </div>
  );
}
