/**
 * Test-only builders: a small estate described by restore points, rolled up into EstateFacts with the
 * reference rollUp, plus accessors into the report. Defaults: one SP server `sp` (9.5 U3) with a
 * Cloud Connect license `lic-cc` for 100 of every counter (1000 points), valid 2020..2030; each tenant
 * `t` has one server `t-vbr` (9.5 U3) with a perpetual license `lic-t` for 50 instances.
 */
import { type RestorePointFact, rollUp } from '../../src/activity.js';
import type { BackupServerFacts, EstateFacts, LicenseFacts, Plan } from '../../src/facts.js';
import type {
  AgentOs,
  Capacity,
  Counter,
  LicenseType,
  MachineKind,
  Operation,
  RulesetId,
} from '../../src/model.js';
import type { Charge, LicenseFigures, MonthReport, Report, SpCounterFigures } from '../../src/report.js';
import { DAY_MS } from '../../src/time.js';

export const U3 = '9.5.0.1536';
export const U2 = '9.5.0.1038';

export interface Rp {
  machine: string;
  at: string | number;
  op?: Operation;
  server?: string;
}

export interface MachineSpec {
  id: string;
  kind?: MachineKind;
  agent?: { os: AgentOs; version: string };
}

export interface TenantSpec {
  id: string;
  managedBySp?: boolean;
  enabled?: boolean;
  plan?: Partial<Plan>;
  servers?: BackupServerFacts[];
  machines?: MachineSpec[];
  rps: Rp[];
}

export interface EstateSpec {
  ruleset?: RulesetId;
  spServers?: BackupServerFacts[];
  tenants: TenantSpec[];
}

export function lic(
  id: string,
  type: LicenseType,
  capacity: Capacity,
  validFrom = '2020-01-01',
  validTo?: string,
): LicenseFacts {
  return { id, type, validFrom, validTo, capacity };
}

export function server(id: string, licenses: LicenseFacts[], version = U3): BackupServerFacts {
  return { id, version, licenses };
}

export const FULL_SP: Capacity = {
  'vm-backup': 100,
  'vm-replica': 100,
  server: 100,
  workstation: 100,
  points: 1000,
};

export function spServer(
  licenses = [lic('lic-cc', 'cloud-connect-sp', FULL_SP, '2020-01-01', '2030-12-31')],
  version = U3,
) {
  return server('sp', licenses, version);
}

function toMs(at: string | number): number {
  return typeof at === 'number' ? at : Date.parse(at.length === 10 ? `${at}T01:00:00Z` : at);
}

export function build(spec: EstateSpec): EstateFacts {
  return {
    ruleset: spec.ruleset ?? 'vbr-9.5',
    serviceProvider: { id: 'acme', name: 'Acme', backupServers: spec.spServers ?? [spServer()] },
    tenants: spec.tenants.map((t) => {
      const servers = t.servers ?? [
        server(`${t.id}-vbr`, [lic(`lic-${t.id}`, 'perpetual', { instances: 50 })]),
      ];
      const defaultServer = servers[0]?.id ?? `${t.id}-vbr`;
      const byMachine = new Map<string, RestorePointFact[]>();
      const specs = new Map<string, MachineSpec>((t.machines ?? []).map((m) => [m.id, m]));
      for (const rp of t.rps) {
        if (!specs.has(rp.machine)) specs.set(rp.machine, { id: rp.machine });
        const list = byMachine.get(rp.machine) ?? [];
        list.push({
          server: rp.server ?? defaultServer,
          operation: rp.op ?? 'cloud-backup',
          at: toMs(rp.at),
        });
        byMachine.set(rp.machine, list);
      }
      return {
        id: t.id,
        name: t.id,
        enabled: t.enabled ?? true,
        managedBySp: t.managedBySp ?? false,
        plan: { 'vm-backup': 0, 'vm-replica': 0, server: 0, workstation: 0, vms: 0, ...t.plan },
        backupServers: servers,
        machines: [...specs.values()].map((m) => ({
          id: m.id,
          kind: m.kind ?? 'vm',
          agent: m.agent,
          ...rollUp(byMachine.get(m.id) ?? []),
        })),
      };
    }),
  };
}

/** One restore point a day at 01:00 UTC from `from` to `to` (dates, inclusive). */
export function daily(
  machine: string,
  from: string,
  to: string,
  op: Operation = 'cloud-backup',
  srv?: string,
): Rp[] {
  const out: Rp[] = [];
  for (let t = Date.parse(`${from}T01:00:00Z`); t <= Date.parse(`${to}T01:00:00Z`); t += DAY_MS) {
    out.push({ machine, at: t, op, server: srv });
  }
  return out;
}

export function month(r: Report, m: string): MonthReport {
  const found = r.months.find((x) => x.month === m);
  if (!found) throw new Error(`no month ${m} in report`);
  return found;
}

export function sp(r: Report, m: string, c: Counter): SpCounterFigures {
  return month(r, m).serviceProvider.counters[c];
}

export function tenantOf(r: Report, m: string, t: string) {
  const found = month(r, m).tenants.find((x) => x.id === t);
  if (!found) throw new Error(`no tenant ${t}`);
  return found;
}

export function license(r: Report, m: string, t: string, l: string): LicenseFigures | undefined {
  return tenantOf(r, m, t).licenses.find((x) => x.id === l);
}

export function charges(r: Report, m: string, t: string, machine: string): Charge[] {
  return tenantOf(r, m, t).machines.find((x) => x.id === machine)?.charges ?? [];
}

export function spCharge(r: Report, m: string, t: string, machine: string, c: Counter): Charge | undefined {
  return charges(r, m, t, machine).find((x) => x.pool === 'sp-cloud-connect' && x.counter === c);
}

export function codes(r: Report, m: string): string[] {
  return month(r, m).violations.map((v) => v.code);
}

/** used/new/rental of an SP counter as a compact triple. */
export function unr(f: { used: number; new: number; rental: number }): [number, number, number] {
  return [f.used, f.new, f.rental];
}
