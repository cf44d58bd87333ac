/** The report cache: concurrent requests for one report share one computation; failures are not shared. */
import type { MonthReport } from '@vcc/rules';
import { describe, expect, it } from 'vitest';
import { type CachedReport, cachedReports } from '../src/reports/report-cache.js';

const report = (month: string): CachedReport => ({ ruleset: 'vbr-9.5', report: { month } as MonthReport });
let unique = 0;
const keys = (...months: string[]) => {
  const run = unique++;
  return months.map((m) => `test-${run}|${m}`);
};

describe('cachedReports', () => {
  it('computes what is missing once, however many requests ask at the same time', async () => {
    const asked: number[][] = [];
    const compute = async (missing: number[]) => {
      asked.push(missing);
      await new Promise((r) => setTimeout(r, 20));
      return missing.map((i) => report(`m${i}`));
    };
    const k = keys('a', 'b');
    const [first, second] = await Promise.all([
      cachedReports(k, false, compute),
      cachedReports(k, false, compute),
    ]);
    expect(asked).toEqual([[0, 1]]);
    expect(first).toEqual(second);
    // Then from the cache, with nothing computed.
    expect(await cachedReports(k, false, compute)).toEqual(first);
    expect(asked).toHaveLength(1);
  });

  it('computes only the months not cached yet, in one call', async () => {
    const k = keys('a', 'b', 'c');
    await cachedReports([k[1]!], false, async () => [report('b')]);
    const asked: number[][] = [];
    const reports = await cachedReports(k, false, async (missing) => {
      asked.push(missing);
      return missing.map((i) => report(['a', 'b', 'c'][i]!));
    });
    expect(asked).toEqual([[0, 2]]);
    expect(reports.map((r) => r.report.month)).toEqual(['a', 'b', 'c']);
  });

  it('does not hand one request’s failure to another: the waiting request computes anew', async () => {
    const k = keys('a');
    const failing = cachedReports(k, false, async () => {
      await new Promise((r) => setTimeout(r, 20));
      throw new Error('the first transaction failed');
    });
    const waiting = cachedReports(k, false, async () => [report('again')]);
    await expect(failing).rejects.toThrow('the first transaction failed');
    expect((await waiting)[0]!.report.month).toBe('again');
  });

  it('neither keeps nor shares a report computed inside a writing transaction', async () => {
    const k = keys('a');
    await cachedReports(k, true, async () => [report('uncommitted')]);
    expect((await cachedReports(k, false, async () => [report('committed')]))[0]!.report.month).toBe(
      'committed',
    );
  });
});
