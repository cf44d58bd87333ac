/**
 * Properties over generated estates: the rulebook's invariants (sums), independence from the order and
 * duplication of restore points, monotonicity, the M−4..M activity window, and agreement with a naive
 * implementation that works from raw restore points.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activityMonthsFor } from '../../src/activity.js';
import type { EstateFacts } from '../../src/facts.js';
import {
  COUNTERS,
  evaluate,
  evaluateMonthIncrementally,
  fromPortablePart,
  PreparedEstate,
  toPortablePart,
} from '../../src/index.js';
import type { Report } from '../../src/report.js';
import { estateArb, MONTHS, reorder } from '../support/arbitrary.js';
import { build, type EstateSpec } from '../support/build.js';
import { oracle } from '../support/oracle.js';

const RUNS = { numRuns: 150 };
const run = (spec: EstateSpec) => evaluate(build(spec), MONTHS);

function usage(r: Report): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of r.months) {
    for (const c of COUNTERS) {
      const f = m.serviceProvider.counters[c];
      out.set(`${m.month}/sp/${c}`, f.used + f.new + f.rental);
    }
    for (const t of m.tenants) {
      for (const c of COUNTERS) {
        const f = t.counters[c];
        out.set(`${m.month}/${t.id}/${c}`, f.used + f.new + f.rental);
      }
      for (const l of t.licenses) out.set(`${m.month}/${t.id}/${l.id}`, l.used + l.new);
    }
  }
  return out;
}

describe('properties of generated estates', () => {
  it('SP counters are the sums of the tenants, tenants the sums of their machines', () => {
    fc.assert(
      fc.property(estateArb, (spec) => {
        const r = run(spec);
        for (const m of r.months) {
          let units = 0;
          for (const c of COUNTERS) {
            const f = m.serviceProvider.counters[c];
            for (const k of ['used', 'new', 'rental', 'units'] as const) {
              expect(f[k], `${m.month} ${c} ${k}`).toBe(m.tenants.reduce((s, t) => s + t.counters[c][k], 0));
            }
            expect(f.peak).toBeLessThanOrEqual(f.used);
            units += f.units;
          }
          expect(m.serviceProvider.units.used).toBe(units);
          for (const t of m.tenants) {
            const charges = t.machines.flatMap((x) => x.charges);
            for (const c of COUNTERS) {
              const mine = charges.filter((x) => x.pool === 'sp-cloud-connect' && x.counter === c);
              expect(t.counters[c]).toEqual({
                used: mine.filter((x) => x.status === 'used').length,
                new: mine.filter((x) => x.status === 'new').length,
                rental: mine.filter((x) => x.status === 'rental').length,
                units: mine.reduce((s, x) => s + x.units, 0),
              });
            }
            for (const l of t.licenses) {
              const mine = charges.filter((x) => x.pool === 'tenant-license' && x.license === l.id);
              expect([l.used, l.new]).toEqual([
                mine.filter((x) => x.status === 'used').length,
                mine.filter((x) => x.status === 'new').length,
              ]);
              expect(l.peak).toBeLessThanOrEqual(l.used);
            }
            for (const x of t.machines) {
              expect(x.charges.length).toBeGreaterThan(0);
              for (const c of x.charges) expect(c.rules.length).toBeGreaterThan(0);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('agrees with a naive implementation from raw restore points', () => {
    fc.assert(
      fc.property(estateArb, (spec) => {
        const r = run(spec);
        for (const m of r.months) {
          const o = oracle(spec, m.month);
          for (const t of m.tenants) {
            for (const c of COUNTERS) {
              expect(
                [t.counters[c].used, t.counters[c].new, t.counters[c].rental],
                `${m.month} ${t.id} ${c}`,
              ).toEqual(o.counters[t.id]![c]);
            }
            for (const l of t.licenses)
              expect([l.used, l.new], `${m.month} ${l.id}`).toEqual(o.licenses[`${t.id}/${l.id}`] ?? [0, 0]);
          }
        }
      }),
      RUNS,
    );
  });

  it('does not depend on the order of restore points', () => {
    fc.assert(
      fc.property(estateArb, fc.integer(), (spec, seed) => {
        expect(run(reorder(spec, seed))).toEqual(run(spec));
      }),
      RUNS,
    );
  });

  it('duplicated restore points change nothing', () => {
    fc.assert(
      fc.property(estateArb, (spec) => {
        const doubled = {
          ...spec,
          tenants: spec.tenants.map((t) => ({ ...t, rps: [...t.rps, ...t.rps.slice(0, 7)] })),
        };
        expect(run(doubled)).toEqual(run(spec));
      }),
      RUNS,
    );
  });

  it('adding a restore point never lowers used + new + rental of any counter or license in any month', () => {
    fc.assert(
      fc.property(
        estateArb,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 8, 30) }),
        (spec, ti, ri, at) => {
          const t = spec.tenants[ti % spec.tenants.length]!;
          if (t.rps.length === 0) return;
          const base = t.rps[ri % t.rps.length]!;
          const more = {
            ...spec,
            tenants: spec.tenants.map((x) => (x === t ? { ...x, rps: [...x.rps, { ...base, at }] } : x)),
          };
          const before = usage(run(spec));
          const after = usage(run(more));
          for (const [k, v] of before) expect(after.get(k) ?? 0, k).toBeGreaterThanOrEqual(v);
        },
      ),
      RUNS,
    );
  });

  it('month M reads only activity of M−4..M: extra months change nothing', () => {
    fc.assert(
      fc.property(estateArb, fc.constantFrom(...MONTHS), (spec, month) => {
        const facts = build(spec);
        const win = activityMonthsFor([month])!;
        const only: EstateFacts = {
          ...facts,
          tenants: facts.tenants.map((t) => ({
            ...t,
            machines: t.machines.map((m) => ({
              ...m,
              activity: m.activity.filter((a) => a.month >= win.from && a.month <= win.to),
            })),
          })),
        };
        const full = evaluate(facts, MONTHS).months.find((m) => m.month === month);
        expect(evaluate(only, [month]).months[0]).toEqual(full);
      }),
      RUNS,
    );
  });
});

describe('a month evaluated tenant by tenant', () => {
  it('equals the whole evaluation, whatever order the tenants come in', () => {
    fc.assert(
      fc.property(estateArb, fc.integer(), (spec, seed) => {
        const facts = build(spec);
        const order = facts.tenants.map((_, i) => i);
        // A deterministic shuffle from the seed: tenants streamed from a database in any order.
        for (let i = order.length - 1; i > 0; i--) {
          const j = Math.abs(seed * (i + 7)) % (i + 1);
          [order[i], order[j]] = [order[j]!, order[i]!];
        }
        for (const month of MONTHS) {
          const whole = evaluate(facts, [month]).months[0];
          const stripped = { ...facts, tenants: facts.tenants.map((t) => ({ ...t, machines: [] })) };
          const evaluation = evaluateMonthIncrementally(stripped, month);
          // Tenants without machines are left out: finish() evaluates them as empty.
          for (const i of order)
            if (facts.tenants[i]!.machines.length > 0) evaluation.addTenant(i, facts.tenants[i]!.machines);
          expect(evaluation.finish()).toEqual(whole);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('equals the whole evaluation when unchanged tenants are reused from an evaluation of older facts', () => {
    fc.assert(
      fc.property(estateArb, fc.integer({ min: 0 }), (spec, changedBits) => {
        const facts = build(spec);
        const changed = (i: number) => ((changedBits >>> (i % 31)) & 1) === 1;
        // The older facts: the changed tenants had only their first half of machines then.
        const older = facts.tenants.map((t, i) =>
          changed(i) ? t.machines.slice(0, Math.floor(t.machines.length / 2)) : t.machines,
        );
        const stripped = { ...facts, tenants: facts.tenants.map((t) => ({ ...t, machines: [] })) };
        // One preparation of the configuration for every month and both evaluations, as a cache keeps it.
        const prepared = new PreparedEstate(stripped);
        for (const month of MONTHS) {
          const before = evaluateMonthIncrementally(prepared, month);
          older.forEach((machines, i) => {
            before.addTenant(i, machines);
          });
          before.finish();
          const parts = before.tenantParts();
          const after = evaluateMonthIncrementally(prepared, month);
          facts.tenants.forEach((t, i) => {
            if (changed(i)) after.addTenant(i, t.machines);
            else after.addPart(i, parts[i]!);
          });
          expect(after.finish()).toEqual(evaluate(facts, [month]).months[0]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('equals the whole evaluation when some tenants are evaluated in another thread', () => {
    fc.assert(
      fc.property(estateArb, fc.integer({ min: 0 }), (spec, elsewhereBits) => {
        const facts = build(spec);
        const elsewhere = (i: number) => ((elsewhereBits >>> (i % 31)) & 1) === 1;
        const stripped = { ...facts, tenants: facts.tenants.map((t) => ({ ...t, machines: [] })) };
        for (const month of MONTHS) {
          // The other thread's own preparation of the same configuration, and its parts carried as
          // the structured clone algorithm carries them.
          const there = evaluateMonthIncrementally(structuredClone(stripped), month);
          const here = evaluateMonthIncrementally(stripped, month);
          facts.tenants.forEach((t, i) => {
            if (!elsewhere(i)) here.addTenant(i, t.machines);
            else {
              const sent = structuredClone(toPortablePart(there.evaluateTenant(i, t.machines)));
              here.addPart(i, fromPortablePart(sent));
            }
          });
          expect(here.finish()).toEqual(evaluate(facts, [month]).months[0]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a tenant given twice', () => {
    const facts = build({ tenants: [{ id: 't1', rps: [] }] });
    const evaluation = evaluateMonthIncrementally(facts, MONTHS[0]!);
    evaluation.addTenant(0, []);
    expect(() => evaluation.addTenant(0, [])).toThrow(/already evaluated/);
  });
});
