import type { LicenseState } from './graphql/enums';

// The rulebook's order (R-EXCEED): ok < grace < exceeded < unlicensed.
const RANK: Record<LicenseState, number> = { OK: 0, GRACE: 1, EXCEEDED: 2, UNLICENSED: 3 };

export function worstState(states: readonly LicenseState[]): LicenseState {
  return states.reduce<LicenseState>((worst, s) => (RANK[s] > RANK[worst] ? s : worst), 'OK');
}
