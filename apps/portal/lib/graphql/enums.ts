/** GraphQL enums shared by several operations (apps/api SDL spells them in UPPER_CASE). */
export type Counter = 'VM_BACKUP' | 'VM_REPLICA' | 'SERVER' | 'WORKSTATION';
export type LicenseState = 'OK' | 'GRACE' | 'EXCEEDED' | 'UNLICENSED';
export type LicenseType =
  | 'CLOUD_CONNECT_SP'
  | 'PERPETUAL'
  | 'SUBSCRIPTION'
  | 'RENTAL'
  | 'HOSTING'
  | 'EVALUATION'
  | 'NFR'
  | 'FREE';
export type Severity = 'INFO' | 'WARNING' | 'ERROR';
export type ChargePool = 'SP_CLOUD_CONNECT' | 'TENANT_LICENSE';
export type ChargeStatus = 'USED' | 'NEW' | 'RENTAL';
export type MachineKind = 'VM' | 'SERVER' | 'WORKSTATION';

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

/** The display order of the SP counters everywhere in the portal. */
export const COUNTERS: readonly Counter[] = ['VM_BACKUP', 'VM_REPLICA', 'SERVER', 'WORKSTATION'];
