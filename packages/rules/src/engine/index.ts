export {
  type EvaluateOptions,
  evaluate,
  evaluateMonthIncrementally,
  fromPortablePart,
  type MonthEvaluation,
  type PortableTenantPart,
  PreparedEstate,
  type TenantPart,
  toPortablePart,
} from './evaluate.js';
export { RULE_IDS, type RuleId } from './rule-ids.js';
export { getRuleset, RULESET_REGISTRY } from './rulesets/registry.js';
export type { ExceedPolicy, RentalGates, Ruleset } from './rulesets/types.js';
export { compareVersions } from './versions.js';
