/**
 * The scalar formats of `vcc-scenario/1`: calendar dates, months, UTC times and build numbers.
 * Pure predicates and converters, shared by the schema, the cross-checks and the conversion to facts.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;
const VERSION_RE = /^\d{1,9}(?:\.\d{1,9})*$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Years a scenario may name: from the Unix epoch on. Earlier years have no use here, and some cannot
 * be stored (PostgreSQL has no year 0) or computed with (Date.UTC reads years 0–99 as 1900–1999).
 */
const MIN_YEAR = 1970;

function isRealDate(year: number, month: number, day: number): boolean {
  return year >= MIN_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

/** `YYYY-MM-DD` naming a day that exists (2028-02-29 yes, 2026-02-30 no), from 1970 on. */
export function isScenarioDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** `YYYY-MM` with a month 01 to 12, from 1970 on. */
export function isScenarioMonth(value: string): boolean {
  return MONTH_RE.test(value) && Number(value.slice(0, 4)) >= MIN_YEAR;
}

/** A VBR or agent build number: dot-separated decimal parts, such as `9.5.0.1536` or `2.1`. */
export function isScenarioVersion(value: string): boolean {
  return VERSION_RE.test(value);
}

/**
 * UTC milliseconds of an ISO 8601 UTC time `YYYY-MM-DDTHH:MM:SS[.fraction]Z`, or `null` when the text
 * is not one or names no real instant (month 13, 30 February, hour 24...).
 *
 * Fractions finer than a millisecond are dropped, except that a time just after midnight
 * (00:00:00.0001Z) becomes 00:00:00.001Z rather than midnight: whether a restore point fell exactly at
 * midnight matters to the 31-day window (see `lateDays` in facts.ts), and nothing else finer than a
 * day does.
 */
export function scenarioTimeMs(value: string): number | null {
  const m = TIME_RE.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  const fraction = m[7] ?? '';
  const millis = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const finer = /[1-9]/.test(fraction.slice(3));
  // Date.parse is exact for this normalised form (the ECMAScript date time string format).
  const base = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z`);
  if (Number.isNaN(base)) return null;
  const ms = base + millis;
  return finer && ms % 86_400_000 === 0 ? ms + 1 : ms;
}

/** Whether `value` is a time `scenarioTimeMs` accepts. */
export function isScenarioTime(value: string): boolean {
  return scenarioTimeMs(value) !== null;
}
