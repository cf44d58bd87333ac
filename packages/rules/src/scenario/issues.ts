/** Turns zod issues of the scenario schema into `ScenarioError`s a person can act on. */
import { z } from 'zod';
import { type ScenarioError, type ScenarioPath, scenarioError, showList, showValue } from './errors.js';
import { SCENARIO_FORMAT, scenarioSchema } from './schema.js';

const NOUNS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
};

/** The keys the schema allows in the object at `path` (array indices and wrappers followed), if any. */
function allowedKeysAt(path: ScenarioPath): string[] | null {
  let schema: z.ZodType = scenarioSchema;
  for (const segment of path) {
    while (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault)
      schema = schema.unwrap() as z.ZodType;
    if (schema instanceof z.ZodArray && typeof segment === 'number') schema = schema.element as z.ZodType;
    else if (schema instanceof z.ZodObject && typeof segment === 'string') {
      const next = (schema.shape as Record<string, z.ZodType>)[segment];
      if (!next) return null;
      schema = next;
    } else return null;
  }
  while (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault)
    schema = schema.unwrap() as z.ZodType;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape as object) : null;
}

type SizeIssue =
  | { code: 'too_small'; origin: string; minimum: number | bigint }
  | { code: 'too_big'; origin: string; maximum: number | bigint };

function sizeMessage(issue: SizeIssue, input: unknown): string {
  const small = issue.code === 'too_small';
  const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
  if (issue.origin === 'string') {
    if (small && Number(bound) === 1) return 'must not be empty';
    const length = typeof input === 'string' ? ` (${input.length} characters)` : '';
    return small
      ? `too short${length}; at least ${bound} characters`
      : `too long${length}; at most ${bound} characters`;
  }
  if (issue.origin === 'array')
    return small ? `must hold at least ${bound} items` : `must hold at most ${bound} items`;
  if (!small && Math.abs(Number(bound)) >= Number.MAX_SAFE_INTEGER) return `${showValue(input)} is too large`;
  return `must be ${small ? 'at least' : 'at most'} ${bound}, got ${showValue(input)}`;
}

/**
 * Messages for the issues the schema does not word itself (wrong type, missing key, out of range...).
 * Passed to `safeParse` as its error map, so a schema's own messages take precedence.
 */
export const scenarioErrorMap: z.core.$ZodErrorMap = (issue) => {
  const input = issue.input;
  switch (issue.code) {
    case 'invalid_type': {
      const noun = NOUNS[issue.expected] ?? issue.expected;
      if (input === undefined) return `missing; expected ${noun}`;
      return `expected ${noun}, got ${showValue(input)}`;
    }
    case 'too_small':
    case 'too_big':
      return sizeMessage(issue, input);
    case 'invalid_value':
      return `expected ${issue.values.length === 1 ? '' : 'one of '}${showList(issue.values.map(String))}, got ${showValue(input)}`;
    default:
      return undefined;
  }
};

/** One error per issue, and one per unknown key (at the key's own path). */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[]): ScenarioError[] {
  const errors: ScenarioError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeysAt(issue.path);
      const hint = allowed ? ` (allowed: ${allowed.join(', ')})` : '';
      for (const key of issue.keys)
        errors.push(scenarioError([...issue.path, key], `unknown key ${JSON.stringify(key)}${hint}`));
    } else if (issue.path.length === 0 && issue.code === 'invalid_type') {
      errors.push(
        scenarioError(
          [],
          `expected a JSON object (a ${SCENARIO_FORMAT} scenario), got ${showValue(issue.input)}`,
        ),
      );
    } else {
      errors.push(scenarioError(issue.path, issue.message));
    }
  }
  return errors;
}
