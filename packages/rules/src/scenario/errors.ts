/** The error type of scenario parsing, JSON paths, and the one-line-per-error text form. */

/** One problem of a scenario file: where (a JSON path such as `$.tenants[0].restorePoints[3].at`) and what. */
export interface ScenarioError {
  path: string;
  message: string;
}

export type ScenarioPath = readonly PropertyKey[];

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['tenants', 0, 'plan', 'vm-backup']` → `$.tenants[0].plan["vm-backup"]`. */
export function formatScenarioPath(path: ScenarioPath): string {
  let out = '$';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'symbol') out += `[${String(segment)}]`;
    else if (IDENTIFIER.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

export function scenarioError(path: ScenarioPath, message: string): ScenarioError {
  return { path: formatScenarioPath(path), message };
}

/** One line per error, `path: message`. */
export function formatScenarioErrors(errors: readonly ScenarioError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}

/** Describes a JSON value for a message: strings quoted (and shortened), containers by kind. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(shown);
  }
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'bigint') return `${value}n`;
  return String(value);
}

/** `["a", "b"]` → `"a", "b"`. */
export function showList(values: readonly string[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}
