/** Calendar arithmetic in UTC. Days are counted from the Unix epoch; months are `YYYY-MM`. */

export const DAY_MS = 86_400_000;

export function dayIndex(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

export function parseMonth(month: string): { year: number; month: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

export function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

export function monthStart(month: string): number {
  const { year, month: m } = parseMonth(month);
  return Date.UTC(year, m - 1, 1);
}

export function addMonths(month: string, delta: number): string {
  const { year, month: m } = parseMonth(month);
  return monthOf(Date.UTC(year, m - 1 + delta, 1));
}

export function daysInMonth(month: string): number {
  const { year, month: m } = parseMonth(month);
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
}

/** Epoch day of a `YYYY-MM-DD` date. */
export function dateDay(date: string): number {
  return dayIndex(Date.parse(`${date}T00:00:00Z`));
}

export function dayToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Months from `from` to `to`, both included. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/**
 * A month as a number (year × 12 + month − 1), so the engine's hot loop compares months with integer
 * arithmetic instead of strings. Parses `YYYY-MM` by character codes: it runs once per activity fact.
 */
export function monthIndex(month: string): number {
  const year =
    (month.charCodeAt(0) - 48) * 1000 +
    (month.charCodeAt(1) - 48) * 100 +
    (month.charCodeAt(2) - 48) * 10 +
    (month.charCodeAt(3) - 48);
  return year * 12 + (month.charCodeAt(5) - 48) * 10 + (month.charCodeAt(6) - 48) - 1;
}

/** The `YYYY-MM` of a month index. */
export function monthOfIndex(index: number): string {
  const year = Math.floor(index / 12);
  const m = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}`;
}

/** Epoch day of the 1st of a month index. */
export function monthIndexStartDay(index: number): number {
  const year = Math.floor(index / 12);
  return dayIndex(Date.UTC(year, index - year * 12, 1));
}
