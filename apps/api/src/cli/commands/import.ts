import { importScenario } from '@vcc/db';
import { formatScenarioErrors, parseScenarioText } from '@vcc/rules';
import { withDatabase } from '../database.js';
import { CliError, info, readUserFile } from '../io.js';

/** `vcc import FILE`: validates the scenario whole, then loads it in one transaction. */
export async function importCommand(file: string): Promise<void> {
  const parsed = parseScenarioText(readUserFile(file));
  if (!parsed.ok)
    throw new CliError(
      `${file} is not a valid vcc-scenario/1; nothing was imported:\n${formatScenarioErrors(parsed.errors)}`,
    );
  const summary = await withDatabase((handle) => importScenario(handle.db, parsed.scenario));
  info(
    `imported ${file}: service provider ${summary.serviceProvider}, ${summary.tenants} tenants, ${summary.machines} machines, ` +
      `${summary.restorePoints.inserted} new restore points (${summary.restorePoints.duplicates} already stored), ` +
      `${summary.changed} configuration rows added or changed`,
  );
}
