import Link from 'next/link';
import { formatCount, formatShare } from '@/lib/format';
import { COUNTERS } from '@/lib/graphql/enums';
import type { TenantUsageRow } from '@/lib/graphql/operations/tenant-usage';
import { COUNTER_LABEL } from '@/lib/labels';
import { EmptyState } from './empty-state';

/** The tenants that use the most SP units this month, with their units per counter and share. */
export function TopTenantsTable({ rows, month }: { rows: readonly TenantUsageRow[]; month: string }) {
  const ranked = rows.filter((r) => r.units > 0);
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
            <th scope="col" className="num">
              Share
            </th>
          </tr>
        </thead>
        <tbody>
          {ranked.map((r) => (
            <tr key={r.tenant.externalId} data-tenant={r.tenant.externalId}>
              <th scope="row">
                <Link href={`/sp/tenants/${encodeURIComponent(r.tenant.externalId)}?month=${month}`}>
                  {r.tenant.name}
                </Link>{' '}
                <span className="muted small">{r.tenant.externalId}</span>
              </th>
              {COUNTERS.map((c) => (
                <td key={c} className="num">
                  {formatCount(r.counters.find((x) => x.counter === c)?.units ?? 0)}
                </td>
              ))}
              <td className="num strong" data-field="units">
                {formatCount(r.units)}
              </td>
              <td className="num">{formatShare(r.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
