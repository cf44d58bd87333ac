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

const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** "28 Nov 2026, 23:10 UTC": times are shown in UTC, as months are reported in UTC. */
export function formatDateTime(iso: string): string {
  return `${DATE_TIME.format(new Date(iso))} UTC`;
}

const SHARE = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });

/** A part of a whole (0 to 1) as a percentage with at most one decimal: "12.5%". */
export function formatShare(part: number): string {
  return SHARE.format(part);
}
