/** The vocabulary of docs/licensing-rules.md, shared by every part of the engine. */

export const RULESETS = ['vbr-9.5', 'vcsp-points'] as const;
export type RulesetId = (typeof RULESETS)[number];

export const COUNTERS = ['vm-backup', 'vm-replica', 'server', 'workstation'] as const;
export type Counter = (typeof COUNTERS)[number];

export const MACHINE_KINDS = ['vm', 'server', 'workstation'] as const;
export type MachineKind = (typeof MACHINE_KINDS)[number];

export const AGENT_OSES = ['windows', 'linux'] as const;
export type AgentOs = (typeof AGENT_OSES)[number];

export const OPERATIONS = [
  'cloud-backup',
  'cloud-backup-copy',
  'cloud-replica',
  'local-backup',
  'local-backup-copy',
  'local-replica',
] as const;
export type Operation = (typeof OPERATIONS)[number];

/**
 * What the engine needs to know of an operation. Backups and backup copies to the cloud feed the same
 * counters (R-CC-COUNTERS); every local operation only feeds the tenant's own license (R-TENANT-USAGE).
 */
export const OP_CLASSES = ['cloud-backup', 'cloud-replica', 'local'] as const;
export type OpClass = (typeof OP_CLASSES)[number];

export function opClassOf(operation: Operation): OpClass {
  switch (operation) {
    case 'cloud-backup':
    case 'cloud-backup-copy':
      return 'cloud-backup';
    case 'cloud-replica':
      return 'cloud-replica';
    default:
      return 'local';
  }
}

export const LICENSE_TYPES = [
  'cloud-connect-sp',
  'perpetual',
  'subscription',
  'rental',
  'hosting',
  'evaluation',
  'nfr',
  'free',
] as const;
export type LicenseType = (typeof LICENSE_TYPES)[number];

/** License capacity keys: per counter on an SP license (vbr-9.5), points (vcsp-points), instances (tenant). */
export type Capacity = Partial<Record<Counter | 'points' | 'instances', number>>;

export const STATES = ['ok', 'grace', 'exceeded', 'unlicensed'] as const;
export type State = (typeof STATES)[number];

export const SEVERITIES = ['info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type ChargeStatus = 'used' | 'new' | 'rental';
