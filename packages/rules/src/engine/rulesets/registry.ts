/** The rulesets the engine knows, by id. A new ruleset: one module and one line here. */
import type { RulesetId } from '../../model.js';
import type { Ruleset } from './types.js';
import { vbr95 } from './vbr-9-5.js';
import { vcspPoints } from './vcsp-points.js';

export const RULESET_REGISTRY: Readonly<Record<RulesetId, Ruleset>> = {
  'vbr-9.5': vbr95,
  'vcsp-points': vcspPoints,
};

export function getRuleset(id: RulesetId): Ruleset {
  const r = (RULESET_REGISTRY as Partial<Record<string, Ruleset>>)[id];
  if (!r) throw new RangeError(`unknown ruleset: ${id}`);
  return r;
}
