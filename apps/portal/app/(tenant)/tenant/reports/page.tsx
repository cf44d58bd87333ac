import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { Pager } from '@/components/pager';
import { MonthsTable } from '@/components/reports/months-table';
import { Section } from '@/components/section';
import { withApi } from '@/lib/api/call';
import { requireOwnTenant } from '@/lib/auth/tenant-session';
import { fetchMonthlyReports } from '@/lib/graphql/operations/monthly-reports';

export const metadata: Metadata = { title: 'Monthly reports' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TenantReportsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireOwnTenant();
  const raw = (await searchParams).after;
  const after = typeof raw === 'string' && raw ? raw : null;
  // For a tenant caller the API lists its own months and whether its own part was approved.
  const { months, pageInfo } = await withApi('/tenant/reports', (token) =>
    fetchMonthlyReports(token, { first: 24, after }),
  );
  return (
    <div className="stack">
      <PageHeader
        title="Monthly reports"
        subtitle="Your usage as your service provider reports it, month by month; approved months are final."
      />
      <Section id="months-title" title="Months">
        <MonthsTable months={months} basePath="/tenant/reports" />
        <Pager
          label="Months pages"
          firstHref={after ? '/tenant/reports' : null}
          nextHref={
            pageInfo.hasNextPage && pageInfo.endCursor ? `/tenant/reports?after=${pageInfo.endCursor}` : null
          }
        />
      </Section>
    </div>
  );
}
