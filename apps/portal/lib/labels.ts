import type {
  ChargeStatus,
  Counter,
  LicenseState,
  LicenseType,
  MachineKind,
  Severity,
} from './graphql/enums';

// Human labels for the API's enums, in one place so every page words them the same way.
export const COUNTER_LABEL: Record<Counter, string> = {
  VM_BACKUP: 'VM backup',
  VM_REPLICA: 'VM replica',
  SERVER: 'Server agent',
  WORKSTATION: 'Workstation agent',
};

export const STATE_LABEL: Record<LicenseState, string> = {
  OK: 'OK',
  GRACE: 'Grace',
  EXCEEDED: 'Exceeded',
  UNLICENSED: 'Unlicensed',
};

export const STATE_DESCRIPTION: Record<LicenseState, string> = {
  OK: 'within capacity',
  GRACE: 'over capacity, in the grace period',
  EXCEEDED: 'over capacity beyond the allowance or the grace period',
  UNLICENSED: 'no valid license covers this usage',
};

export const LICENSE_TYPE_LABEL: Record<LicenseType, string> = {
  CLOUD_CONNECT_SP: 'Cloud Connect SP',
  PERPETUAL: 'Perpetual',
  SUBSCRIPTION: 'Subscription',
  RENTAL: 'Rental',
  HOSTING: 'Hosting',
  EVALUATION: 'Evaluation',
  NFR: 'NFR',
  FREE: 'Free',
};

export const SEVERITY_LABEL: Record<Severity, string> = {
  ERROR: 'Errors',
  WARNING: 'Warnings',
  INFO: 'Information',
};
export const SEVERITY_ORDER: readonly Severity[] = ['ERROR', 'WARNING', 'INFO'];
// A symbol beside the word, so severity reads without colour vision.
export const SEVERITY_SYMBOL: Record<Severity, string> = { ERROR: '✕', WARNING: '!', INFO: 'i' };

export const STATUS_LABEL: Record<ChargeStatus, string> = { USED: 'Used', NEW: 'New', RENTAL: 'Rental' };

export const KIND_LABEL: Record<MachineKind, string> = {
  VM: 'VM',
  SERVER: 'Server',
  WORKSTATION: 'Workstation',
};
