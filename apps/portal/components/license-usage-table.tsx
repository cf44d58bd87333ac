import { formatCount } from '@/lib/format';
import type { TenantLicenseUsage } from '@/lib/graphql/operations/license-report';
import { LICENSE_TYPE_LABEL } from '@/lib/labels';
import { EmptyState } from './empty-state';
import { StateBadge } from './state-badge';

/** A tenant's own licenses this month: instances used and new against capacity, peak and state. */
export function LicenseUsageTable({ licenses }: { licenses: readonly TenantLicenseUsage[] }) {
  if (licenses.length === 0) {
    return <EmptyState title="No license usage">No machine used a tenant license in this month.</EmptyState>;
  }
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">License usage</caption>
        <thead>
          <tr>
            <th scope="col">License</th>
            <th scope="col">Type</th>
            <th scope="col" className="num">
              Used
            </th>
            <th scope="col" className="num">
              New
            </th>
            <th scope="col" className="num">
              Capacity
            </th>
            <th scope="col" className="num">
              Peak
            </th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {licenses.map((l) => (
            <tr key={l.license.externalId}>
              <th scope="row">
                <code>{l.license.externalId}</code>
              </th>
              <td>{LICENSE_TYPE_LABEL[l.license.type]}</td>
              <td className="num">{formatCount(l.used)}</td>
              <td className="num">{formatCount(l.new)}</td>
              <td className="num">{formatCount(l.capacity)}</td>
              <td className="num">{formatCount(l.peak)}</td>
              <td>
                <StateBadge state={l.state} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
