/**
 * Ruleset `vcsp-points` (today's VCSP model): the SP license is one pool of points. The points of a
 * charged machine are the right-hand column of the rulebook's table; rental machines (left-hand
 * column, 0 points) are not charged at all, so only that column is needed here (R-RENTAL-EXEMPT);
 * replicas cost 10 either way (R-RENTAL-NO-REPLICA).
 */
import { RENTAL_GATES_95U3, standardExceed } from './common.js';
import type { Ruleset } from './types.js';

export const vcspPoints: Ruleset = {
  id: 'vcsp-points',
  spCapacity: 'points',
  spUnits: { 'vm-backup': 5, 'vm-replica': 10, server: 7, workstation: 3 },
  exceed: standardExceed,
  rentalGates: RENTAL_GATES_95U3,
};
