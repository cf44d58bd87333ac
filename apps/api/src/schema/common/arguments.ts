import { parseMonth } from '@vcc/rules';
import { badInput } from '../../errors.js';

/** A `YYYY-MM` argument, or BAD_USER_INPUT naming it. */
export function parseMonthArg(value: string, path: string): string {
  try {
    const { month } = parseMonth(value);
    if (month >= 1 && month <= 12) return value;
  } catch {
    // reported below
  }
  throw badInput([{ path, message: `expected a month YYYY-MM, got ${JSON.stringify(value.slice(0, 40))}` }]);
}
