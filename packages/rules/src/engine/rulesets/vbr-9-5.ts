/** Ruleset `vbr-9.5` (the seed): one unit per machine per counter, SP capacity per counter. */
import { RENTAL_GATES_95U3, standardExceed } from './common.js';
import type { Ruleset } from './types.js';

export const vbr95: Ruleset = {
  id: 'vbr-9.5',
  spCapacity: 'per-counter',
  spUnits: { 'vm-backup': 1, 'vm-replica': 1, server: 1, workstation: 1 },
  exceed: standardExceed,
  rentalGates: RENTAL_GATES_95U3,
};
