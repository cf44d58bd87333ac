import Link from 'next/link';
import { formatCount } from '@/lib/format';
import { COUNTERS } from '@/lib/graphql/enums';
import type { TenantMonth } from '@/lib/graphql/operations/license-report';
import { COUNTER_LABEL } from '@/lib/labels';
import { EmptyState } from './empty-state';

export interface RankedTenant {
  tenant: TenantMonth;
  units: number;
}

/** The tenants that use the most SP units this month, with their share per counter. */
export function TopTenantsTable({ ranked, month }: { ranked: readonly RankedTenant[]; month: string }) {
  if (ranked.length === 0) {
    return (
      <EmptyState title="No consumption this month">No tenant used the SP license in this month.</EmptyState>
    );
  }
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Top tenants by SP units used</caption>
        <thead>
          <tr>
            <th scope="col">Tenant</th>
            {COUNTERS.map((c) => (
              <th key={c} scope="col" className="num">
                {COUNTER_LABEL[c]}
              </th>
            ))}
            <th scope="col" className="num">
              Units
            </th>
          </tr>
        </thead>
        <tbody>
          {ranked.map(({ tenant, units }) => (
            <tr key={tenant.tenant.externalId}>
              <th scope="row">
                <Link href={`/sp/tenants/${encodeURIComponent(tenant.tenant.externalId)}?month=${month}`}>
                  {tenant.tenant.name}
                </Link>{' '}
                <span className="muted small">{tenant.tenant.externalId}</span>
              </th>
              {COUNTERS.map((c) => (
                <td key={c} className="num">
                  {formatCount(tenant.counters.find((x) => x.counter === c)?.units ?? 0)}
                </td>
              ))}
              <td className="num strong">{formatCount(units)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
