/**
 * R-CC-COUNTERS, R-SEPARATE-COUNTERS, R-AGENTS: which SP counter an operation class of a machine feeds.
 * Backups and backup copies of a VM feed `vm-backup`, its replicas `vm-replica` (a separate track, so one
 * VM in both is 1 + 1); agent machines feed `server` or `workstation` by edition. Local operations feed
 * no SP counter. A replica of an agent machine is invalid input and feeds nothing.
 */
import type { MachineKind, OpClass } from '../model.js';

/** Counter positions, in the order of model.ts COUNTERS. */
export const VM_BACKUP = 0;
export const VM_REPLICA = 1;
export const SERVER = 2;
export const WORKSTATION = 3;

/** The counter (position) that `opClass` of a machine of `kind` feeds, or −1. */
export function counterOf(kind: MachineKind, opClass: OpClass): number {
  if (opClass === 'cloud-backup') return kind === 'vm' ? VM_BACKUP : kind === 'server' ? SERVER : WORKSTATION;
  if (opClass === 'cloud-replica' && kind === 'vm') return VM_REPLICA;
  return -1;
}
