import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { Pager } from '@/components/pager';
import { MonthsTable } from '@/components/reports/months-table';
import { Section } from '@/components/section';
import { withApi } from '@/lib/api/call';
import { fetchMonthlyReports } from '@/lib/graphql/operations/monthly-reports';

export const metadata: Metadata = { title: 'Monthly reports' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SpReportsPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).after;
  const after = typeof raw === 'string' && raw ? raw : null;
  const { months, pageInfo } = await withApi('/sp/reports', (token) =>
    fetchMonthlyReports(token, { first: 24, after }),
  );
  return (
    <div className="stack">
      <PageHeader
        title="Monthly reports"
        subtitle="Review each month’s usage, adjust a tenant’s figures with a reason, then approve to freeze it."
      />
      <Section
        id="months-title"
        title="Months"
        description="A month can be approved once it has ended (UTC). Approved months no longer change."
      >
        <MonthsTable months={months} basePath="/sp/reports" />
        <Pager
          label="Months pages"
          firstHref={after ? '/sp/reports' : null}
          nextHref={
            pageInfo.hasNextPage && pageInfo.endCursor ? `/sp/reports?after=${pageInfo.endCursor}` : null
          }
        />
      </Section>
    </div>
  );
}
