import {
  evaluate,
  formatScenarioErrors,
  parseScenarioText,
  scenarioMonths,
  scenarioToFacts,
} from '@vcc/rules';
import { CliError, readUserFile } from '../io.js';

/** `vcc evaluate FILE`: the vcc-report/1 of a scenario on stdout; no database. */
export function evaluateCommand(file: string): void {
  const parsed = parseScenarioText(readUserFile(file));
  if (!parsed.ok)
    throw new CliError(`${file} is not a valid vcc-scenario/1:\n${formatScenarioErrors(parsed.errors)}`);
  const report = evaluate(scenarioToFacts(parsed.scenario), scenarioMonths(parsed.scenario));
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}
