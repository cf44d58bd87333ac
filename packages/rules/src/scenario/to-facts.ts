/** From a parsed scenario to the engine's input (facts.ts), through the reference rollup (activity.ts). */
import { type RestorePointFact, rollUp } from '../activity.js';
import type { BackupServerFacts, EstateFacts, MachineFacts, TenantFacts } from '../facts.js';
import { monthOf } from '../time.js';
import { scenarioTimeMs } from './formats.js';
import type { Scenario, ScenarioBackupServer, ScenarioTenant } from './schema.js';

/** UTC milliseconds of a parsed scenario's restore point time. */
function timeOf(at: string): number {
  const ms = scenarioTimeMs(at);
  if (ms === null) throw new RangeError(`not an ISO 8601 UTC time: ${at} (parse the scenario first)`);
  return ms;
}

function serverFacts(server: ScenarioBackupServer): BackupServerFacts {
  return {
    id: server.id,
    version: server.version,
    licenses: server.licenses.map((l) => ({
      id: l.id,
      type: l.type,
      validFrom: l.validFrom,
      ...(l.validTo === undefined ? {} : { validTo: l.validTo }),
      capacity: { ...l.capacity },
    })),
  };
}

function tenantFacts(tenant: ScenarioTenant): TenantFacts {
  const points = new Map<string, RestorePointFact[]>(tenant.machines.map((m) => [m.id, []]));
  for (const rp of tenant.restorePoints) {
    const list = points.get(rp.machine);
    if (!list)
      throw new RangeError(
        `unknown machine "${rp.machine}" in tenant "${tenant.id}" (parse the scenario first)`,
      );
    list.push({ server: rp.server, operation: rp.operation, at: timeOf(rp.at) });
  }
  const machines: MachineFacts[] = tenant.machines.map((m) => ({
    id: m.id,
    kind: m.kind,
    ...(m.agent === undefined ? {} : { agent: { os: m.agent.os, version: m.agent.version } }),
    ...rollUp(points.get(m.id) ?? []),
  }));
  return {
    id: tenant.id,
    name: tenant.name,
    enabled: tenant.enabled,
    managedBySp: tenant.managedBySp,
    plan: { ...tenant.plan },
    backupServers: tenant.backupServers.map(serverFacts),
    machines,
  };
}

/** The engine's facts of a parsed (valid) scenario; ids as written. */
export function scenarioToFacts(scenario: Scenario): EstateFacts {
  return {
    ruleset: scenario.ruleset,
    serviceProvider: {
      id: scenario.serviceProvider.id,
      name: scenario.serviceProvider.name,
      backupServers: scenario.serviceProvider.backupServers.map(serverFacts),
    },
    tenants: scenario.tenants.map(tenantFacts),
  };
}

/** The months to report: `months` if the scenario gives them, else every month with restore points; sorted. */
export function scenarioMonths(scenario: Scenario): string[] {
  if (scenario.months !== undefined) return [...new Set(scenario.months)].sort();
  const months = new Set<string>();
  for (const tenant of scenario.tenants)
    for (const rp of tenant.restorePoints) months.add(monthOf(timeOf(rp.at)));
  return [...months].sort();
}
