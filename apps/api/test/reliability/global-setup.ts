/**
 * The reliability run's global setup: a PostgreSQL server for the test databases (as the other
 * suites), and a temporary folder where each test file records what it tried. The teardown prints
 * the summary table last (and writes it to $VCC_RELIABILITY_SUMMARY when that names a file).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureTestPostgres } from '@vcc/db/testing';
import { readRows, summaryTable } from './support/summary.js';

export default async function setup() {
  const stopPostgres = await ensureTestPostgres();
  const dir = mkdtempSync(path.join(tmpdir(), 'vcc-reliability-'));
  process.env.VCC_RELIABILITY_STATS = dir;
  return () => {
    const table = summaryTable(readRows(dir));
    process.stdout.write(`\nReliability summary\n\n${table}\n`);
    const out = process.env.VCC_RELIABILITY_SUMMARY;
    if (out) writeFileSync(out, `${table}\n`);
    rmSync(dir, { recursive: true, force: true });
    stopPostgres();
  };
}
