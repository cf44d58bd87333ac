import type { LicenseState } from '@/lib/graphql/enums';
import { STATE_DESCRIPTION, STATE_LABEL } from '@/lib/labels';

// A symbol and a word as well as a colour, so the state reads without colour vision.
const SYMBOL: Record<LicenseState, string> = { OK: '✓', GRACE: '!', EXCEEDED: '✕', UNLICENSED: '✕' };

export function StateBadge({ state }: { state: LicenseState }) {
  return (
    <span className={`badge badge--${state.toLowerCase()}`} title={STATE_DESCRIPTION[state]}>
      <span aria-hidden="true">{SYMBOL[state]}</span> {STATE_LABEL[state]}
    </span>
  );
}
