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
  type Violation,
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
 * What one tenant adds to a month's report, independent of every other tenant: its figures, its
 * violations and its machines' days on the SP counters. A cache may keep a month's parts and, when
 * only some tenants' facts change, evaluate those again and reuse the others' (`addPart`).
 */
export interface TenantPart {
  readonly report: TenantReport;
  readonly violations: ViolationLog;
  /** The tenant's share of the SP's daily difference arrays: (array, day, value) for each entry not 0. */
  readonly daily: Int32Array;
}

/**
 * A tenant part as plain data, for a part evaluated in another thread: what the structured clone
 * algorithm carries (it keeps no class).
 */
export interface PortableTenantPart {
  readonly report: TenantReport;
  readonly violations: [string, Violation][];
  readonly daily: Int32Array;
}

export function toPortablePart(part: TenantPart): PortableTenantPart {
  return { report: part.report, violations: part.violations.entries(), daily: part.daily };
}

export function fromPortablePart(part: PortableTenantPart): TenantPart {
  return { report: part.report, violations: ViolationLog.fromEntries(part.violations), daily: part.daily };
}

/**
 * One month evaluated tenant by tenant, for callers that stream machines from a database: a tenant's
 * machines can be dropped as soon as `addTenant` returns, so memory holds one tenant's facts at a
 * time. Tenants may come in any order (the SP figures are sums and the violations are sorted); a
 * tenant never added is evaluated as having no machines.
 */
export class MonthEvaluation {
  private readonly w: MonthWindow;
  /** The tenant being evaluated's days on the SP counters, emptied into its part when it is done. */
  private readonly scratch: SpDaily;
  private readonly pass: MachinePass;
  private readonly parts: (TenantPart | undefined)[];

  constructor(
    private readonly estate: EstateCtx,
    private readonly month: string,
    detail: boolean,
  ) {
    this.w = monthWindow(month);
    this.scratch = newSpDaily(this.w);
    this.pass = new MachinePass(estate, this.w, this.scratch, detail);
    this.parts = new Array(estate.tenants.length);
  }

  /** Evaluates the tenant at `index` in the facts' tenant list with these machines (its `machines` are ignored). */
  addTenant(index: number, machines: Iterable<MachineFacts>): void {
    this.addPart(index, this.evaluateTenant(index, machines));
  }

  /** The part of the tenant at `index` with these machines, not yet added. */
  evaluateTenant(index: number, machines: Iterable<MachineFacts>): TenantPart {
    const t = this.tenantAt(index);
    const acc = newTenantAcc(licenseMonths(t, this.w));
    const reports: MachineReport[] = [];
    for (const m of machines) {
      const r = this.pass.run(t, acc, m);
      if (r) reports.push(r);
    }
    const violations = new ViolationLog();
    const report = finishTenant(this.estate, t, acc, reports, this.w, violations);
    return { report, violations, daily: takeEntries(this.scratch) };
  }

  /**
   * Adds the tenant at `index` as evaluated before: by `evaluateTenant` of this evaluation or of one
   * with the same configuration and month (the same facts but for machines, in the same order).
   */
  addPart(index: number, part: TenantPart): void {
    const t = this.tenantAt(index);
    if (this.parts[index]) throw new Error(`tenant ${t.facts.id} was already evaluated`);
    this.parts[index] = part;
  }

  /** Every tenant's part, by index, once `finish` has run. */
  tenantParts(): readonly TenantPart[] {
    return this.parts as TenantPart[];
  }

  finish(): MonthReport {
    for (let i = 0; i < this.parts.length; i++) if (!this.parts[i]) this.addTenant(i, []);
    const parts = this.parts as TenantPart[];
    const daily = newSpDaily(this.w);
    const log = new ViolationLog();
    for (const part of parts) {
      addEntries(daily, part.daily);
      log.addAll(part.violations);
    }
    const tenants = parts.map((p) => p.report);
    const serviceProvider = finishSp(this.estate, tenants, daily, this.w, log);
    return { month: this.month, serviceProvider, tenants, violations: log.list() };
  }

  private tenantAt(index: number) {
    const t = this.estate.tenants[index];
    if (!t) throw new RangeError(`no tenant at index ${index}`);
    return t;
  }
}

function newSpDaily(w: MonthWindow): SpDaily {
  return {
    usage: COUNTERS.map(() => new Int32Array(w.len + 1)),
    any: COUNTERS.map(() => new Int32Array(w.len + 1)),
  };
}

/** The arrays of an SpDaily in one order: usage by counter, then any by counter. */
function arraysOf(daily: SpDaily): Int32Array[] {
  return [...daily.usage, ...daily.any];
}

/** The entries of `daily` that are not 0, as (array, day, value) triples; `daily` is left all 0. */
function takeEntries(daily: SpDaily): Int32Array {
  const out: number[] = [];
  arraysOf(daily).forEach((a, k) => {
    for (let d = 0; d < a.length; d++) {
      if (a[d] !== 0) {
        out.push(k, d, a[d]!);
        a[d] = 0;
      }
    }
  });
  return Int32Array.from(out);
}

function addEntries(daily: SpDaily, entries: Int32Array): void {
  const arrays = arraysOf(daily);
  for (let i = 0; i < entries.length; i += 3) arrays[entries[i]!]![entries[i + 1]!]! += entries[i + 2]!;
}

/**
 * An estate's configuration prepared for evaluation (servers, licenses and their validity, ~35 ms
 * at 10,000 tenants), for evaluating several months, or the same configuration again, without
 * preparing it each time. Its machines are those given to each evaluation.
 */
export class PreparedEstate {
  /** @internal */
  readonly ctx: EstateCtx;

  constructor(readonly facts: EstateFacts) {
    this.ctx = estateCtx(facts, getRuleset(facts.ruleset));
  }
}

/** Starts a month's evaluation of an estate whose machines will be given tenant by tenant. */
export function evaluateMonthIncrementally(
  estate: EstateFacts | PreparedEstate,
  month: string,
  options: EvaluateOptions = {},
): MonthEvaluation {
  const prepared = estate instanceof PreparedEstate ? estate : new PreparedEstate(estate);
  return new MonthEvaluation(prepared.ctx, month, options.machines ?? true);
}
