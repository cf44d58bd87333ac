import Link from 'next/link';
import { formatDateTime } from '@/lib/format';
import type { MonthlyReportSummary } from '@/lib/graphql/operations/monthly-reports';
import { monthLabel } from '@/lib/month';
import { EmptyState } from '../empty-state';
import { ReportStatusBadge } from './report-status-badge';

/** The review list: one row per month, newest first, each linking to its report. */
export function MonthsTable({
  months,
  basePath,
}: {
  months: readonly MonthlyReportSummary[];
  basePath: string;
}) {
  if (months.length === 0)
    return <EmptyState title="No months to report yet">Months appear once restore points arrive.</EmptyState>;
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Monthly reports</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Status</th>
            <th scope="col">Approved</th>
            <th scope="col" className="num">
              Adjustments
            </th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month} data-month={m.month}>
              <th scope="row">
                <Link href={`${basePath}/${m.month}`}>{monthLabel(m.month)}</Link>
              </th>
              <td>
                <ReportStatusBadge status={m.status} />
                {m.status === 'OPEN' && !m.closed && <span className="muted small"> · month running</span>}
              </td>
              <td>{m.approvedAt ? formatDateTime(m.approvedAt) : <span className="muted">—</span>}</td>
              <td className="num">{m.adjustmentCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
