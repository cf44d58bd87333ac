export {
  formatScenarioErrors,
  formatScenarioPath,
  type ScenarioError,
} from './errors.js';
export {
  isScenarioDate,
  isScenarioMonth,
  isScenarioTime,
  isScenarioVersion,
  scenarioTimeMs,
} from './formats.js';
export { parseScenario, parseScenarioText, type ScenarioParseResult } from './parse.js';
export {
  SCENARIO_FORMAT,
  type Scenario,
  type ScenarioBackupServer,
  type ScenarioInput,
  type ScenarioLicense,
  type ScenarioMachine,
  type ScenarioRestorePoint,
  type ScenarioServiceProvider,
  type ScenarioTenant,
  scenarioSchema,
} from './schema.js';
export { scenarioMonths, scenarioToFacts } from './to-facts.js';
export { validateScenario } from './validate.js';
