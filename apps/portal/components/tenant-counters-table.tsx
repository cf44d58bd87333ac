import { formatCount } from '@/lib/format';
import { COUNTERS } from '@/lib/graphql/enums';
import type { TenantCounter } from '@/lib/graphql/operations/license-report';
import { COUNTER_LABEL } from '@/lib/labels';

/** A tenant's share of the Cloud Connect counters: machines used, new (free this month), rental. */
export function TenantCountersTable({ counters }: { counters: readonly TenantCounter[] }) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Cloud Connect counters</caption>
        <thead>
          <tr>
            <th scope="col">Counter</th>
            <th scope="col" className="num">
              Used
            </th>
            <th scope="col" className="num">
              New
            </th>
            <th scope="col" className="num">
              Rental
            </th>
            <th scope="col" className="num">
              Units
            </th>
          </tr>
        </thead>
        <tbody>
          {COUNTERS.map((counter) => {
            const c = counters.find((x) => x.counter === counter);
            return (
              <tr key={counter} data-counter={counter}>
                <th scope="row">{COUNTER_LABEL[counter]}</th>
                <td className="num">{formatCount(c?.used ?? 0)}</td>
                <td className="num">{formatCount(c?.new ?? 0)}</td>
                <td className="num">{formatCount(c?.rental ?? 0)}</td>
                <td className="num strong">{formatCount(c?.units ?? 0)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
