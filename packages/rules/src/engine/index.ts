export {
  type EvaluateOptions,
  evaluate,
  evaluateMonthIncrementally,
  type MonthEvaluation,
  PreparedEstate,
  type TenantPart,
} from './evaluate.js';
export { RULE_IDS, type RuleId } from './rule-ids.js';
export { getRuleset, RULESET_REGISTRY } from './rulesets/registry.js';
export type { ExceedPolicy, RentalGates, Ruleset } from './rulesets/types.js';
export { compareVersions } from './versions.js';
