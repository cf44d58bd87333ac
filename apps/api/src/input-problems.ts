/**
 * Collects every problem of an input before answering, so that a caller fixes them all in one go;
 * each is reported at its argument path (e.g. `input.capacity.points`) as BAD_USER_INPUT.
 */
import { isScenarioDate, isScenarioVersion } from '@vcc/rules';
import { badInput } from './errors.js';

/** The scenario format's limits (vcc-scenario/1), so that what the API stores can be exported as one. */
export const ID_MAX_LENGTH = 200;
export const NAME_MAX_LENGTH = 200;

export class InputProblems {
  private readonly problems: { path: string; message: string }[] = [];

  add(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  /** An external id or a name: 1 to 200 characters, not blank. */
  text(value: string | undefined | null, path: string, max = ID_MAX_LENGTH): void {
    if (value === undefined || value === null) return;
    if (value.trim().length === 0) this.add(path, 'must not be empty');
    else if (value.length > max) this.add(path, `must be at most ${max} characters`);
  }

  /** A count: a non-negative integer (GraphQL's Int already refuses fractions). */
  count(value: number | undefined | null, path: string): void {
    if (value === undefined || value === null) return;
    if (!Number.isInteger(value) || value < 0) this.add(path, `must be a non-negative integer, got ${value}`);
  }

  /** A calendar date `YYYY-MM-DD` naming a day that exists; returns whether it is one. */
  date(value: string | undefined | null, path: string): boolean {
    if (value === undefined || value === null) return false;
    if (isScenarioDate(value)) return true;
    this.add(path, `expected a real date YYYY-MM-DD, got ${JSON.stringify(value.slice(0, 40))}`);
    return false;
  }

  /** A VBR build number such as `9.5.0.1536`. */
  version(value: string | undefined | null, path: string): void {
    if (value === undefined || value === null) return;
    if (!isScenarioVersion(value))
      this.add(path, `expected a build number such as 9.5.0.1536, got ${JSON.stringify(value.slice(0, 40))}`);
  }

  /** Throws BAD_USER_INPUT listing every problem, if there is any. */
  check(): void {
    if (this.problems.length > 0) throw badInput(this.problems);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id this API gave out (a UUID), or BAD_USER_INPUT: the database would refuse it less politely. */
export function requireUuid(value: string, path: string): string {
  if (!UUID.test(value)) throw badInput([{ path, message: 'not an id this API gave out' }]);
  return value;
}
