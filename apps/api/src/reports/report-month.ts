/** Months of the monthly review: `YYYY-MM` in the API, the 1st of the month in `date` columns. */
import type { Transaction } from '@vcc/db';
import { sql } from 'drizzle-orm';

/** `2026-10` → `2026-10-01`, as report_snapshots, report_snapshot_tenants and report_adjustments key it. */
export function monthDate(month: string): string {
  return `${month}-01`;
}

export function currentUtcMonth(now: Date = new Date()): string {
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** A month can be approved once it has ended in UTC (a report of a running month would still move). */
export function hasEnded(month: string, now: Date = new Date()): boolean {
  return month < currentUtcMonth(now);
}

/** `YYYY-MM` of a PostgreSQL month number (year × 12 + month − 1, see machine_usage). */
export function monthOfNumber(n: number): string {
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

export function monthNumber(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return y * 12 + m - 1;
}

/**
 * Serialises adjusting and approving one SP month: without it an adjustment committed just after an
 * approval had read the adjustments would be left out of the snapshot yet count as made.
 * A transaction-scoped advisory lock: released at commit or rollback, and it blocks nothing else.
 */
export async function lockMonth(tx: Transaction, spId: string, month: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`report-month:${spId}:${month}`}))`);
}
