/**
 * The zod schema of `vcc-scenario/1` (docs/contracts.md §1): the shape and scalar formats of a file.
 * Cross-references (unknown machine, duplicate id...) are checked by validate.ts.
 *
 * Unknown top-level keys are dropped (the shared example files carry an `expect` block); unknown keys
 * in any nested object are errors. Ids and times are kept exactly as written.
 */
import { z } from 'zod';
import { AGENT_OSES, LICENSE_TYPES, MACHINE_KINDS, OPERATIONS, RULESETS } from '../model.js';
import { showList as list, showValue as show } from './errors.js';
import { isScenarioDate, isScenarioMonth, isScenarioTime, isScenarioVersion } from './formats.js';

export const SCENARIO_FORMAT = 'vcc-scenario/1';

export const ID_MAX_LENGTH = 200;
export const NAME_MAX_LENGTH = 200;

/** A string enum whose error names what was expected, e.g. `unknown operation "x" (expected one of ...)`. */
function oneOf<const T extends readonly [string, ...string[]]>(values: T, noun: string) {
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? `missing; expected a ${noun}, one of ${list(values)}`
        : typeof issue.input === 'string'
          ? `unknown ${noun} ${show(issue.input)} (expected one of ${list(values)})`
          : `expected a ${noun} (one of ${list(values)}), got ${show(issue.input)}`,
  });
}

/** A string in a given format; `example` shows the reader what is wanted. */
function formatted(test: (value: string) => boolean, what: string, example: string) {
  const error = (issue: { input?: unknown }) =>
    issue.input === undefined
      ? `missing; expected ${what} such as ${example}`
      : `expected ${what} such as ${example}, got ${show(issue.input)}`;
  return z.string({ error }).refine(test, { error });
}

/** NUL or an unpaired UTF-16 surrogate: not text any store can keep (PostgreSQL refuses both). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what is refused here.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((value) => !UNSTORABLE.test(value), {
      error: 'holds a character that cannot be stored (NUL or an unpaired surrogate)',
    });

const id = text(ID_MAX_LENGTH);
const name = text(NAME_MAX_LENGTH);
/** Counts are stored as 32-bit integers. */
export const MAX_COUNT = 2_147_483_647;
const count = z.int().min(0).max(MAX_COUNT);

export const scenarioDate = formatted(isScenarioDate, 'a real calendar date YYYY-MM-DD', '2026-10-01');
export const scenarioMonth = formatted(isScenarioMonth, 'a month YYYY-MM (01 to 12)', '2026-10');
export const scenarioTime = formatted(isScenarioTime, 'an ISO 8601 UTC time', '2026-10-02T01:00:00Z');
export const scenarioVersion = formatted(isScenarioVersion, 'a dotted build number', '9.5.0.1536');

export const capacitySchema = z.strictObject({
  'vm-backup': count.optional(),
  'vm-replica': count.optional(),
  server: count.optional(),
  workstation: count.optional(),
  points: count.optional(),
  instances: count.optional(),
});

export const licenseSchema = z.strictObject({
  id,
  type: oneOf(LICENSE_TYPES, 'license type'),
  validFrom: scenarioDate,
  validTo: scenarioDate.optional(),
  capacity: capacitySchema,
});

export const backupServerSchema = z.strictObject({
  id,
  version: scenarioVersion,
  licenses: z.array(licenseSchema).default([]),
});

export const planSchema = z.strictObject({
  'vm-backup': count,
  'vm-replica': count,
  server: count,
  workstation: count,
  vms: count,
});

export const agentSchema = z.strictObject({
  os: oneOf(AGENT_OSES, 'agent OS'),
  version: scenarioVersion,
});

/** `agent` is required for `server` and `workstation` and forbidden for `vm` (checked in validate.ts). */
export const machineSchema = z.strictObject({
  id,
  kind: oneOf(MACHINE_KINDS, 'machine kind'),
  agent: agentSchema.optional(),
});

export const restorePointSchema = z.strictObject({
  machine: id,
  server: id,
  operation: oneOf(OPERATIONS, 'operation'),
  at: scenarioTime,
});

export const tenantSchema = z.strictObject({
  id,
  name,
  enabled: z.boolean(),
  managedBySp: z.boolean(),
  plan: planSchema,
  backupServers: z.array(backupServerSchema).default([]),
  machines: z.array(machineSchema).default([]),
  restorePoints: z.array(restorePointSchema).default([]),
});

export const serviceProviderSchema = z.strictObject({
  id,
  name,
  backupServers: z.array(backupServerSchema).default([]),
});

export const scenarioSchema = z.object({
  format: z.literal(SCENARIO_FORMAT, {
    error: (issue) =>
      issue.input === undefined
        ? `missing; a scenario file starts with "format": "${SCENARIO_FORMAT}"`
        : `unsupported format ${show(issue.input)} (expected "${SCENARIO_FORMAT}")`,
  }),
  ruleset: oneOf(RULESETS, 'ruleset'),
  months: z
    .array(scenarioMonth)
    .min(1, {
      error:
        'must list at least one month, or be left out (then every month with restore points is reported)',
    })
    .optional(),
  serviceProvider: serviceProviderSchema,
  tenants: z.array(tenantSchema),
});

/** A parsed scenario: what the file says, ids and times as written, absent lists as `[]`. */
export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioServiceProvider = Scenario['serviceProvider'];
export type ScenarioTenant = z.output<typeof tenantSchema>;
export type ScenarioBackupServer = z.output<typeof backupServerSchema>;
export type ScenarioLicense = z.output<typeof licenseSchema>;
export type ScenarioMachine = z.output<typeof machineSchema>;
export type ScenarioRestorePoint = z.output<typeof restorePointSchema>;
/** What a scenario file may hold before defaults (lists that may be left out). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
