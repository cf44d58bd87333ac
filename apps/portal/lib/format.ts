const NUMBER = new Intl.NumberFormat('en-GB');

/** Thousands separators; null (not licensed / no limit) shows as a dash. */
export function formatCount(value: number | null | undefined): string {
  return value == null ? '—' : NUMBER.format(value);
}

/** Share of capacity in whole percent, or null when there is no capacity to compare with. */
export function percentOf(used: number, capacity: number | null): number | null {
  if (capacity == null || capacity <= 0) return null;
  return Math.round((used / capacity) * 100);
}
