/**
 * `machine`: one machine with its charges for a month, from the same report `machines` and
 * `licenseReport` read (so the three cannot disagree). Null when the tenant or machine is not
 * within the caller's reach; a machine with nothing charged that month has no charges.
 */
import { schema, type Transaction } from '@vcc/db';
import { and, eq } from 'drizzle-orm';
import type { Principal } from '../auth/principal.js';
import { withinReach } from '../auth/scope-conditions.js';
import { findTenant } from '../estate/find-estate.js';
import { monthReport } from '../reports/report-service.js';
import type { MachineKindEnum } from '../schema/common/enums.js';
import { toCharge } from '../schema/machines/machine.mapping.js';
import type { Machine } from '../schema/machines/machine.types.js';

export async function findMachine(
  tx: Transaction,
  principal: Principal,
  tenantExternalId: string,
  externalId: string,
  month: string,
): Promise<Machine | null> {
  const { machines } = schema;
  const tenant = await findTenant(tx, principal, tenantExternalId);
  if (!tenant) return null;
  const [machine] = await tx
    .select()
    .from(machines)
    .where(
      and(
        eq(machines.tenantId, tenant.id),
        eq(machines.externalId, externalId),
        ...withinReach(principal, { spId: machines.spId, tenantId: machines.tenantId }),
      ),
    );
  if (!machine) return null;
  const report = await monthReport(tx, principal, month, { machines: { tenant: tenant.externalId } });
  const charged = report.tenants
    .find((t) => t.id === tenant.externalId)
    ?.machines.find((m) => m.id === externalId);
  return {
    id: `${tenant.id}:${machine.id}`,
    externalId: machine.externalId,
    kind: machine.kind as MachineKindEnum,
    agentOs: machine.agentOs,
    agentVersion: machine.agentVersion,
    tenant: { id: tenant.id, externalId: tenant.externalId, name: tenant.name },
    month,
    charges: charged?.charges.map(toCharge) ?? [],
  };
}
