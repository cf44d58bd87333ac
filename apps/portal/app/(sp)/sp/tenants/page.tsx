import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { Pager } from '@/components/pager';
import { StateBadge } from '@/components/state-badge';
import { TenantSearchForm } from '@/components/tenant-search-form';
import { withApi } from '@/lib/api/call';
import { formatCount } from '@/lib/format';
import type { LicenseState } from '@/lib/graphql/enums';
import { fetchLicenseReport, type TenantMonth } from '@/lib/graphql/operations/license-report';
import { fetchTenantPage } from '@/lib/graphql/operations/tenants';
import { currentMonth, monthLabel } from '@/lib/month';
import { tenantUnits, violationsByTenant } from '@/lib/ranking';
import { worstState } from '@/lib/states';

export const metadata: Metadata = { title: 'Tenants' };

const PAGE_SIZE = 50;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

function tenantsHref(search: string, after?: string | null): string {
  const params = new URLSearchParams();
  if (search) params.set('search', search);
  if (after) params.set('after', after);
  const query = params.toString();
  return query ? `/sp/tenants?${query}` : '/sp/tenants';
}

/** The worst of a tenant's license states; null when it has no license usage to judge. */
function licenseState(figures: TenantMonth | undefined): LicenseState | null {
  if (!figures || figures.licenses.length === 0) return null;
  return worstState(figures.licenses.map((l) => l.state));
}

export default async function TenantsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const search = one(params.search).slice(0, 100);
  const after = one(params.after) || null;
  const month = currentMonth();

  // The page of tenants comes from the API's search and cursor (50 at a time, never all tenants).
  // Their figures come from one licenseReport call, which today computes every tenant's month:
  // acceptable for now; a `tenantMonths(externalIds:)` query would fetch just this page's.
  const [page, report] = await withApi(tenantsHref(search, after), (token) =>
    Promise.all([
      fetchTenantPage(token, { first: PAGE_SIZE, after, search: search || null }),
      fetchLicenseReport(token, month),
    ]),
  );
  const figures = new Map(report.tenants.map((t) => [t.tenant.externalId, t]));
  const violations = violationsByTenant(report);

  return (
    <div className="stack">
      <PageHeader title="Tenants" subtitle={`Figures for ${monthLabel(month)}, the current month.`} />
      <section className="card section" aria-label="Tenant list">
        <TenantSearchForm search={search} />
        {page.tenants.length === 0 ? (
          <EmptyState title={search ? `No tenant matches “${search}”` : 'No tenants yet'}>
            {search
              ? 'Check the spelling, or search by part of the name or external id.'
              : 'Import a scenario or seed an estate to add tenants.'}
          </EmptyState>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">Tenants, with this month’s figures</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">External id</th>
                  <th scope="col">Enabled</th>
                  <th scope="col">Managed by SP</th>
                  <th scope="col" className="num">
                    SP units
                  </th>
                  <th scope="col">License state</th>
                  <th scope="col" className="num">
                    Open violations
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.tenants.map((t) => {
                  const f = figures.get(t.externalId);
                  const state = licenseState(f);
                  return (
                    <tr key={t.id}>
                      <th scope="row">
                        <Link href={`/sp/tenants/${encodeURIComponent(t.externalId)}`}>{t.name}</Link>
                      </th>
                      <td>
                        <code>{t.externalId}</code>
                      </td>
                      <td>{t.enabled ? 'Yes' : <span className="muted">No</span>}</td>
                      <td>{t.managedBySp ? 'Yes' : <span className="muted">No</span>}</td>
                      <td className="num">{formatCount(f ? tenantUnits(f) : 0)}</td>
                      <td>
                        {state ? (
                          <StateBadge state={state} />
                        ) : (
                          <span className="muted">No license usage</span>
                        )}
                      </td>
                      <td className="num">
                        {violations.get(t.externalId) ? (
                          <span className="strong">{violations.get(t.externalId)}</span>
                        ) : (
                          <span className="muted">0</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <Pager
          label="Tenant pages"
          firstHref={after ? tenantsHref(search) : null}
          nextHref={page.pageInfo.hasNextPage ? tenantsHref(search, page.pageInfo.endCursor) : null}
        />
      </section>
    </div>
  );
}
