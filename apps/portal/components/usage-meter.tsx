import { percentOf } from '@/lib/format';
import type { LicenseState } from '@/lib/graphql/enums';

/**
 * A bar of used against capacity. Decorative (aria-hidden): the same figures are always printed
 * next to it, so screen readers get them once, as text.
 */
export function UsageMeter({
  used,
  capacity,
  state,
}: {
  used: number;
  capacity: number | null;
  state: LicenseState;
}) {
  const percent = percentOf(used, capacity);
  if (percent === null) return null;
  return (
    <div className="meter" aria-hidden="true">
      <div
        className={`meter__fill meter__fill--${state.toLowerCase()}`}
        style={{ width: `${Math.min(percent, 100)}%` }}
      />
    </div>
  );
}
