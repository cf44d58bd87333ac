/**
 * evaluate(facts, months): the vcc-report/1 of an estate for the given months. Pure: no I/O, no clock.
 * The figures of month M read only activity facts of months M−4..M (activity.ts LOOKBACK_MONTHS), first
 * restore points and configuration. Cost: O(machines × activity facts) per month with small constants;
 * `machines: false` leaves out the per-machine detail when only the figures are wanted (the SP report
 * at a million machines).
 */
import type { EstateFacts } from '../facts.js';
import { COUNTERS } from '../model.js';
import {
  type MachineReport,
  type MonthReport,
  REPORT_FORMAT,
  type Report,
  type TenantReport,
} from '../report.js';
import { type EstateCtx, estateCtx } from './estate.js';
import { MachinePass, newTenantAcc, type SpDaily } from './machine-pass.js';
import { getRuleset } from './rulesets/registry.js';
import { finishSp } from './sp-month.js';
import { finishTenant } from './tenant-month.js';
import { licenseMonths } from './tenant-usage.js';
import { ViolationLog } from './violations.js';
import { monthWindow } from './window.js';

export interface EvaluateOptions {
  /** Include each tenant's `machines` with their charges (default true). */
  machines?: boolean;
}

export function evaluate(
  facts: EstateFacts,
  months: readonly string[],
  options: EvaluateOptions = {},
): Report {
  const estate = estateCtx(facts, getRuleset(facts.ruleset));
  const detail = options.machines ?? true;
  const sorted = [...new Set(months)].sort();
  return {
    format: REPORT_FORMAT,
    ruleset: facts.ruleset,
    months: sorted.map((m) => evaluateMonth(estate, m, detail)),
  };
}

function evaluateMonth(estate: EstateCtx, month: string, detail: boolean): MonthReport {
  const w = monthWindow(month);
  const log = new ViolationLog();
  const daily: SpDaily = {
    usage: COUNTERS.map(() => new Int32Array(w.len + 1)),
    any: COUNTERS.map(() => new Int32Array(w.len + 1)),
  };
  const pass = new MachinePass(estate, w, daily, detail);
  const tenants: TenantReport[] = [];
  for (const t of estate.tenants) {
    const acc = newTenantAcc(licenseMonths(t, w));
    const machines: MachineReport[] = [];
    for (const m of t.facts.machines) {
      const r = pass.run(t, acc, m);
      if (r) machines.push(r);
    }
    tenants.push(finishTenant(estate, t, acc, machines, w, log));
  }
  const serviceProvider = finishSp(estate, tenants, daily, w, log);
  return { month, serviceProvider, tenants, violations: log.list() };
}
