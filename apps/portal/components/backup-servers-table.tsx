import { formatCount } from '@/lib/format';
import type { TenantDetail, TenantLicense } from '@/lib/graphql/operations/tenant';
import { LICENSE_TYPE_LABEL } from '@/lib/labels';
import { EmptyState } from './empty-state';

function capacityText(c: TenantLicense['capacity']): string {
  if (c.instances != null) return `${formatCount(c.instances)} instances`;
  if (c.points != null) return `${formatCount(c.points)} points`;
  const parts = [
    c.vmBackup != null && `${formatCount(c.vmBackup)} VM backup`,
    c.vmReplica != null && `${formatCount(c.vmReplica)} VM replica`,
    c.server != null && `${formatCount(c.server)} server`,
    c.workstation != null && `${formatCount(c.workstation)} workstation`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : '—';
}

/** Each backup server of the tenant with the licenses installed on it (one row per license). */
export function BackupServersTable({ servers }: { servers: TenantDetail['backupServers'] }) {
  if (servers.length === 0) {
    return <EmptyState title="No backup servers">This tenant has no registered backup server.</EmptyState>;
  }
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Backup servers and their licenses</caption>
        <thead>
          <tr>
            <th scope="col">Backup server</th>
            <th scope="col">Version</th>
            <th scope="col">License</th>
            <th scope="col">Type</th>
            <th scope="col">Valid</th>
            <th scope="col">Capacity</th>
          </tr>
        </thead>
        <tbody>
          {servers.flatMap((server) => {
            const licenses = server.licenses.length > 0 ? server.licenses : [null];
            return licenses.map((license, i) => (
              <tr key={`${server.externalId}-${license?.externalId ?? 'none'}`}>
                {i === 0 ? (
                  <th scope="row" rowSpan={licenses.length}>
                    <code>{server.externalId}</code>
                  </th>
                ) : null}
                {i === 0 ? <td rowSpan={licenses.length}>{server.version}</td> : null}
                {license ? (
                  <>
                    <td>
                      <code>{license.externalId}</code>
                    </td>
                    <td>{LICENSE_TYPE_LABEL[license.type]}</td>
                    <td className="nowrap">
                      {license.validFrom} – {license.validTo ?? 'no end'}
                    </td>
                    <td>{capacityText(license.capacity)}</td>
                  </>
                ) : (
                  <td colSpan={4} className="muted">
                    No license installed
                  </td>
                )}
              </tr>
            ));
          })}
        </tbody>
      </table>
    </div>
  );
}
