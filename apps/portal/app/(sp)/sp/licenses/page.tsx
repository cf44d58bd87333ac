import type { Metadata } from 'next';
import { EmptyState } from '@/components/empty-state';
import { LicenseForm } from '@/components/licenses/license-form';
import { PageHeader } from '@/components/page-header';
import { Pager } from '@/components/pager';
import { Section } from '@/components/section';
import { withApi } from '@/lib/api/call';
import { getPortalSession } from '@/lib/auth/session';
import { formatCount } from '@/lib/format';
import { fetchLicensePage, type LicenseRow } from '@/lib/graphql/operations/licenses';
import { LICENSE_TYPE_LABEL } from '@/lib/labels';
import { VALIDITY_BADGE, VALIDITY_LABEL, validityOf } from '@/lib/license-validity';

export const metadata: Metadata = { title: 'Licenses' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const CAPACITY_LABEL: [keyof LicenseRow['capacity'], string][] = [
  ['vmBackup', 'VM backup'],
  ['vmReplica', 'VM replica'],
  ['server', 'server'],
  ['workstation', 'workstation'],
  ['points', 'points'],
  ['instances', 'instances'],
];

function capacityText(c: LicenseRow['capacity']): string {
  const parts = CAPACITY_LABEL.filter(([k]) => c[k] != null).map(
    ([k, label]) => `${formatCount(c[k])} ${label}`,
  );
  return parts.length ? parts.join(', ') : '—';
}

export default async function LicensesPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).after;
  const after = typeof raw === 'string' && raw ? raw : null;
  const session = await getPortalSession();
  const admin = session?.user.role === 'sp-admin';
  const { licenses, pageInfo } = await withApi('/sp/licenses', (token) =>
    fetchLicensePage(token, { first: 100, after }),
  );

  return (
    <div className="stack">
      <PageHeader
        title="Licenses"
        subtitle="Your Cloud Connect SP license and every tenant license, with their validity today."
      />
      <Section id="licenses-title" title="All licenses">
        {licenses.length === 0 ? (
          <EmptyState title="No licenses yet" />
        ) : (
          <div className="table-scroll">
            <table className="table" data-testid="licenses">
              <caption className="visually-hidden">Licenses</caption>
              <thead>
                <tr>
                  <th scope="col">License</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Type</th>
                  <th scope="col">Capacity</th>
                  <th scope="col">Valid</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {licenses.map((l) => {
                  const validity = validityOf(l.validFrom, l.validTo);
                  return (
                    <tr key={l.id} data-license={l.externalId}>
                      <th scope="row">
                        <code>{l.externalId}</code>
                        {admin && (
                          <details className="details">
                            <summary>Edit {l.externalId}</summary>
                            <LicenseForm
                              mode="edit"
                              initial={{
                                externalId: l.externalId,
                                serverExternalId: l.server?.externalId ?? '',
                                type: l.type,
                                validFrom: l.validFrom,
                                validTo: l.validTo,
                                capacity: { ...l.capacity },
                              }}
                            />
                          </details>
                        )}
                      </th>
                      <td>
                        {l.tenant ? (
                          <a href={`/sp/tenants/${encodeURIComponent(l.tenant.externalId)}`}>
                            {l.tenant.name}
                          </a>
                        ) : (
                          'Service provider'
                        )}
                        <br />
                        <span className="muted small">on {l.server?.externalId ?? '—'}</span>
                      </td>
                      <td>{LICENSE_TYPE_LABEL[l.type]}</td>
                      <td>{capacityText(l.capacity)}</td>
                      <td className="nowrap">
                        {l.validFrom} → {l.validTo ?? 'no end'}
                      </td>
                      <td>
                        <span className={`badge ${VALIDITY_BADGE[validity]}`}>
                          {VALIDITY_LABEL[validity]}
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <Pager
          label="License pages"
          firstHref={after ? '/sp/licenses' : null}
          nextHref={
            pageInfo.hasNextPage && pageInfo.endCursor ? `/sp/licenses?after=${pageInfo.endCursor}` : null
          }
        />
      </Section>
      {admin && (
        <Section
          id="new-license-title"
          title="New license"
          description="Installed on a backup server: the SP’s own (a Cloud Connect SP license) or a tenant’s."
        >
          <LicenseForm mode="create" />
        </Section>
      )}
    </div>
  );
}
