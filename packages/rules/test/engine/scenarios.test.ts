/** The shared worked examples: every `expect` figure of /work/shared/scenarios holds. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index.js';
import type { Report } from '../../src/report.js';
import { loadScenario, scenarioFacts } from '../support/scenario-facts.js';

const DIR = process.env.VCC_SCENARIOS ?? '/work/shared/scenarios';

type Tree = { [k: string]: unknown };
const get = (o: unknown, k: string | undefined): unknown =>
  o && k !== undefined ? (o as Tree)[k] : undefined;

/** The figure a dotted `expect` path names (scenarios/README.md). */
function figure(r: Report, month: string, path: string): unknown {
  const m = r.months.find((x) => x.month === month);
  if (!m) throw new Error(`no month ${month}`);
  const [kind, a, b, c] = path.split('.');
  const tenant = m.tenants.find((t) => t.id === a);
  switch (kind) {
    case 'sp':
      return a === 'units' ? get(m.serviceProvider.units, b) : get(get(m.serviceProvider.counters, a), b);
    case 'tenant':
      return get(get(tenant?.counters, b), c);
    case 'license':
      return get(
        tenant?.licenses.find((l) => l.id === b),
        c,
      );
    case 'hosting':
      return get(tenant?.hosting, b);
    default:
      throw new Error(`unknown expect path ${path}`);
  }
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

describe('shared scenarios', () => {
  it('finds the three worked examples', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });
  for (const file of files) {
    it(file, () => {
      const s = loadScenario(join(DIR, file));
      const r = evaluate(scenarioFacts(s), s.months ?? []);
      expect(r.format).toBe('vcc-report/1');
      expect(r.ruleset).toBe(s.ruleset);
      let checked = 0;
      for (const [month, figures] of Object.entries(s.expect ?? {})) {
        if (month === 'violations') {
          const all = new Set(r.months.flatMap((m) => m.violations.map((v) => v.code)));
          for (const code of figures as string[]) expect(all, code).toContain(code);
          checked++;
          continue;
        }
        for (const [path, value] of Object.entries(figures as Record<string, unknown>)) {
          expect(figure(r, month, path), `${month} ${path}`).toEqual(value);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
    });
  }
});
