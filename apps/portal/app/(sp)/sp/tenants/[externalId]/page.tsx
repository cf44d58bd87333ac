import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BackupServersTable } from '@/components/backup-servers-table';
import { MachinesSection } from '@/components/machines-section';
import { MonthPicker } from '@/components/month-picker';
import { PageHeader } from '@/components/page-header';
import { PlanFigures } from '@/components/plan-figures';
import { Section } from '@/components/section';
import { TenantMonthSections } from '@/components/tenant-month-sections';
import { PlanForm } from '@/components/tenants/plan-form';
import { withApi } from '@/lib/api/call';
import { loadMachinesPage } from '@/lib/api/machines-page';
import { getPortalSession } from '@/lib/auth/session';
import { fetchLicenseReport } from '@/lib/graphql/operations/license-report';
import { fetchTenant } from '@/lib/graphql/operations/tenant';
import { parseMachineFilter } from '@/lib/machine-filter';
import { monthLabel, monthParam } from '@/lib/month';

export const metadata: Metadata = { title: 'Tenant' };

type Params = Promise<{ externalId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SpTenantPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const externalId = decodeURIComponent((await params).externalId);
  const query = await searchParams;
  const month = monthParam(query.month);
  const filter = parseMachineFilter(query);
  const after = typeof query.after === 'string' ? query.after : null;
  const path = `/sp/tenants/${encodeURIComponent(externalId)}`;

  const tenant = await withApi(path, (token) => fetchTenant(token, externalId));
  if (!tenant) notFound();
  // Viewers see the plan only; the API refuses their changes anyway.
  const admin = (await getPortalSession())?.user.role === 'sp-admin';

  // Only this tenant's part of the month's report: never every tenant's figures for one page.
  const [report, machines] = await withApi(`${path}?month=${month}`, (token) =>
    Promise.all([
      fetchLicenseReport(token, month, externalId),
      loadMachinesPage(token, { tenantExternalId: externalId, month, after, filter }),
    ]),
  );
  const figures = report.tenants.find((t) => t.tenant.externalId === externalId) ?? null;
  const violations = report.violations.filter((v) => v.tenant?.externalId === externalId);

  return (
    <div className="stack">
      <PageHeader
        title={tenant.name}
        breadcrumbs={[
          { href: '/sp', label: 'Overview' },
          { href: '/sp/tenants', label: 'Tenants' },
        ]}
        subtitle={
          <>
            <code>{tenant.externalId}</code> · {tenant.enabled ? 'Enabled' : 'Disabled'} ·{' '}
            {tenant.managedBySp ? 'Managed by SP (Backup as a Service)' : 'Self-managed'} ·{' '}
            {monthLabel(month)}
          </>
        }
        actions={
          <MonthPicker
            month={month}
            path={path}
            keep={{ counter: filter.counter ?? undefined, status: filter.status ?? undefined }}
          />
        }
      />
      <TenantMonthSections
        figures={figures}
        plan={
          <>
            <PlanFigures plan={tenant.plan} />
            {admin && (
              <details className="details">
                <summary>Edit plan</summary>
                <PlanForm externalId={tenant.externalId} plan={{ ...tenant.plan }} />
              </details>
            )}
          </>
        }
        managedBySp={tenant.managedBySp}
        violations={violations}
      />
      <Section id="servers-title" title="Backup servers and licenses">
        <BackupServersTable servers={tenant.backupServers} />
      </Section>
      <MachinesSection path={path} month={month} filter={filter} after={after} page={machines} />
    </div>
  );
}
