import type { Violation } from '@/lib/graphql/operations/license-report';
import { SEVERITY_LABEL, SEVERITY_ORDER, SEVERITY_SYMBOL } from '@/lib/labels';
import { EmptyState } from './empty-state';
import { ViolationItem } from './violation-item';

interface Props {
  violations: readonly Violation[];
  /** Link each violation to the tenant page it concerns (SP pages); `null` for tenant pages. */
  tenantHref: ((externalId: string) => string) | null;
}

// Shown open per group; the rest sit behind a disclosure so hundreds of notices stay one click away
// without burying the errors. Information notices start folded.
const VISIBLE = 5;

function linkOf(v: Violation, tenantHref: Props['tenantHref']) {
  return v.tenant && tenantHref
    ? { href: tenantHref(v.tenant.externalId), label: `Open tenant ${v.tenant.externalId}` }
    : null;
}

/** Violations grouped by severity, worst first, each with the sentence the engine wrote. */
export function ViolationsList({ violations, tenantHref }: Props) {
  if (violations.length === 0) {
    return (
      <EmptyState title="No violations this month">
        Every license is placed, paid and within its limits.
      </EmptyState>
    );
  }
  return (
    <div className="violation-groups">
      {SEVERITY_ORDER.map((severity) => {
        const group = violations.filter((v) => v.severity === severity);
        if (group.length === 0) return null;
        const id = `violations-${severity.toLowerCase()}`;
        const visible = severity === 'INFO' ? 0 : VISIBLE;
        const key = (v: Violation) => `${v.code}|${v.message}`;
        return (
          <section key={severity} aria-labelledby={id} className="violation-group" data-severity={severity}>
            <h3 id={id} className="violation-group__title">
              <span className={`severity severity--${severity.toLowerCase()}`}>
                <span aria-hidden="true">{SEVERITY_SYMBOL[severity]}</span> {SEVERITY_LABEL[severity]}
              </span>{' '}
              <span className="muted">{group.length}</span>
            </h3>
            {visible > 0 && (
              <ul className="violation-list">
                {group.slice(0, visible).map((v) => (
                  <ViolationItem key={key(v)} v={v} link={linkOf(v, tenantHref)} />
                ))}
              </ul>
            )}
            {group.length > visible && (
              <details className="details">
                <summary>
                  {visible > 0 ? `Show ${group.length - visible} more` : `Show ${group.length}`}{' '}
                  {SEVERITY_LABEL[severity].toLowerCase()}
                </summary>
                <ul className="violation-list">
                  {group.slice(visible).map((v) => (
                    <ViolationItem key={key(v)} v={v} link={linkOf(v, tenantHref)} />
                  ))}
                </ul>
              </details>
            )}
          </section>
        );
      })}
    </div>
  );
}
