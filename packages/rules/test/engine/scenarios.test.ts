/** The shared worked examples: every `expect` figure of /work/shared/scenarios holds. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index.js';
import type { Report } from '../../src/report.js';
import { loadScenario, scenarioFacts } from '../support/scenario-facts.js';

const DIR = process.env.VCC_SCENARIOS ?? '/work/shared/scenarios';

function figure(r: Report, month: string, path: string): unknown {
  const m = r.months.find((x) => x.month === month);
  if (!m) throw new Error(`no month ${month}`);
  const [kind, a, b, c] = path.split('.');
  switch (kind) {
    case 'sp':
      return a === 'units'
        ? (m.serviceProvider.units as unknown as Record<string, unknown>)[b!]
        : (m.serviceProvider.counters as unknown as Record<string, Record<string, unknown>>)[a!]?.[b!];
    case 'tenant':
      return (
        m.tenants.find((t) => t.id === a)?.counters as unknown as Record<string, Record<string, unknown>>
      )[b!]?.[c!];
    case 'license':
      return (
        m.tenants.find((t) => t.id === a)?.licenses.find((l) => l.id === b) as unknown as Record<
          string,
          unknown
        >
      )?.[c!];
    case 'hosting':
      return (m.tenants.find((t) => t.id === a)?.hosting as unknown as Record<string, unknown> | null)?.[b!];
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
