/** Months are `YYYY-MM` in UTC, as in the API and the reports (docs/licensing-rules.md "Month"). */
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function currentMonth(now: Date = new Date()): string {
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH_RE.test(value);
}

/** The `?month=` of a page, or the current month when absent or malformed. */
export function monthParam(raw: string | string[] | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return isMonth(value) ? value : currentMonth();
}

export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `count` months ending with `last`, oldest first. */
export function monthsEndingAt(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1));
}

const LONG = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT = new Intl.DateTimeFormat('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' });

function toDate(month: string): Date {
  return new Date(`${month}-01T00:00:00Z`);
}

/** "November 2026" */
export function monthLabel(month: string): string {
  return LONG.format(toDate(month));
}

/** "Nov 26", for chart axes. */
export function monthShortLabel(month: string): string {
  return SHORT.format(toDate(month));
}
