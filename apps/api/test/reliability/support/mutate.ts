/** Mutations of a valid JSON value: one position replaced by a bad value, left out, or given an unknown field. */
import fc from 'fast-check';
import { badValue } from './bad-values.js';

type Path = (string | number)[];

/** Every position in a JSON value: leaves and containers. */
export function paths(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = prefix.length ? [prefix] : [];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) out.push(...paths(v, [...prefix, i]));
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

export type Change =
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'drop'; at: number }
  | { kind: 'add'; at: number };

export function applyChanges(variables: Record<string, unknown>, changes: Change[]): Record<string, unknown> {
  const copy = structuredClone(variables);
  for (const change of changes) {
    const all = paths(copy);
    if (all.length === 0) return copy;
    const path = all[change.at % all.length]!;
    let parent: Record<string | number, unknown> = copy;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    // A copy: a generated value may be set twice, and setting it inside itself would make a cycle.
    if (change.kind === 'set') parent[last] = structuredClone(change.value);
    else if (change.kind === 'drop') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else if (parent[last] && typeof parent[last] === 'object' && !Array.isArray(parent[last]))
      (parent[last] as Record<string, unknown>).unexpectedField = 'x';
  }
  return copy;
}

export const change: fc.Arbitrary<Change> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: badValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('add' as const), at: fc.nat() }) },
);
