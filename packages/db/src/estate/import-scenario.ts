/**
 * `vcc import`: loads a parsed scenario into the database in one transaction. Everything is matched by
 * the SP's external ids, so importing the same file again changes nothing; a later file adds what is
 * new and updates what changed (nothing is deleted).
 */
import { type Capacity, type Scenario, type ScenarioBackupServer, scenarioTimeMs } from '@vcc/rules';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../client.js';
import { auditLog, backupServers, licenses, machines, serviceProviders, tenants } from '../schema/index.js';
import type { Executor } from '../scope.js';
import { upsertChanged } from '../upsert.js';
import { recordRestorePoints, type StoredRestorePoint } from '../usage/record-restore-points.js';
import { bumpEstateVersion } from './bump-estate-version.js';

export interface ImportSummary {
  serviceProvider: string;
  tenants: number;
  machines: number;
  restorePoints: { inserted: number; duplicates: number };
  /** Configuration rows inserted or changed; 0 when the import changed nothing. */
  changed: number;
}

export function importScenario(db: Database, scenario: Scenario, actor = 'cli'): Promise<ImportSummary> {
  return db.transaction((tx) => importInto(tx, scenario, actor));
}

async function importInto(tx: Executor, scenario: Scenario, actor: string): Promise<ImportSummary> {
  const sp = scenario.serviceProvider;
  let changed = await upsertChanged(
    tx,
    serviceProviders,
    [{ externalId: sp.id, name: sp.name, ruleset: scenario.ruleset }],
    [serviceProviders.externalId],
    [serviceProviders.name, serviceProviders.ruleset],
  );
  const [spRow] = await tx
    .select({ id: serviceProviders.id })
    .from(serviceProviders)
    .where(eq(serviceProviders.externalId, sp.id));
  const spId = spRow!.id;

  changed += await upsertChanged(
    tx,
    tenants,
    scenario.tenants.map((t) => ({
      spId,
      externalId: t.id,
      name: t.name,
      enabled: t.enabled,
      managedBySp: t.managedBySp,
      planVmBackup: t.plan['vm-backup'],
      planVmReplica: t.plan['vm-replica'],
      planServer: t.plan.server,
      planWorkstation: t.plan.workstation,
      planVms: t.plan.vms,
    })),
    [tenants.spId, tenants.externalId],
    [
      tenants.name,
      tenants.enabled,
      tenants.managedBySp,
      tenants.planVmBackup,
      tenants.planVmReplica,
      tenants.planServer,
      tenants.planWorkstation,
      tenants.planVms,
    ],
  );
  const tenantIds = await idMap(tx, spId, 'tenants');

  const servers: { tenantId: string | null; server: ScenarioBackupServer }[] = [
    ...sp.backupServers.map((server) => ({ tenantId: null, server })),
    ...scenario.tenants.flatMap((t) =>
      t.backupServers.map((server) => ({ tenantId: tenantIds.get(t.id)!, server })),
    ),
  ];
  changed += await upsertChanged(
    tx,
    backupServers,
    servers.map(({ tenantId, server }) => ({
      spId,
      tenantId,
      externalId: server.id,
      version: server.version,
    })),
    [backupServers.spId, backupServers.externalId],
    [backupServers.tenantId, backupServers.version],
  );
  const serverIds = await idMap(tx, spId, 'backup_servers');

  changed += await upsertChanged(
    tx,
    licenses,
    servers.flatMap(({ tenantId, server }) =>
      server.licenses.map((l) => ({
        spId,
        tenantId,
        externalId: l.id,
        serverId: serverIds.get(server.id)!,
        type: l.type,
        validFrom: l.validFrom,
        validTo: l.validTo ?? null,
        ...capacityColumns(l.capacity),
      })),
    ),
    [licenses.spId, licenses.externalId],
    [
      licenses.tenantId,
      licenses.serverId,
      licenses.type,
      licenses.validFrom,
      licenses.validTo,
      licenses.capVmBackup,
      licenses.capVmReplica,
      licenses.capServer,
      licenses.capWorkstation,
      licenses.capPoints,
      licenses.capInstances,
    ],
  );

  let machineCount = 0;
  const points: StoredRestorePoint[] = [];
  for (const t of scenario.tenants) {
    const tenantId = tenantIds.get(t.id)!;
    machineCount += t.machines.length;
    changed += await upsertChanged(
      tx,
      machines,
      t.machines.map((m) => ({
        spId,
        tenantId,
        externalId: m.id,
        kind: m.kind,
        agentOs: m.agent?.os ?? null,
        agentVersion: m.agent?.version ?? null,
      })),
      [machines.tenantId, machines.externalId],
      [machines.kind, machines.agentOs, machines.agentVersion],
    );
    const machineIds = await machineIdMap(
      tx,
      tenantId,
      t.restorePoints.map((p) => p.machine),
    );
    for (const p of t.restorePoints) {
      points.push({
        tenantId,
        machineId: machineIds.get(p.machine)!,
        serverId: serverIds.get(p.server)!,
        operation: p.operation,
        // The engine's reading of the time (to the millisecond), never PostgreSQL's own rounding.
        at: scenarioTimeMs(p.at)!,
      });
    }
  }
  const restorePoints = await recordRestorePoints(tx, spId, points);

  if (changed > 0 || restorePoints.inserted > 0) {
    await bumpEstateVersion(tx, spId);
    await tx.insert(auditLog).values({
      spId,
      actor,
      action: 'scenario.import',
      subject: `service-provider:${sp.id}`,
      details: { changed, restorePoints },
    });
  }
  return {
    serviceProvider: sp.id,
    tenants: scenario.tenants.length,
    machines: machineCount,
    restorePoints,
    changed,
  };
}

function capacityColumns(c: Capacity) {
  return {
    capVmBackup: c['vm-backup'] ?? null,
    capVmReplica: c['vm-replica'] ?? null,
    capServer: c.server ?? null,
    capWorkstation: c.workstation ?? null,
    capPoints: c.points ?? null,
    capInstances: c.instances ?? null,
  };
}

async function idMap(
  tx: Executor,
  spId: string,
  table: 'tenants' | 'backup_servers',
): Promise<Map<string, string>> {
  const t = table === 'tenants' ? tenants : backupServers;
  const rows = await tx.select({ id: t.id, externalId: t.externalId }).from(t).where(eq(t.spId, spId));
  return new Map(rows.map((r) => [r.externalId, r.id]));
}

async function machineIdMap(
  tx: Executor,
  tenantId: string,
  externalIds: string[],
): Promise<Map<string, number>> {
  const wanted = [...new Set(externalIds)];
  const out = new Map<string, number>();
  for (let i = 0; i < wanted.length; i += 5_000) {
    const rows = await tx
      .select({ id: machines.id, externalId: machines.externalId })
      .from(machines)
      .where(and(eq(machines.tenantId, tenantId), inArray(machines.externalId, wanted.slice(i, i + 5_000))));
    for (const r of rows) out.set(r.externalId, r.id);
  }
  return out;
}
