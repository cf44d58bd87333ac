import { parseMonth } from '@vcc/rules';
import { badInput } from '../../errors.js';

/** A `YYYY-MM` argument, or BAD_USER_INPUT naming it. */
export function parseMonthArg(value: string, path: string): string {
  try {
    // From 2000 on, as restore points are: earlier years would read as 19xx in Date.UTC.
    const { year, month } = parseMonth(value);
    if (year >= 2000 && month >= 1 && month <= 12) return value;
  } catch {
    // reported below
  }
  throw badInput([{ path, message: `expected a month YYYY-MM, got ${JSON.stringify(value.slice(0, 40))}` }]);
}
