/**
 * What each reliability test tried, how often, and how often it held. Every test file appends its
 * rows to a JSON-lines file in the folder the global setup made ($VCC_RELIABILITY_STATS); the global
 * teardown prints them as the run's closing table (summary.ts). Rows are recorded before the test's
 * assertions, so a failing property still shows in the table with what held and what did not.
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';

export interface StatRow {
  /** The area: isolation, bad input, idempotency, load, auth. */
  area: string;
  /** What was tried, in a few words. */
  tried: string;
  /** How often (calls, batches, runs, restarts…). */
  count: number;
  /** How many of those held. */
  held: number;
  /** A measured figure or a remark, e.g. "max 1.2 s". */
  note?: string;
}

export function record(row: StatRow): void {
  const dir = process.env.VCC_RELIABILITY_STATS;
  if (!dir) return;
  appendFileSync(path.join(dir, `stats-${process.pid}.jsonl`), `${JSON.stringify(row)}\n`);
}

/** Counts outcomes and records them as one row. */
export class Tally {
  count = 0;
  held = 0;
  readonly failures: string[] = [];

  constructor(
    readonly area: string,
    readonly tried: string,
  ) {}

  check(ok: boolean, failure?: () => string): boolean {
    this.count++;
    if (ok) this.held++;
    else if (this.failures.length < 20) this.failures.push(failure ? failure() : 'failed');
    return ok;
  }

  record(note?: string): void {
    record({ area: this.area, tried: this.tried, count: this.count, held: this.held, note });
  }
}
