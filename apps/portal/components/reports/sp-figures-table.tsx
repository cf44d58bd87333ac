import { formatCount } from '@/lib/format';
import type { LicenseReport } from '@/lib/graphql/operations/license-report';
import { COUNTER_LABEL } from '@/lib/labels';
import { StateBadge } from '../state-badge';

type Sp = NonNullable<LicenseReport['serviceProvider']>;

/** The SP's counters as they will be reported (with adjustments), against capacity. */
export function SpFiguresTable({ sp }: { sp: Sp }) {
  return (
    <div className="table-scroll">
      <table className="table" data-testid="sp-figures">
        <caption className="visually-hidden">Service provider counters</caption>
        <thead>
          <tr>
            <th scope="col">Counter</th>
            {['Used', 'New', 'Rental', 'Units', 'Capacity', 'Peak'].map((h) => (
              <th key={h} scope="col" className="num">
                {h}
              </th>
            ))}
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {sp.counters.map((c) => (
            <tr key={c.counter} data-counter={c.counter}>
              <th scope="row">{COUNTER_LABEL[c.counter]}</th>
              <td className="num">{formatCount(c.used)}</td>
              <td className="num">{formatCount(c.new)}</td>
              <td className="num">{formatCount(c.rental)}</td>
              <td className="num strong">{formatCount(c.units)}</td>
              <td className="num">{formatCount(c.capacity)}</td>
              <td className="num">{formatCount(c.peak)}</td>
              <td>
                <StateBadge state={c.state} />
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">Units total</th>
            <td colSpan={3} />
            <td className="num strong">{formatCount(sp.units.used)}</td>
            <td className="num">{formatCount(sp.units.capacity)}</td>
            <td />
            <td>
              <StateBadge state={sp.units.state} />
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
