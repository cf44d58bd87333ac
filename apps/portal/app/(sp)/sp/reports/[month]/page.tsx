import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/page-header';
import { AdjustForm } from '@/components/reports/adjust-form';
import { AdjustmentsList } from '@/components/reports/adjustments-list';
import { ApproveForm } from '@/components/reports/approve-form';
import { ExportLinks } from '@/components/reports/export-links';
import { ReportStatusLine } from '@/components/reports/report-status-line';
import { SpFiguresTable } from '@/components/reports/sp-figures-table';
import { TenantFiguresTable } from '@/components/reports/tenant-figures-table';
import { Section } from '@/components/section';
import { ViolationsList } from '@/components/violations-list';
import { withApi } from '@/lib/api/call';
import { getPortalSession } from '@/lib/auth/session';
import { fetchMonthlyReport } from '@/lib/graphql/operations/monthly-reports';
import { isMonth, monthLabel } from '@/lib/month';

export const metadata: Metadata = { title: 'Monthly report' };

type Params = Promise<{ month: string }>;

export default async function SpReportPage({ params }: { params: Params }) {
  const { month } = await params;
  if (!isMonth(month)) notFound();
  const session = await getPortalSession();
  // Viewers get no controls; the API refuses their changes anyway.
  const admin = session?.user.role === 'sp-admin';
  const report = await withApi(`/sp/reports/${month}`, (token) => fetchMonthlyReport(token, month));
  const open = report.status === 'OPEN';
  const sp = report.adjusted.serviceProvider;
  const tenantHref = (id: string) => `/sp/tenants/${encodeURIComponent(id)}?month=${month}`;

  return (
    <div className="stack">
      <PageHeader
        title={`Report for ${monthLabel(month)}`}
        breadcrumbs={[{ href: '/sp/reports', label: 'Monthly reports' }]}
        subtitle={<ReportStatusLine report={report} />}
        actions={<ExportLinks month={month} />}
      />
      {sp && (
        <Section
          id="sp-figures-title"
          title="Service provider counters"
          description="As reported: the engine’s figures with the adjustments below applied."
        >
          <SpFiguresTable sp={sp} />
        </Section>
      )}
      <Section
        id="tenant-figures-title"
        title="Figures per tenant"
        description="Used, new and rental machines per counter. Underlined figures were adjusted."
      >
        <TenantFiguresTable adjusted={report.adjusted} engine={report.engine} tenantHref={tenantHref} />
      </Section>
      <Section
        id="adjustments-title"
        title="Adjustments"
        description="Every change, with who made it and why."
      >
        <AdjustmentsList adjustments={report.adjustments} />
      </Section>
      {admin && open && (
        <Section
          id="adjust-title"
          title="Adjust a figure"
          description="Sets one figure of one tenant for this month; the reason is kept with the change and in the audit log."
        >
          <AdjustForm month={month} tenants={report.adjusted.tenants.map((t) => t.tenant)} />
        </Section>
      )}
      {admin && open && (
        <Section id="approve-title" title="Approve" description="Freezes the report as shown above.">
          {report.closed ? (
            <ApproveForm month={month} />
          ) : (
            <p className="notice">
              {monthLabel(month)} has not ended yet: it can be approved from the 1st of next month (UTC).
            </p>
          )}
        </Section>
      )}
      <Section id="violations-title" title="Violations">
        <ViolationsList violations={report.adjusted.violations} tenantHref={tenantHref} />
      </Section>
    </div>
  );
}
