/** Parsing a `vcc-scenario/1` file: all or nothing, with every problem listed by JSON path. */
import { formatScenarioPath, type ScenarioError } from './errors.js';
import { issuesToErrors, scenarioErrorMap } from './issues.js';
import { jsonErrorOffset, lineColumn } from './json-position.js';
import { type Scenario, scenarioSchema } from './schema.js';
import { validateScenario } from './validate.js';

export type ScenarioParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

function unique(errors: readonly ScenarioError[]): ScenarioError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Checks a value (such as `JSON.parse` gives) against `vcc-scenario/1`. Never throws. */
export function parseScenario(input: unknown): ScenarioParseResult {
  try {
    const result = scenarioSchema.safeParse(input, { reportInput: true, error: scenarioErrorMap });
    const errors = unique([
      ...(result.success ? [] : issuesToErrors(result.error.issues)),
      ...validateScenario(input),
    ]);
    if (errors.length > 0 || !result.success) return { ok: false, errors };
    return { ok: true, scenario: result.data };
  } catch (e) {
    return { ok: false, errors: [{ path: '$', message: `could not read the scenario: ${String(e)}` }] };
  }
}

/** Parses the text of a scenario file; invalid JSON is one error at `$` saying where. Never throws. */
export function parseScenarioText(text: string): ScenarioParseResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e))
      .replace(/ (?:in JSON )?at position \d+.*$/s, '')
      .replace(/, ".*" is not valid JSON$/s, '');
    const offset = jsonErrorOffset(body) ?? Number(/position (\d+)/.exec(String(e))?.[1] ?? body.length);
    const { line, column } = lineColumn(body, offset);
    const where = offset >= body.length ? 'at the end of the text' : `at line ${line}, column ${column}`;
    return {
      ok: false,
      errors: [{ path: formatScenarioPath([]), message: `invalid JSON ${where}: ${reason}` }],
    };
  }
  return parseScenario(value);
}
