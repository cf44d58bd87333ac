import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BackupServersTable } from '@/components/backup-servers-table';
import { MonthPicker } from '@/components/month-picker';
import { PageHeader } from '@/components/page-header';
import { PlanFigures } from '@/components/plan-figures';
import { Section } from '@/components/section';
import { TenantMonthSections } from '@/components/tenant-month-sections';
import { withApi } from '@/lib/api/call';
import { requireOwnTenant } from '@/lib/auth/tenant-session';
import { fetchLicenseReport } from '@/lib/graphql/operations/license-report';
import { fetchTenant } from '@/lib/graphql/operations/tenant';
import { monthLabel, monthParam } from '@/lib/month';

export const metadata: Metadata = { title: 'Overview' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TenantOverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const own = await requireOwnTenant();
  const month = monthParam((await searchParams).month);
  // For a tenant caller the report holds only its own tenant and violations, and no SP figures.
  const [tenant, report] = await withApi(`/tenant?month=${month}`, (token) =>
    Promise.all([fetchTenant(token, own.externalId), fetchLicenseReport(token, month)]),
  );
  if (!tenant) notFound();
  const figures = report.tenants.find((t) => t.tenant.externalId === own.externalId) ?? null;
  const violations = report.violations.filter((v) => !v.tenant || v.tenant.externalId === own.externalId);

  return (
    <div className="stack">
      <PageHeader
        title={tenant.name}
        subtitle={`Your license consumption for ${monthLabel(month)}`}
        actions={<MonthPicker month={month} path="/tenant" />}
      />
      <TenantMonthSections
        figures={figures}
        plan={<PlanFigures plan={tenant.plan} />}
        managedBySp={tenant.managedBySp}
        violations={violations}
      />
      <Section id="servers-title" title="Backup servers and licenses">
        <BackupServersTable servers={tenant.backupServers} />
      </Section>
    </div>
  );
}
