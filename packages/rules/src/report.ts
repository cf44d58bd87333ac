/**
 * The engine's output: the `vcc-report/1` shape of docs/contracts.md §2. The field names and their order
 * are binding (partner tooling reads this JSON), so nothing here is renamed or added without a new
 * format version.
 */

import type { RuleId } from './engine/rule-ids.js';
import type { ChargeStatus, Counter, LicenseType, RulesetId, Severity, State } from './model.js';

export const REPORT_FORMAT = 'vcc-report/1';

/** One SP counter in one month. `capacity` is null in `vcsp-points` (the pool carries it) or when unlicensed. */
export interface SpCounterFigures {
  used: number;
  new: number;
  rental: number;
  units: number;
  capacity: number | null;
  peak: number;
  state: State;
}

/** The SP's units: in `vbr-9.5` the sum of counter units (capacity null); in `vcsp-points` points. */
export interface UnitsFigures {
  used: number;
  capacity: number | null;
  state: State;
}

/** A tenant's share of one SP counter. */
export interface TenantCounterFigures {
  used: number;
  new: number;
  rental: number;
  units: number;
}

/** A tenant's own license. `capacity` null: the license states no instance count. */
export interface LicenseFigures {
  id: string;
  type: LicenseType;
  used: number;
  new: number;
  capacity: number | null;
  peak: number;
  state: State;
}

export interface HostingFigures {
  planned: number;
  used: number;
  capacity: number;
  obligation: number;
  shortfall: number;
}

export type ChargePool = 'sp-cloud-connect' | 'tenant-license';

/** One reason a machine is on a license in a month, with the rule ids that decided it. */
export interface Charge {
  pool: ChargePool;
  /** Set on `sp-cloud-connect` charges. */
  counter?: Counter;
  /** Set on `tenant-license` charges. */
  license?: string;
  status: ChargeStatus;
  units: number;
  rules: readonly RuleId[];
}

export interface MachineReport {
  id: string;
  charges: Charge[];
}

export interface TenantReport {
  id: string;
  counters: Record<Counter, TenantCounterFigures>;
  licenses: LicenseFigures[];
  hosting: HostingFigures | null;
  machines: MachineReport[];
}

export const VIOLATION_CODES = [
  'SP_LICENSE_ON_TENANT_SERVER',
  'SP_COUNTER_NOT_LICENSED',
  'TENANT_LICENSE_NOT_PAID',
  'SP_SERVER_JOB',
  'RENTAL_VERSION_TOO_OLD',
  'HOSTING_LICENSE_MISSING',
  'HOSTING_LICENSE_SHORTFALL',
  'SP_LICENSE_UNDERSIZED',
  'LICENSE_IN_GRACE',
  'LICENSE_EXCEEDED',
  'LICENSE_EXPIRED',
  'LICENSE_EXPIRING',
] as const;
export type ViolationCode = (typeof VIOLATION_CODES)[number];

export interface Violation {
  code: ViolationCode;
  severity: Severity;
  tenant: string | null;
  license: string | null;
  server: string | null;
  machine: string | null;
  /** A sentence a person can act on; it ends with the rule id, e.g. `(R-EXCEED)`. */
  message: string;
}

export interface ServiceProviderMonth {
  counters: Record<Counter, SpCounterFigures>;
  units: UnitsFigures;
}

export interface MonthReport {
  month: string;
  serviceProvider: ServiceProviderMonth;
  tenants: TenantReport[];
  violations: Violation[];
}

export interface Report {
  format: typeof REPORT_FORMAT;
  ruleset: RulesetId;
  months: MonthReport[];
}
