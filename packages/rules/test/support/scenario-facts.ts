/**
 * Test-only: a vcc-scenario/1 object turned into EstateFacts by grouping restore points per machine and
 * calling the reference rollUp. No validation: the real parser lives in src/scenario/.
 */
import { readFileSync } from 'node:fs';
import { type RestorePointFact, rollUp } from '../../src/activity.js';
import type { BackupServerFacts, EstateFacts, Plan } from '../../src/facts.js';
import type { AgentOs, MachineKind, Operation, RulesetId } from '../../src/model.js';

export interface ScenarioRp {
  machine: string;
  server: string;
  operation: Operation;
  at: string;
}

export interface ScenarioJson {
  ruleset: RulesetId;
  months?: string[];
  serviceProvider: { id: string; name: string; backupServers: BackupServerFacts[] };
  tenants: {
    id: string;
    name: string;
    enabled: boolean;
    managedBySp: boolean;
    plan: Plan;
    backupServers: BackupServerFacts[];
    machines: { id: string; kind: MachineKind; agent?: { os: AgentOs; version: string } }[];
    restorePoints: ScenarioRp[];
  }[];
  expect?: Record<string, unknown>;
}

export function scenarioFacts(s: ScenarioJson): EstateFacts {
  return {
    ruleset: s.ruleset,
    serviceProvider: s.serviceProvider,
    tenants: s.tenants.map((t) => {
      const byMachine = new Map<string, RestorePointFact[]>();
      for (const rp of t.restorePoints) {
        const list = byMachine.get(rp.machine) ?? [];
        list.push({ server: rp.server, operation: rp.operation, at: Date.parse(rp.at) });
        byMachine.set(rp.machine, list);
      }
      return {
        id: t.id,
        name: t.name,
        enabled: t.enabled,
        managedBySp: t.managedBySp,
        plan: t.plan,
        backupServers: t.backupServers,
        machines: t.machines.map((m) => ({
          id: m.id,
          kind: m.kind,
          agent: m.agent,
          ...rollUp(byMachine.get(m.id) ?? []),
        })),
      };
    }),
  };
}

export function loadScenario(path: string): ScenarioJson {
  return JSON.parse(readFileSync(path, 'utf8')) as ScenarioJson;
}
