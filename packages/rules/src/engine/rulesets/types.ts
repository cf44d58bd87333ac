/**
 * A ruleset is a value: everything that differs between `vbr-9.5` and `vcsp-points` lives in one object
 * of this shape, so a third ruleset is one new module plus one line in registry.ts.
 */
import type { Counter, LicenseType, RulesetId } from '../../model.js';

/** R-EXCEED: allowed over capacity = max(minimum, ⌈percent % of capacity⌉); grace in days (Infinity: until expiry). */
export interface ExceedPolicy {
  percent: number;
  minimum: number;
  graceDays: number;
}

/** R-RENTAL-EXEMPT: the lowest versions that allow the rental exemption. */
export interface RentalGates {
  /** SP backup server and tenant backup server (VBR build). */
  vbr: string;
  agentWindows: string;
  agentLinux: string;
}

export interface Ruleset {
  id: RulesetId;
  /**
   * How the SP license holds capacity: `per-counter` (a capacity per counter key) or `points` (one pool
   * under the capacity key `points`; each counter's own capacity is then null and its state the pool's).
   */
  spCapacity: 'per-counter' | 'points';
  /** Units one charged (used) machine consumes on the SP license per counter; new and rental consume 0. */
  spUnits: Readonly<Record<Counter, number>>;
  exceed(type: LicenseType): ExceedPolicy;
  rentalGates: RentalGates;
}
