import type { ReportStatus } from '@/lib/graphql/operations/monthly-reports';

// A word and a symbol, not only a colour (as StateBadge does).
export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  return status === 'APPROVED' ? (
    <span className="badge badge--ok" data-status="APPROVED">
      <span aria-hidden="true">✓</span> Approved
    </span>
  ) : (
    <span className="badge badge--grace" data-status="OPEN">
      <span aria-hidden="true">…</span> Open
    </span>
  );
}
