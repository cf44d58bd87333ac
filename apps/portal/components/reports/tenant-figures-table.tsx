import { formatCount } from '@/lib/format';
import { COUNTERS, type Counter } from '@/lib/graphql/enums';
import type { LicenseReport, TenantCounter } from '@/lib/graphql/operations/license-report';
import { COUNTER_LABEL } from '@/lib/labels';
import { EmptyState } from '../empty-state';

const FIELDS = ['used', 'new', 'rental'] as const;

function find(counters: readonly TenantCounter[], counter: Counter): TenantCounter | undefined {
  return counters.find((c) => c.counter === counter);
}

/**
 * Each tenant's figures as they count (adjusted), used / new / rental per counter and units. A
 * figure the SP changed is marked, with the engine's figure beside it in words for screen readers.
 */
export function TenantFiguresTable({
  adjusted,
  engine,
  tenantHref,
}: {
  adjusted: LicenseReport;
  engine: LicenseReport;
  tenantHref?: (externalId: string) => string;
}) {
  if (adjusted.tenants.length === 0) return <EmptyState title="No tenant figures this month" />;
  return (
    <div className="table-scroll">
      <table className="table" data-testid="tenant-figures">
        <caption className="visually-hidden">
          Figures per tenant: used, new and rental machines per counter
        </caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              Tenant
            </th>
            {COUNTERS.map((c) => (
              <th key={c} scope="colgroup" colSpan={3} className="num">
                {COUNTER_LABEL[c]}
              </th>
            ))}
            <th scope="col" rowSpan={2} className="num">
              Units
            </th>
          </tr>
          <tr>
            {COUNTERS.flatMap((c) =>
              FIELDS.map((f) => (
                <th key={`${c}-${f}`} scope="col" className="num small">
                  {f}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {adjusted.tenants.map((t) => {
            const before = engine.tenants.find((e) => e.tenant.externalId === t.tenant.externalId);
            const units = t.counters.reduce((sum, c) => sum + c.units, 0);
            return (
              <tr key={t.tenant.externalId} data-tenant={t.tenant.externalId}>
                <th scope="row">
                  {tenantHref ? <a href={tenantHref(t.tenant.externalId)}>{t.tenant.name}</a> : t.tenant.name}
                  <br />
                  <code className="small">{t.tenant.externalId}</code>
                </th>
                {COUNTERS.flatMap((counter) => {
                  const now = find(t.counters, counter);
                  const was = before && find(before.counters, counter);
                  return FIELDS.map((f) => {
                    const value = now?.[f] ?? 0;
                    const engineValue = was?.[f] ?? 0;
                    const changed = value !== engineValue;
                    return (
                      <td key={`${counter}-${f}`} className="num" data-counter={counter} data-field={f}>
                        {changed ? (
                          <span
                            className="adjusted-mark"
                            title={`Adjusted; the engine counted ${engineValue}`}
                          >
                            {formatCount(value)}
                            <span className="visually-hidden"> (adjusted; engine {engineValue})</span>
                          </span>
                        ) : (
                          formatCount(value)
                        )}
                      </td>
                    );
                  });
                })}
                <td className="num strong" data-field="units">
                  {formatCount(units)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
