import Link from 'next/link';
import type { ApiKeyRow, AuditRow, PageInfo, UserRow } from '@/lib/admin-types';
import { formatDateTime } from '@/lib/format';
import { EmptyState } from '../empty-state';
import { PageHeader } from '../page-header';
import { Pager } from '../pager';
import { Section } from '../section';
import { CreateCredentialForm, ROLE_LABEL } from './create-credential-form';
import { RowAction } from './row-action';

interface Props {
  page: '/sp/admin' | '/tenant/admin';
  users: UserRow[];
  apiKeys: ApiKeyRow[];
  audit: AuditRow[];
  auditPage: PageInfo;
  action: string;
  auditAfter: string | null;
}

function auditHref(page: string, action: string, after?: string | null): string {
  const params = new URLSearchParams();
  if (action) params.set('action', action);
  if (after) params.set('after', after);
  const query = params.toString();
  return query ? `${page}?${query}#audit-title` : page;
}

/**
 * Users, API keys and the audit log, for SP admins (the whole SP) and tenant admins (their tenant):
 * the API returns what the caller may see, so both pages are this one with different choices.
 */
export function AdminPage({ page, users, apiKeys, audit, auditPage, action, auditAfter }: Props) {
  const sp = page === '/sp/admin';
  const roles = sp
    ? (['SP_ADMIN', 'SP_VIEWER', 'TENANT_ADMIN', 'TENANT_VIEWER'] as const)
    : (['TENANT_ADMIN', 'TENANT_VIEWER'] as const);
  const owner = (t: UserRow['tenant']) => (t ? t.name : 'Service provider');
  return (
    <div className="stack">
      <PageHeader
        title="Administration"
        subtitle={
          sp
            ? 'Logins, API keys and the audit log of your whole estate.'
            : 'Your team’s logins, API keys and changes.'
        }
      />
      <Section id="users-title" title="Users and roles">
        {users.length === 0 ? (
          <EmptyState title="No users yet" />
        ) : (
          <div className="table-scroll">
            <table className="table" data-testid="users">
              <caption className="visually-hidden">Users</caption>
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  {sp && <th scope="col">Tenant</th>}
                  <th scope="col">Created</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <tr key={u.id}>
                    <th scope="row">{u.email}</th>
                    <td>{ROLE_LABEL[u.role]}</td>
                    {sp && <td>{owner(u.tenant)}</td>}
                    <td className="nowrap">{formatDateTime(u.createdAt)}</td>
                    <td>{u.disabled ? 'Disabled' : 'Active'}</td>
                    <td>
                      <RowAction
                        action="setUserDisabled"
                        page={page}
                        id={u.id}
                        fields={{ disabled: String(!u.disabled) }}
                        label={`${u.disabled ? 'Enable' : 'Disable'} ${u.email}`}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3>New user</h3>
        <CreateCredentialForm kind="user" page={page} roles={roles} askTenant={sp} />
      </Section>

      <Section
        id="keys-title"
        title="API keys"
        description="For partner tooling and scripts. Revoking takes effect at once."
      >
        {apiKeys.length === 0 ? (
          <EmptyState title="No API keys yet" />
        ) : (
          <div className="table-scroll">
            <table className="table" data-testid="api-keys">
              <caption className="visually-hidden">API keys</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Key</th>
                  <th scope="col">Role</th>
                  {sp && <th scope="col">Tenant</th>}
                  <th scope="col">Last used</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {apiKeys.map((k) => (
                  <tr key={k.id}>
                    <th scope="row">{k.name}</th>
                    <td>
                      <code>{k.display}</code>
                    </td>
                    <td>{ROLE_LABEL[k.role]}</td>
                    {sp && <td>{owner(k.tenant)}</td>}
                    <td className="nowrap">{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'never'}</td>
                    <td>{k.revokedAt ? `Revoked ${formatDateTime(k.revokedAt)}` : 'Active'}</td>
                    <td>
                      {!k.revokedAt && (
                        <RowAction action="revokeApiKey" page={page} id={k.id} label={`Revoke ${k.name}`} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3>New API key</h3>
        <CreateCredentialForm kind="key" page={page} roles={roles} askTenant={sp} />
      </Section>

      <Section id="audit-title" title="Audit log" description="Every change, newest first.">
        <form className="filters" action={page} method="get">
          <div className="field field--inline">
            <label htmlFor="audit-action">Action (exact, or a prefix ending in a dot)</label>
            <input
              id="audit-action"
              name="action"
              className="input"
              defaultValue={action}
              placeholder="report."
            />
          </div>
          <button className="button button--secondary" type="submit">
            Filter
          </button>
          {action && (
            <Link className="link-button" href={page}>
              Clear filter
            </Link>
          )}
        </form>
        {audit.length === 0 ? (
          <EmptyState title="No changes recorded" />
        ) : (
          <div className="table-scroll">
            <table className="table" data-testid="audit">
              <caption className="visually-hidden">Audit log</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Action</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Who</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {audit.map((a) => (
                  <tr key={a.id} data-action={a.action}>
                    <td className="nowrap">{formatDateTime(a.at)}</td>
                    <td>
                      <code>{a.action}</code>
                    </td>
                    <td>{a.subject ?? '—'}</td>
                    <td className="small">{a.actor}</td>
                    <td>{a.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager
          label="Audit log pages"
          firstHref={auditAfter ? auditHref(page, action) : null}
          nextHref={auditPage.hasNextPage ? auditHref(page, action, auditPage.endCursor) : null}
        />
      </Section>
    </div>
  );
}
