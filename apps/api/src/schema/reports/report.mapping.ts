/** The engine's vcc-report/1 month, in the GraphQL shape of docs/contracts.md §3. */
import { COUNTERS } from '@vcc/rules';
import type { ScopedMonthReport } from '../../reports/report-service.js';
import type { CounterEnum, LicenseTypeEnum, RulesetEnum, SeverityEnum, StateEnum } from '../common/enums.js';
import type { LicenseRef, LicenseReport, SpMonth, TenantRef, Violation } from './report.types.js';

export interface ReportNames {
  tenants: Map<string, TenantRef>;
  licenses: Map<string, LicenseRef>;
}

export function toLicenseReport(report: ScopedMonthReport, names: ReportNames): LicenseReport {
  const sp = report.serviceProvider;
  return {
    month: report.month,
    ruleset: report.ruleset as RulesetEnum,
    serviceProvider: sp && toSpMonth(sp),
    tenants: report.tenants.map((t) => ({
      tenant: names.tenants.get(t.id) ?? { id: t.id, externalId: t.id, name: t.id },
      counters: COUNTERS.map((counter) => ({ counter: counter as CounterEnum, ...t.counters[counter] })),
      licenses: t.licenses.map((l) => ({
        license: names.licenses.get(l.id) ?? { id: l.id, externalId: l.id, type: l.type as LicenseTypeEnum },
        used: l.used,
        new: l.new,
        capacity: l.capacity,
        peak: l.peak,
        state: l.state as StateEnum,
      })),
      hosting: t.hosting,
    })),
    violations: report.violations.map(toViolation),
  };
}

/** The SP's counters and units of a month. */
export function toSpMonth(sp: NonNullable<ScopedMonthReport['serviceProvider']>): SpMonth {
  return {
    counters: COUNTERS.map((counter) => {
      const c = sp.counters[counter];
      return { counter: counter as CounterEnum, ...c, state: c.state as StateEnum };
    }),
    units: { ...sp.units, state: sp.units.state as StateEnum },
  };
}

export function toViolation(v: ScopedMonthReport['violations'][number]): Violation {
  return {
    code: v.code,
    severity: v.severity as SeverityEnum,
    message: v.message,
    tenant: v.tenant === null ? null : { externalId: v.tenant },
    license: v.license,
    server: v.server,
    machine: v.machine,
  };
}
