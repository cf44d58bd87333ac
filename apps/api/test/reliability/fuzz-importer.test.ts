/**
 * The scenario importer fuzzed like the mutations: a valid vcc-scenario/1 with one to three values
 * replaced by bad ones (or left out, or an unknown field added), and text that is not JSON at all,
 * through the same steps as `vcc import` (parseScenarioText, then importScenario in one
 * transaction). Invalid input must be refused with located errors and write nothing; what the
 * parser accepts must import (or, refused by the database, write nothing). A few invalid files go
 * through the real `vcc import` command too.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importScenario } from '@vcc/db';
import { parseScenarioText } from '@vcc/rules';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threeTenantScenario } from '../support/three-tenants.js';
import { type EstateDatabase, freshDatabase, tableCounts } from './support/estate.js';
import { applyChanges, change } from './support/mutate.js';
import { Tally } from './support/stats.js';

const RUNS = Number(process.env.RELIABILITY_FUZZ_RUNS ?? 40) * 5;
const SEED = Number(process.env.RELIABILITY_SEED ?? Date.now() % 1_000_000);

describe('fuzzing the scenario importer', () => {
  let db: EstateDatabase;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(() => db?.drop());

  /** `vcc import` minus the file: parse, then import; what happened, and whether it held. */
  async function importText(text: string) {
    const before = await tableCounts(db);
    let parsed: ReturnType<typeof parseScenarioText>;
    try {
      parsed = parseScenarioText(text);
    } catch (error) {
      return { ok: false, why: `the parser threw: ${String(error).slice(0, 200)}` };
    }
    if (!parsed.ok) {
      const located =
        parsed.errors.length > 0 &&
        parsed.errors.every((e) => typeof e.path === 'string' && e.message.length > 0);
      const untouched = JSON.stringify(await tableCounts(db)) === JSON.stringify(before);
      return {
        ok: located && untouched,
        refused: true,
        why: located ? 'wrote while refusing' : 'errors without a path',
      };
    }
    try {
      await importScenario(db.db, parsed.scenario);
      return { ok: true, refused: false };
    } catch (error) {
      const untouched = JSON.stringify(await tableCounts(db)) === JSON.stringify(before);
      const cause = (error as { cause?: { message?: string } }).cause?.message ?? String(error);
      return {
        ok: false,
        refused: true,
        why: `the parser accepted what the database refused (${untouched ? 'nothing written' : 'PARTIAL WRITE'}): ${cause.slice(0, 200)}`,
      };
    }
  }

  it('a fuzzed scenario is refused with located errors and writes nothing, or imports whole', async () => {
    const tally = new Tally(
      'bad input',
      'scenario importer (parseScenario + importScenario) with fuzzed scenarios',
    );
    let refused = 0;
    const base = threeTenantScenario() as unknown as Record<string, unknown>;
    for (const changes of fc.sample(fc.array(change, { minLength: 1, maxLength: 3 }), {
      numRuns: RUNS,
      seed: SEED,
    })) {
      const input = applyChanges(base, changes);
      const result = await importText(JSON.stringify(input));
      if (result.refused) refused++;
      tally.check(result.ok, () => `${result.why} — ${JSON.stringify(changes).slice(0, 200)}`);
    }
    tally.record(`${refused} refused, seed ${SEED}`);
    expect(tally.failures).toEqual([]);
  });

  it('text that is not a scenario at all is refused and writes nothing', async () => {
    const tally = new Tally('bad input', 'scenario importer with text that is not JSON or not a scenario');
    const valid = JSON.stringify(threeTenantScenario());
    const texts = fc.sample(
      fc.oneof(
        fc.nat({ max: valid.length - 1 }).map((n) => valid.slice(0, n)),
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.constantFrom(
          '',
          'null',
          '[]',
          '42',
          '"vcc-scenario/1"',
          '{"format": "vcc-scenario/2"}',
          '\u0000',
          'x'.repeat(100_000),
        ),
        fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      ),
      { numRuns: RUNS / 2, seed: SEED },
    );
    for (const text of texts) {
      const result = await importText(text);
      tally.check(
        result.ok && result.refused === true,
        () => `${result.why ?? 'accepted'} — ${text.slice(0, 80)}`,
      );
    }
    tally.record(`seed ${SEED}`);
    expect(tally.failures).toEqual([]);
  });

  it('`vcc import` refuses invalid files with a message and exit code 1, writing nothing', async () => {
    const tally = new Tally('bad input', '`vcc import` command with invalid files');
    const dir = mkdtempSync(path.join(tmpdir(), 'vcc-import-'));
    try {
      const broken = threeTenantScenario() as unknown as { tenants: { restorePoints: { at: string }[] }[] };
      broken.tenants[2]!.restorePoints[0]!.at = '2026-02-30T00:00:00Z';
      const files: [string, string][] = [
        ['truncated.json', JSON.stringify(threeTenantScenario()).slice(0, 500)],
        ['bad-date.json', JSON.stringify(broken)],
      ];
      for (const [name, text] of files) {
        const file = path.join(dir, name);
        writeFileSync(file, text);
        const before = await tableCounts(db);
        const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'import', file], {
          cwd: path.resolve(import.meta.dirname, '../..'),
          env: { PATH: process.env.PATH, DATABASE_URL: db.url },
          encoding: 'utf8',
          timeout: 60_000,
        });
        const untouched = JSON.stringify(await tableCounts(db)) === JSON.stringify(before);
        tally.check(
          run.status === 1 && /nothing was imported/.test(run.stderr) && untouched,
          () => `${name}: exit ${run.status}, ${run.stderr.slice(0, 200)}`,
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    tally.record();
    expect(tally.failures).toEqual([]);
  });
});
