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
    while (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) schema = schema.unwrap() as z.ZodType;
    if (schema instanceof z.ZodArray && typeof segment === 'number') schema = schema.element as z.ZodType;
    else if (schema instanceof z.ZodObject && typeof segment === 'string') {
      const next = (schema.shape as Record<string, z.ZodType>)[segment];
      if (!next) return null;
      schema = next;
    } else return null;
  }
  while (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) schema = schema.unwrap() as z.ZodType;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape as object) : null;
}

function sizeMessage(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall, input: unknown): string {
  const small = issue.code === 'too_small';
  const bound = small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum;
  if (issue.origin === 'string') {
    if (small && Number(bound) === 1) return 'must not be empty';
    const length = typeof input === 'string' ? ` (${input.length} characters)` : '';
    return small ? `too short${length}; at least ${bound} characters` : `too long${length}; at most ${bound} characters`;
  }
  if (issue.origin === 'array') return small ? `must hold at least ${bound} items` : `must hold at most ${bound} items`;
  if (!small && Math.abs(Number(bound)) >= Number.MAX_SAFE_INTEGER) return `${showValue(input)} is too large`;
  return `must be ${small ? 'at least' : 'at most'} ${bound}, got ${showValue(input)}`;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  const input = issue.input;
  switch (issue.code) {
    case 'invalid_type': {
      const noun = NOUNS[issue.expected] ?? issue.expected;
      if (issue.path.length === 0) return `expected a JSON object (a ${SCENARIO_FORMAT} scenario), got ${showValue(input)}`;
      if (input === undefined && !('received' in issue)) return `missing; expected ${noun}`;
      const received = 'received' in issue && typeof issue.received === 'string' ? issue.received : showValue(input);
      return `expected ${noun}, got ${received}`;
    }
    case 'too_small':
    case 'too_big':
      return sizeMessage(issue, input);
    case 'invalid_value':
      return `expected ${issue.values.length === 1 ? '' : 'one of '}${showList(issue.values.map(String))}, got ${showValue(input)}`;
    default:
      return issue.message;
  }
}

/** One error per issue, and one per unknown key (at the key's own path). */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[]): ScenarioError[] {
  const errors: ScenarioError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeysAt(issue.path);
      const hint = allowed ? ` (allowed: ${allowed.join(', ')})` : '';
      for (const key of issue.keys) errors.push(scenarioError([...issue.path, key], `unknown key ${JSON.stringify(key)}${hint}`));
    } else {
      errors.push(scenarioError(issue.path, issueMessage(issue)));
    }
  }
  return errors;
}
