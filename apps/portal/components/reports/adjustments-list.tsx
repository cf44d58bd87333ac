import { formatDateTime } from '@/lib/format';
import type { ReportAdjustment } from '@/lib/graphql/operations/monthly-reports';
import { COUNTER_LABEL } from '@/lib/labels';
import { EmptyState } from '../empty-state';

const FIGURE_LABEL = { USED: 'used', NEW: 'new', RENTAL: 'rental' } as const;

/** Every change the SP made to the month, oldest first, with who made it and why. */
export function AdjustmentsList({ adjustments }: { adjustments: readonly ReportAdjustment[] }) {
  if (adjustments.length === 0)
    return <EmptyState title="No adjustments">The figures are the licensing engine’s, unchanged.</EmptyState>;
  return (
    <div className="table-scroll">
      <table className="table" data-testid="adjustments">
        <caption className="visually-hidden">Adjustments</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Tenant</th>
            <th scope="col">Figure</th>
            <th scope="col" className="num">
              Set to
            </th>
            <th scope="col">Who</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {adjustments.map((a) => (
            <tr key={a.id}>
              <td className="nowrap">{formatDateTime(a.createdAt)}</td>
              <td>{a.tenant.name}</td>
              <td>
                {COUNTER_LABEL[a.counter]} · {FIGURE_LABEL[a.field]}
              </td>
              <td className="num strong">{a.value}</td>
              <td>{a.actorLabel}</td>
              <td>{a.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
