/**
 * `vcc seed`: writes a synthetic estate (synthetic-estate.ts) into the database, one transaction per
 * tenant so that a tenant is there whole or not at all. Seeding again with the same options changes
 * nothing: rows are matched by external id and restore points by their natural key.
 */
import type { RulesetId } from '@vcc/rules';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../client.js';
import { bumpEstateVersion } from '../estate/bump-estate-version.js';
import { auditLog, backupServers, licenses, machines, serviceProviders, tenants } from '../schema/index.js';
import type { Executor } from '../scope.js';
import { upsertChanged } from '../upsert.js';
import { recordRestorePoints, type StoredRestorePoint } from '../usage/record-restore-points.js';
import {
  machineRestorePoints,
  type SyntheticOptions,
  type SyntheticTenant,
  syntheticTenants,
} from './synthetic-estate.js';

export interface SeedOptions extends SyntheticOptions {
  ruleset?: RulesetId;
  spName?: string;
  /** Called after each tenant with the machines written so far. */
  onProgress?: (machinesDone: number) => void;
}

/** Restore points per statement: large enough to amortise a round trip, small enough for memory. */
const POINTS_PER_STATEMENT = 20_000;

export async function seedEstate(
  db: Database,
  options: SeedOptions,
): Promise<{ spId: string; restorePoints: number }> {
  const ruleset = options.ruleset ?? 'vbr-9.5';
  const spId = await db.transaction(async (tx) => {
    await upsertChanged(
      tx,
      serviceProviders,
      [{ externalId: options.spExternalId, name: options.spName ?? 'Demo Cloud', ruleset }],
      [serviceProviders.externalId],
      [serviceProviders.name, serviceProviders.ruleset],
    );
    const [sp] = await tx
      .select({ id: serviceProviders.id })
      .from(serviceProviders)
      .where(eq(serviceProviders.externalId, options.spExternalId));
    await upsertChanged(
      tx,
      backupServers,
      [{ spId: sp!.id, tenantId: null, externalId: `${options.spExternalId}-cc`, version: '12.0.0.1420' }],
      [backupServers.spId, backupServers.externalId],
      [backupServers.version],
    );
    return sp!.id;
  });
  const spServerId = await serverId(db, spId, `${options.spExternalId}-cc`);

  let machinesDone = 0;
  let restorePoints = 0;
  const totals = { vmBackup: 0, vmReplica: 0, server: 0, workstation: 0 };
  for (const tenant of syntheticTenants(options)) {
    restorePoints += await db.transaction((tx) => writeTenant(tx, spId, tenant, options));
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += tenant.plan[key];
    machinesDone += tenant.machines.length;
    options.onProgress?.(machinesDone);
  }

  await db.transaction(async (tx) => {
    // The SP license is sized for what tenants plan, a little short on replicas so that sizing shows.
    await upsertChanged(
      tx,
      licenses,
      [
        {
          spId,
          tenantId: null,
          externalId: `${options.spExternalId}-cc-license`,
          serverId: spServerId,
          type: 'cloud-connect-sp',
          validFrom: '2020-01-01',
          validTo: '2030-12-31',
          capVmBackup: ruleset === 'vbr-9.5' ? totals.vmBackup : null,
          capVmReplica: ruleset === 'vbr-9.5' ? Math.floor(totals.vmReplica * 0.9) : null,
          capServer: ruleset === 'vbr-9.5' ? totals.server : null,
          capWorkstation: ruleset === 'vbr-9.5' ? totals.workstation : null,
          capPoints:
            ruleset === 'vcsp-points'
              ? totals.vmBackup * 5 + totals.vmReplica * 10 + totals.server * 7 + totals.workstation * 3
              : null,
        },
      ],
      [licenses.spId, licenses.externalId],
      [
        licenses.capVmBackup,
        licenses.capVmReplica,
        licenses.capServer,
        licenses.capWorkstation,
        licenses.capPoints,
      ],
    );
    await bumpEstateVersion(tx, spId);
    await tx.insert(auditLog).values({
      spId,
      actor: 'cli',
      action: 'estate.seed',
      subject: `service-provider:${options.spExternalId}`,
      details: {
        tenants: options.tenants,
        machines: options.machines,
        months: options.months,
        restorePoints,
      },
    });
  });
  return { spId, restorePoints };
}

async function serverId(db: Executor, spId: string, externalId: string): Promise<string> {
  const [row] = await db
    .select({ id: backupServers.id })
    .from(backupServers)
    .where(and(eq(backupServers.spId, spId), eq(backupServers.externalId, externalId)));
  return row!.id;
}

async function writeTenant(
  tx: Executor,
  spId: string,
  tenant: SyntheticTenant,
  options: SyntheticOptions,
): Promise<number> {
  await upsertChanged(
    tx,
    tenants,
    [
      {
        spId,
        externalId: tenant.externalId,
        name: tenant.name,
        managedBySp: tenant.managedBySp,
        planVmBackup: tenant.plan.vmBackup,
        planVmReplica: tenant.plan.vmReplica,
        planServer: tenant.plan.server,
        planWorkstation: tenant.plan.workstation,
        planVms: tenant.plan.vms,
      },
    ],
    [tenants.spId, tenants.externalId],
    [
      tenants.name,
      tenants.managedBySp,
      tenants.planVmBackup,
      tenants.planVmReplica,
      tenants.planServer,
      tenants.planWorkstation,
      tenants.planVms,
    ],
  );
  const [tenantRow] = await tx
    .select({ id: tenants.id })
    .from(tenants)
    .where(and(eq(tenants.spId, spId), eq(tenants.externalId, tenant.externalId)));
  const tenantId = tenantRow!.id;
  const serverExternalId = `${tenant.externalId}-vbr`;
  await upsertChanged(
    tx,
    backupServers,
    [{ spId, tenantId, externalId: serverExternalId, version: tenant.serverVersion }],
    [backupServers.spId, backupServers.externalId],
    [backupServers.version],
  );
  const tenantServerId = await serverId(tx, spId, serverExternalId);
  await upsertChanged(
    tx,
    licenses,
    [
      {
        spId,
        tenantId,
        externalId: `${tenant.externalId}-license`,
        serverId: tenantServerId,
        type: tenant.licenseType,
        validFrom: '2020-01-01',
        capInstances: tenant.capacity,
      },
    ],
    [licenses.spId, licenses.externalId],
    [licenses.type, licenses.capInstances],
  );

  let written = 0;
  let batch: StoredRestorePoint[] = [];
  for (let i = 0; i < tenant.machines.length; i += 2_000) {
    const chunk = tenant.machines.slice(i, i + 2_000);
    await tx
      .insert(machines)
      .values(
        chunk.map((m) => ({
          spId,
          tenantId,
          externalId: m.externalId,
          kind: m.kind,
          agentOs: m.agentOs,
          agentVersion: m.agentVersion,
        })),
      )
      .onConflictDoNothing();
    const ids = await tx
      .select({ id: machines.id, externalId: machines.externalId })
      .from(machines)
      .where(
        and(
          eq(machines.tenantId, tenantId),
          inArray(
            machines.externalId,
            chunk.map((m) => m.externalId),
          ),
        ),
      );
    const idOf = new Map(ids.map((r) => [r.externalId, r.id]));
    for (const machine of chunk) {
      for (const p of machineRestorePoints(machine, options)) {
        batch.push({
          tenantId,
          machineId: idOf.get(machine.externalId)!,
          serverId: tenantServerId,
          operation: p.operation,
          at: p.at,
        });
        if (batch.length >= POINTS_PER_STATEMENT) {
          written += batch.length;
          await recordRestorePoints(tx, spId, batch);
          batch = [];
        }
      }
    }
  }
  written += batch.length;
  await recordRestorePoints(tx, spId, batch);
  return written;
}
