import Link from 'next/link';
import { formatCount } from '@/lib/format';
import type { ViolationGroup } from '@/lib/graphql/operations/violation-summary';
import { SEVERITY_LABEL, SEVERITY_SYMBOL } from '@/lib/labels';
import { spViolationLink } from '@/lib/violation-links';
import { EmptyState } from './empty-state';
import { ViolationItem } from './violation-item';

/**
 * The month's violations per severity, worst first: each group's count and its first few, each
 * linking to what it concerns. An SP of 10,000 tenants may have thousands, so the page never lists
 * them all; the tenants list sorted by open violations is where to work through the rest.
 */
export function ViolationSummary({ groups, month }: { groups: readonly ViolationGroup[]; month: string }) {
  const shown = groups.filter((g) => g.count > 0);
  if (shown.length === 0) {
    return (
      <EmptyState title="No violations this month">
        Every license is placed, paid and within its limits.
      </EmptyState>
    );
  }
  return (
    <div className="violation-groups">
      {shown.map((group) => {
        const id = `violations-${group.severity.toLowerCase()}`;
        const more = group.count - group.violations.length;
        return (
          <section
            key={group.severity}
            aria-labelledby={id}
            className="violation-group"
            data-severity={group.severity}
          >
            <h3 id={id} className="violation-group__title">
              <span className={`severity severity--${group.severity.toLowerCase()}`}>
                <span aria-hidden="true">{SEVERITY_SYMBOL[group.severity]}</span>{' '}
                {SEVERITY_LABEL[group.severity]}
              </span>{' '}
              <span className="muted" data-field="count">
                {formatCount(group.count)}
              </span>
            </h3>
            <ul className="violation-list">
              {group.violations.map((v, i) => (
                // The same code and sentence may repeat (one per license), so the position is the key.
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list rendered once on the server
                <ViolationItem key={i} v={v} link={spViolationLink(v, month)} />
              ))}
            </ul>
            {more > 0 && (
              <p className="muted small">
                And {formatCount(more)} more.{' '}
                <Link href={`/sp/tenants?month=${month}&sort=violations`}>Tenants by open violations</Link>
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
