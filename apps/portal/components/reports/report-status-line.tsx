import { formatDateTime } from '@/lib/format';
import type { MonthlyReport } from '@/lib/graphql/operations/monthly-reports';
import { ReportStatusBadge } from './report-status-badge';

/** Where the month stands: approved (when, by whom) or open (and whether it has ended). */
export function ReportStatusLine({ report }: { report: MonthlyReport }) {
  return (
    <span data-testid="report-status">
      <ReportStatusBadge status={report.status} />{' '}
      {report.status === 'APPROVED'
        ? `on ${report.approvedAt ? formatDateTime(report.approvedAt) : '—'}${
            report.approvedByLabel ? ` by ${report.approvedByLabel}` : ''
          }: these figures are final.`
        : report.closed
          ? 'The month has ended and awaits approval; figures may still change.'
          : 'The month is still running; figures will change.'}
    </span>
  );
}
