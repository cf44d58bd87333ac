import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/page-header';
import { AdjustmentsList } from '@/components/reports/adjustments-list';
import { ExportLinks } from '@/components/reports/export-links';
import { ReportStatusLine } from '@/components/reports/report-status-line';
import { TenantFiguresTable } from '@/components/reports/tenant-figures-table';
import { Section } from '@/components/section';
import { ViolationsList } from '@/components/violations-list';
import { withApi } from '@/lib/api/call';
import { requireOwnTenant } from '@/lib/auth/tenant-session';
import { fetchMonthlyReport } from '@/lib/graphql/operations/monthly-reports';
import { isMonth, monthLabel } from '@/lib/month';

export const metadata: Metadata = { title: 'Monthly report' };

type Params = Promise<{ month: string }>;

export default async function TenantReportPage({ params }: { params: Params }) {
  await requireOwnTenant();
  const { month } = await params;
  if (!isMonth(month)) notFound();
  // The API scopes the report to the caller's own tenant (and its own snapshot once approved).
  const report = await withApi(`/tenant/reports/${month}`, (token) => fetchMonthlyReport(token, month));
  return (
    <div className="stack">
      <PageHeader
        title={`Report for ${monthLabel(month)}`}
        breadcrumbs={[{ href: '/tenant/reports', label: 'Monthly reports' }]}
        subtitle={<ReportStatusLine report={report} />}
        actions={<ExportLinks month={month} />}
      />
      <Section
        id="tenant-figures-title"
        title="Your figures"
        description="Used, new and rental machines per counter, as reported. Underlined figures were adjusted by your service provider."
      >
        <TenantFiguresTable adjusted={report.adjusted} engine={report.engine} />
      </Section>
      <Section
        id="adjustments-title"
        title="Adjustments"
        description="Changes your service provider made, and why."
      >
        <AdjustmentsList adjustments={report.adjustments} />
      </Section>
      <Section id="violations-title" title="Violations">
        <ViolationsList violations={report.adjusted.violations} tenantHref={null} />
      </Section>
    </div>
  );
}
