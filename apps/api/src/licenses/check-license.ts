/**
 * What a license must satisfy before it is stored, as `vcc import` checks a scenario
 * (packages/rules/src/scenario/validate.ts): real dates with validTo not before validFrom, counts that
 * are non-negative integers, and only the capacity keys that the license type and the SP's ruleset
 * give meaning to. A misplaced license (R-SP-PLACEMENT) is accepted: the report flags it.
 */
import { COUNTERS, type LicenseType, type RulesetId } from '@vcc/rules';
import type { InputProblems } from '../input-problems.js';
import type { LicenseCapacityInput } from '../schema/licenses/license.inputs.js';

/** The GraphQL capacity fields and the scenario's names for them. */
const CAPACITY_FIELDS = {
  vmBackup: 'vm-backup',
  vmReplica: 'vm-replica',
  server: 'server',
  workstation: 'workstation',
  points: 'points',
  instances: 'instances',
} as const;
type CapacityField = keyof typeof CAPACITY_FIELDS;

/**
 * Mirrors `capacityKeysFor` of the scenario validator, which @vcc/rules does not export: tenant
 * licenses count instances; an SP license counts per counter (vbr-9.5) or in points (vcsp-points).
 */
export function capacityKeysFor(type: LicenseType, ruleset: RulesetId): readonly string[] {
  if (type !== 'cloud-connect-sp') return ['instances'];
  return ruleset === 'vbr-9.5' ? COUNTERS : ['points'];
}

export interface LicenseFields {
  type: LicenseType;
  validFrom: string;
  validTo: string | null;
  capacity: LicenseCapacityInput;
}

/** `paths` names where each field came from in the caller's input, for the error paths. */
export function checkLicense(
  problems: InputProblems,
  license: LicenseFields,
  ruleset: RulesetId,
  paths: { validFrom: string; validTo: string; capacity: string },
): void {
  const fromOk = problems.date(license.validFrom, paths.validFrom);
  const toOk = problems.date(license.validTo, paths.validTo);
  if (fromOk && toOk && license.validTo! < license.validFrom)
    problems.add(paths.validTo, `validTo ${license.validTo} is before validFrom ${license.validFrom}`);

  const allowed = capacityKeysFor(license.type, ruleset);
  for (const [field, key] of Object.entries(CAPACITY_FIELDS) as [CapacityField, string][]) {
    const value = license.capacity[field];
    if (value === undefined || value === null) continue;
    const path = `${paths.capacity}.${field}`;
    problems.count(value, path);
    if (!allowed.includes(key)) {
      const what =
        license.type === 'cloud-connect-sp'
          ? `a cloud-connect-sp license under ruleset ${ruleset}`
          : `a ${license.type} license (a tenant license counts instances)`;
      const use = Object.entries(CAPACITY_FIELDS)
        .filter(([, k]) => allowed.includes(k))
        .map(([f]) => f)
        .join(', ');
      problems.add(path, `${field} does not apply to ${what}; use ${use}`);
    }
  }
}

export function capacityColumns(c: LicenseCapacityInput) {
  return {
    capVmBackup: c.vmBackup ?? null,
    capVmReplica: c.vmReplica ?? null,
    capServer: c.server ?? null,
    capWorkstation: c.workstation ?? null,
    capPoints: c.points ?? null,
    capInstances: c.instances ?? null,
  };
}
