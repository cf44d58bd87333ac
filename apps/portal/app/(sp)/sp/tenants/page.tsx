import type { Metadata } from 'next';
import { EmptyState } from '@/components/empty-state';
import { MonthPicker } from '@/components/month-picker';
import { PageHeader } from '@/components/page-header';
import { Pager } from '@/components/pager';
import { TenantSearchForm } from '@/components/tenant-search-form';
import { TenantUsageTable } from '@/components/tenant-usage-table';
import { withApi } from '@/lib/api/call';
import { formatCount } from '@/lib/format';
import { fetchTenantUsage } from '@/lib/graphql/operations/tenant-usage';
import { monthLabel } from '@/lib/month';
import {
  firstPageHref,
  nextPageHref,
  parseTenantListQuery,
  TENANT_SORTS,
  tenantListHref,
} from '@/lib/tenant-list-query';

export const metadata: Metadata = { title: 'Tenants' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TenantsPage({ searchParams }: { searchParams: SearchParams }) {
  const query = parseTenantListQuery(await searchParams);

  // One page of tenants with their figures: the API searches, sorts and pages the whole estate
  // (10,000 tenants and more), so the portal never holds more than a page.
  const page = await withApi(tenantListHref(query), (token) =>
    fetchTenantUsage(token, {
      month: query.month,
      search: query.search || null,
      sort: TENANT_SORTS[query.sort].api,
      first: query.size,
      after: query.after,
    }),
  );
  const pages = Math.max(1, Math.ceil(page.totalCount / query.size));

  return (
    <div className="stack">
      <PageHeader
        title="Tenants"
        subtitle={`Figures for ${monthLabel(query.month)}.`}
        actions={
          <MonthPicker
            month={query.month}
            path="/sp/tenants"
            keep={{ search: query.search, sort: query.sort, size: String(query.size) }}
          />
        }
      />
      <section className="card section" aria-label="Tenant list">
        <TenantSearchForm query={query} />
        <p className="muted small" aria-live="polite" data-testid="tenant-count">
          {query.search
            ? `${formatCount(page.totalCount)} tenants match “${query.search}”`
            : `${formatCount(page.totalCount)} tenants`}
          {page.totalCount > 0 && ` · page ${formatCount(query.page)} of ${formatCount(pages)}`}
        </p>
        {page.rows.length === 0 ? (
          <EmptyState title={query.search ? `No tenant matches “${query.search}”` : 'No tenants yet'}>
            {query.search
              ? 'Check the spelling, or search by part of the name or external id.'
              : 'Import a scenario or seed an estate to add tenants.'}
          </EmptyState>
        ) : (
          <TenantUsageTable rows={page.rows} query={query} />
        )}
        <Pager
          label="Tenant pages"
          firstHref={query.after ? firstPageHref(query) : null}
          nextHref={
            page.pageInfo.hasNextPage && page.pageInfo.endCursor
              ? nextPageHref(query, page.pageInfo.endCursor)
              : null
          }
        />
      </section>
    </div>
  );
}
