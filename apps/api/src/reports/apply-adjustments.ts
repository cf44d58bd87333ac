/**
 * The figures that count in a month under review: the engine's report with the SP's adjustments
 * applied. An adjustment *sets* one tenant counter figure (used, new or rental); applied oldest first,
 * so the latest per figure wins. Setting `used` moves `units` with it at the ruleset's rate per machine
 * (vbr-9.5: 1, vcsp-points: the points of docs/licensing-rules.md; new and rental machines cost 0).
 * The SP's counters change by the same differences, so they stay the sums of the tenants' figures.
 * Capacity, peak and state are daily figures of a license and stay the engine's.
 */
import { getRuleset, type RulesetId } from '@vcc/rules';
import type { CounterEnum } from '../schema/common/enums.js';
import type { ReportFigureEnum } from '../schema/reports/monthly-report.types.js';
import type { LicenseReport, TenantCounter } from '../schema/reports/report.types.js';

export interface FigureChange {
  tenantExternalId: string;
  counter: CounterEnum;
  field: ReportFigureEnum;
  value: number;
}

type Figures = Pick<TenantCounter, 'used' | 'new' | 'rental' | 'units'>;
const FIGURES = ['used', 'new', 'rental', 'units'] as const;

export function applyAdjustments(report: LicenseReport, changes: readonly FigureChange[]): LicenseReport {
  if (changes.length === 0) return report;
  const rates = getRuleset(report.ruleset as RulesetId).spUnits;
  const delta = new Map<CounterEnum, Figures>();
  const tenants = report.tenants.map((t) => {
    const mine = changes.filter((c) => c.tenantExternalId === t.tenant.externalId);
    if (mine.length === 0) return t;
    const counters = t.counters.map((before) => {
      const after = { ...before };
      for (const change of mine) {
        if (change.counter !== before.counter) continue;
        after[change.field] = change.value;
        if (change.field === 'used') after.units = change.value * rates[before.counter];
      }
      const d = delta.get(before.counter) ?? { used: 0, new: 0, rental: 0, units: 0 };
      for (const f of FIGURES) d[f] += after[f] - before[f];
      delta.set(before.counter, d);
      return after;
    });
    return { ...t, counters };
  });
  const sp = report.serviceProvider;
  const serviceProvider = sp && {
    counters: sp.counters.map((c) => {
      const d = delta.get(c.counter);
      return d
        ? {
            ...c,
            used: c.used + d.used,
            new: c.new + d.new,
            rental: c.rental + d.rental,
            units: c.units + d.units,
          }
        : c;
    }),
    units: { ...sp.units, used: sp.units.used + [...delta.values()].reduce((sum, d) => sum + d.units, 0) },
  };
  return { ...report, serviceProvider, tenants };
}
