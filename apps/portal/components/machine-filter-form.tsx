import Link from 'next/link';
import {
  COUNTER_FILTER_LABEL,
  COUNTER_FILTERS,
  isFiltered,
  type MachineFilter,
  STATUS_FILTERS,
} from '@/lib/machine-filter';

/** A GET form: filters live in the URL, so they can be bookmarked and shared, and need no JS. */
export function MachineFilterForm({
  path,
  month,
  filter,
}: {
  path: string;
  month: string;
  filter: MachineFilter;
}) {
  return (
    <form className="filters" action={path} method="get" aria-label="Filter machines">
      <input type="hidden" name="month" value={month} />
      <div className="field field--inline">
        <label htmlFor="filter-counter">Counter</label>
        <select id="filter-counter" name="counter" defaultValue={filter.counter ?? ''} className="select">
          <option value="">All counters</option>
          {COUNTER_FILTERS.map((c) => (
            <option key={c} value={c}>
              {COUNTER_FILTER_LABEL[c]}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--inline">
        <label htmlFor="filter-status">Status</label>
        <select id="filter-status" name="status" defaultValue={filter.status ?? ''} className="select">
          <option value="">Any status</option>
          {STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {s[0]!.toUpperCase() + s.slice(1)}
            </option>
          ))}
        </select>
      </div>
      <button className="button" type="submit">
        Apply
      </button>
      {isFiltered(filter) && (
        <Link className="link-button" href={`${path}?month=${month}`}>
          Clear filters
        </Link>
      )}
    </form>
  );
}
