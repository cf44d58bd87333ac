/** GraphQL enums shared by several operations, as generated from the API's SDL (UPPER_CASE values). */
import type { Counter, TenantsQuery } from './generated';

export type {
  ChargePool,
  ChargeStatus,
  Counter,
  LicenseState,
  LicenseType,
  MachineKind,
  Severity,
} from './generated';

/** Every connection's page info: all operations select the same two fields. */
export type PageInfo = TenantsQuery['tenants']['pageInfo'];

/** The display order of the SP counters everywhere in the portal. */
export const COUNTERS: readonly Counter[] = ['VM_BACKUP', 'VM_REPLICA', 'SERVER', 'WORKSTATION'];
