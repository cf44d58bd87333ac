/**
 * The engine's input: an estate described by compact per-machine facts rather than raw restore points,
 * so that the database can feed it from rollups (one row per machine, server, operation class and
 * month) at SP scale, and `vcc evaluate` feeds it from a scenario file through the very same rollup
 * (see activity.ts). Times are UTC milliseconds; dates are `YYYY-MM-DD`; months are `YYYY-MM`.
 */
import type { AgentOs, Capacity, LicenseType, MachineKind, OpClass, RulesetId } from './model.js';

export interface LicenseFacts {
  id: string;
  type: LicenseType;
  validFrom: string;
  /** Absent: the license does not end. */
  validTo?: string | undefined;
  capacity: Capacity;
}

export interface BackupServerFacts {
  id: string;
  /** A VBR build number such as `9.5.0.1536`. */
  version: string;
  licenses: LicenseFacts[];
}

export interface Plan {
  'vm-backup': number;
  'vm-replica': number;
  server: number;
  workstation: number;
  /** VMs the tenant plans to protect: the BaaS hosting obligation (R-HOSTING-OBLIGATION). */
  vms: number;
}

/**
 * A machine's restore points of one operation class, by one backup server, in one month.
 * `days`: bit d-1 is set when some restore point fell on day d of the month (UTC).
 * `lateDays`: bit d-1 is set when some restore point fell on day d after 00:00:00.000 exactly. Such a
 * point keeps the machine active through day d+31, while one at exactly midnight reaches day d+30 only
 * (the 31-day window of R-ACTIVE-31D is open at its start).
 */
export interface ActivityFact {
  server: string;
  opClass: OpClass;
  month: string;
  days: number;
  lateDays: number;
}

/** The earliest restore point a machine ever had of one operation class by one server (R-NEW). */
export interface FirstFact {
  server: string;
  opClass: OpClass;
  at: number;
}

export interface MachineFacts {
  id: string;
  kind: MachineKind;
  agent?: { os: AgentOs; version: string } | undefined;
  activity: ActivityFact[];
  firsts: FirstFact[];
}

export interface TenantFacts {
  id: string;
  name: string;
  enabled: boolean;
  managedBySp: boolean;
  plan: Plan;
  backupServers: BackupServerFacts[];
  machines: MachineFacts[];
}

export interface EstateFacts {
  ruleset: RulesetId;
  serviceProvider: { id: string; name: string; backupServers: BackupServerFacts[] };
  tenants: TenantFacts[];
}
