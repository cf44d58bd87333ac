import Link from 'next/link';
import { formatCount, formatShare } from '@/lib/format';
import type { TenantUsageRow } from '@/lib/graphql/operations/tenant-usage';
import { LICENSE_TYPE_LABEL } from '@/lib/labels';
import { sortedHref, TENANT_SORTS, type TenantListQuery, type TenantSort } from '@/lib/tenant-list-query';
import { SortableHeader } from './sortable-header';
import { StateBadge } from './state-badge';

function Sortable({
  sort,
  query,
  numeric,
  children,
}: {
  sort: TenantSort;
  query: TenantListQuery;
  numeric?: boolean;
  children: string;
}) {
  return (
    <SortableHeader
      href={sortedHref(query, sort)}
      active={query.sort === sort}
      direction={TENANT_SORTS[sort].direction}
      numeric={numeric}
    >
      {children}
    </SortableHeader>
  );
}

/** One page of tenants with the month's figures; headers re-sort the whole list through the API. */
export function TenantUsageTable({
  rows,
  query,
}: {
  rows: readonly TenantUsageRow[];
  query: TenantListQuery;
}) {
  const tenantHref = (externalId: string) =>
    `/sp/tenants/${encodeURIComponent(externalId)}?month=${query.month}`;
  return (
    <div className="table-scroll">
      <table className="table" data-testid="tenant-usage">
        <caption className="visually-hidden">Tenants with their figures for the month</caption>
        <thead>
          <tr>
            <Sortable sort="name" query={query}>
              Name
            </Sortable>
            <Sortable sort="external-id" query={query}>
              External id
            </Sortable>
            <th scope="col">Enabled</th>
            <th scope="col">Managed by SP</th>
            <Sortable sort="units" query={query} numeric>
              SP units
            </Sortable>
            <th scope="col" className="num">
              Share
            </th>
            <th scope="col">Licenses</th>
            <Sortable sort="state" query={query}>
              License state
            </Sortable>
            <Sortable sort="violations" query={query} numeric>
              Open violations
            </Sortable>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.tenant.id} data-tenant={r.tenant.externalId}>
              <th scope="row">
                <Link href={tenantHref(r.tenant.externalId)}>{r.tenant.name}</Link>
              </th>
              <td>
                <code>{r.tenant.externalId}</code>
              </td>
              <td>{r.tenant.enabled ? 'Yes' : <span className="muted">No</span>}</td>
              <td>{r.tenant.managedBySp ? 'Yes' : <span className="muted">No</span>}</td>
              <td className="num" data-field="units">
                {formatCount(r.units)}
              </td>
              <td className="num" data-field="share">
                {formatShare(r.share)}
              </td>
              <td>
                {r.licenses.length === 0 ? (
                  <span className="muted">None</span>
                ) : (
                  r.licenses.map((l) => (
                    <span key={l.license.id} className="nowrap">
                      {LICENSE_TYPE_LABEL[l.license.type]} {formatCount(l.used)} / {formatCount(l.capacity)}
                      <br />
                    </span>
                  ))
                )}
              </td>
              <td data-field="state">
                {r.licenseState ? (
                  <StateBadge state={r.licenseState} />
                ) : (
                  <span className="muted">No license usage</span>
                )}
              </td>
              <td className="num" data-field="violations">
                {r.openViolations > 0 ? (
                  <span className="strong">{formatCount(r.openViolations)}</span>
                ) : (
                  <span className="muted">0</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
