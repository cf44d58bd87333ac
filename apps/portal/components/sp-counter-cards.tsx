import { formatCount, percentOf } from '@/lib/format';
import type { SpCounter } from '@/lib/graphql/operations/license-report';
import { COUNTER_LABEL } from '@/lib/labels';
import { StateBadge } from './state-badge';
import { UsageMeter } from './usage-meter';

/** One card per SP Cloud Connect counter: used against capacity, the month's figures and state. */
export function SpCounterCards({ counters }: { counters: readonly SpCounter[] }) {
  return (
    <ul className="stat-grid" aria-label="SP license counters">
      {counters.map((c) => {
        const percent = percentOf(c.used, c.capacity);
        return (
          <li key={c.counter} className="card stat" data-counter={c.counter}>
            <div className="stat__head">
              <h3 className="stat__title">{COUNTER_LABEL[c.counter]}</h3>
              <StateBadge state={c.state} />
            </div>
            <p className="stat__value">
              <span data-field="used">{formatCount(c.used)}</span>
              <span className="stat__of">
                {' '}
                / {c.capacity == null ? 'not licensed' : formatCount(c.capacity)}
              </span>
            </p>
            <UsageMeter used={c.used} capacity={c.capacity} state={c.state} />
            <p className="stat__caption muted">
              {percent === null ? 'No capacity' : `${percent}% of capacity used`}
            </p>
            <dl className="stat__figures">
              <div>
                <dt>New</dt>
                <dd data-field="new">{formatCount(c.new)}</dd>
              </div>
              <div>
                <dt>Rental</dt>
                <dd data-field="rental">{formatCount(c.rental)}</dd>
              </div>
              <div>
                <dt>Peak</dt>
                <dd data-field="peak">{formatCount(c.peak)}</dd>
              </div>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
