import Link from 'next/link';
import { addMonths, currentMonth, monthLabel, monthsEndingAt } from '@/lib/month';

interface Props {
  month: string;
  /** The page's path; the picker only changes `month` and keeps `keep` (e.g. filters). */
  path: string;
  keep?: Record<string, string | undefined>;
}

const CHOICES = 24;

function href(path: string, month: string, keep: Props['keep']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(keep ?? {})) if (value) params.set(key, value);
  params.set('month', month);
  return `${path}?${params}`;
}

/**
 * Previous/next links plus a select. The select sits in a plain GET form with a real submit button,
 * so it works without JavaScript and from the keyboard (no navigation on mere arrow-key change).
 */
export function MonthPicker({ month, path, keep }: Props) {
  const latest = currentMonth();
  const choices = monthsEndingAt(latest, CHOICES).reverse();
  if (!choices.includes(month)) choices.unshift(month);
  const prev = addMonths(month, -1);
  const next = addMonths(month, 1);

  return (
    <div className="month-picker">
      <Link
        className="button button--secondary"
        href={href(path, prev, keep)}
        aria-label={`Previous month, ${monthLabel(prev)}`}
      >
        <span aria-hidden="true">‹</span>
      </Link>
      <form className="month-picker__form" action={path} method="get">
        {Object.entries(keep ?? {}).map(([key, value]) =>
          value ? <input key={key} type="hidden" name={key} value={value} /> : null,
        )}
        <label className="visually-hidden" htmlFor="month-select">
          Month
        </label>
        <select id="month-select" name="month" defaultValue={month} className="select">
          {choices.map((m) => (
            <option key={m} value={m}>
              {monthLabel(m)}
            </option>
          ))}
        </select>
        <button className="button button--secondary" type="submit">
          Show
        </button>
      </form>
      {month < latest ? (
        <Link
          className="button button--secondary"
          href={href(path, next, keep)}
          aria-label={`Next month, ${monthLabel(next)}`}
        >
          <span aria-hidden="true">›</span>
        </Link>
      ) : (
        // No future months: usage is reported after the fact. A placeholder keeps the layout steady.
        <span className="button button--secondary button--disabled" aria-hidden="true">
          ›
        </span>
      )}
    </div>
  );
}
