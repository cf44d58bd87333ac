/**
 * evaluate(facts, months): the vcc-report/1 of an estate for the given months. Pure: no I/O, no clock.
 * The figures of month M read only activity facts of months M−4..M (activity.ts LOOKBACK_MONTHS), first
 * restore points and configuration. Cost: O(machines × activity facts) per month with small constants;
 * `machines: false` leaves out the per-machine detail when only the figures are wanted (the SP report
 * at a million machines).
 */
import type { EstateFacts, MachineFacts } from '../facts.js';
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
import { type MonthWindow, monthWindow } from './window.js';

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
  const evaluation = new MonthEvaluation(estate, month, detail);
  estate.tenants.forEach((t, i) => {
    evaluation.addTenant(i, t.facts.machines);
  });
  return evaluation.finish();
}

/**
 * One month evaluated tenant by tenant, for callers that stream machines from a database: a tenant's
 * machines can be dropped as soon as `addTenant` returns, so memory holds one tenant's facts at a
 * time. Tenants may come in any order (the SP figures are sums and the violations are sorted); a
 * tenant never added is evaluated as having no machines.
 */
export class MonthEvaluation {
  private readonly w: MonthWindow;
  private readonly log = new ViolationLog();
  private readonly daily: SpDaily;
  private readonly pass: MachinePass;
  private readonly tenants: (TenantReport | undefined)[];

  constructor(
    private readonly estate: EstateCtx,
    private readonly month: string,
    detail: boolean,
  ) {
    this.w = monthWindow(month);
    this.daily = {
      usage: COUNTERS.map(() => new Int32Array(this.w.len + 1)),
      any: COUNTERS.map(() => new Int32Array(this.w.len + 1)),
    };
    this.pass = new MachinePass(estate, this.w, this.daily, detail);
    this.tenants = new Array(estate.tenants.length);
  }

  /** Evaluates the tenant at `index` in the facts' tenant list with these machines (its `machines` are ignored). */
  addTenant(index: number, machines: Iterable<MachineFacts>): void {
    const t = this.estate.tenants[index];
    if (!t) throw new RangeError(`no tenant at index ${index}`);
    if (this.tenants[index]) throw new Error(`tenant ${t.facts.id} was already evaluated`);
    const acc = newTenantAcc(licenseMonths(t, this.w));
    const reports: MachineReport[] = [];
    for (const m of machines) {
      const r = this.pass.run(t, acc, m);
      if (r) reports.push(r);
    }
    this.tenants[index] = finishTenant(this.estate, t, acc, reports, this.w, this.log);
  }

  finish(): MonthReport {
    for (let i = 0; i < this.tenants.length; i++) if (!this.tenants[i]) this.addTenant(i, []);
    const tenants = this.tenants as TenantReport[];
    const serviceProvider = finishSp(this.estate, tenants, this.daily, this.w, this.log);
    return { month: this.month, serviceProvider, tenants, violations: this.log.list() };
  }
}

/** Starts a month's evaluation of an estate whose machines will be given tenant by tenant. */
export function evaluateMonthIncrementally(
  facts: EstateFacts,
  month: string,
  options: EvaluateOptions = {},
): MonthEvaluation {
  return new MonthEvaluation(estateCtx(facts, getRuleset(facts.ruleset)), month, options.machines ?? true);
}
