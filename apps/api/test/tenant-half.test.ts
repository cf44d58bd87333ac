/**
 * The SP report read by two threads (tenant-half.ts): the upper half of the tenants read and
 * evaluated in a worker thread gives the same report as one thread reading every tenant; a worker
 * busy with another report, or still loading, leaves a request to read every tenant itself; a
 * worker that dies fails its report only, and another is started. PostgreSQL only: PGlite is one connection in
 * the API's own thread.
 */

import { loadEstateConfig, loadEstateFacts, seedEstate, withScope } from '@vcc/db';
import { createTestDatabase, type TestDatabase } from '@vcc/db/testing';
import { evaluate } from '@vcc/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../src/auth/principal.js';
import { computeReport, type ReportOptions } from '../src/reports/report-service.js';
import {
  evaluateUpperHalf,
  startTenantHalfWorker,
  stopTenantHalfWorker,
} from '../src/reports/tenant-half.js';

const MONTH = '2026-10';

describe('the SP report read by two threads', () => {
  let database: TestDatabase;
  let spId: string;
  const principal = (): Principal => ({ kind: 'key', id: 'test', spId, tenantId: null, role: 'sp-viewer' });
  const twoThreads = (options?: ReportOptions) =>
    withScope(database.db, { spId }, (tx) => computeReport(tx, principal(), MONTH, options));
  /** The engine over the facts read by this thread alone. */
  const oneThread = async (machines: boolean) => {
    const facts = await withScope(database.db, { spId }, (tx) => loadEstateFacts(tx, [MONTH]));
    return evaluate(facts!, [MONTH], { machines }).months[0];
  };

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    ({ spId } = await seedEstate(database.db, {
      spExternalId: 'sp-halves',
      tenants: 40,
      machines: 1_500,
      months: 3,
      lastMonth: MONTH,
      seed: 7,
    }));
  });
  afterAll(async () => {
    await stopTenantHalfWorker();
    await database.drop();
  });

  it('hands the upper half of the tenants to the worker once it has loaded', async () => {
    await startTenantHalfWorker();
    const parts = await withScope(database.db, { spId }, async (tx) => {
      const config = (await loadEstateConfig(tx))!;
      const upper = evaluateUpperHalf(tx, config, [MONTH], false)!;
      expect(upper).toBeDefined();
      // One job at a time: a second request meanwhile reads every tenant itself.
      expect(evaluateUpperHalf(tx, config, [MONTH], false)).toBeUndefined();
      const ids = [...config.tenantIndex.keys()];
      const evaluated = await upper.parts;
      expect(evaluated.length).toBeGreaterThan(0);
      for (const [index] of evaluated) expect(ids[index]! >= upper.middle).toBe(true);
      return evaluated;
    });
    expect(parts.length).toBeLessThanOrEqual(20);
  });

  it('equals one thread reading every tenant, figures and per-machine charges', async () => {
    await startTenantHalfWorker();
    expect((await twoThreads()).report).toEqual(await oneThread(false));
    expect((await twoThreads({ machines: 'all' })).report).toEqual(await oneThread(true));
  });

  it('equals one thread when requests arrive together and find the worker busy', async () => {
    await startTenantHalfWorker();
    const expected = await oneThread(false);
    const reports = await Promise.all([twoThreads(), twoThreads(), twoThreads()]);
    for (const { report } of reports) expect(report).toEqual(expected);
  });

  it('fails the report a dying worker was reading for; the next reads every tenant itself while another loads', async () => {
    await startTenantHalfWorker();
    const upperHalf = () =>
      withScope(database.db, { spId }, async (tx) =>
        evaluateUpperHalf(tx, (await loadEstateConfig(tx))!, [MONTH], false),
      );
    const upper = (await upperHalf())!;
    await stopTenantHalfWorker();
    await expect(upper.parts).rejects.toThrow(/report worker exited/);
    // No worker: one starts, and until it has loaded every report reads every tenant itself.
    expect(await upperHalf()).toBeUndefined();
    expect((await twoThreads()).report).toEqual(await oneThread(false));
    await startTenantHalfWorker();
    const next = (await upperHalf())!;
    expect((await next.parts).length).toBeGreaterThan(0);
  });
});
