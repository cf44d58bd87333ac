/**
 * Ingestion batches for an estate made by `seedEstate`: every seeded machine's next daily points,
 * day by day from `firstDay`, with the tenant, machine, server and operation the seed gave it, as a
 * Cloud Connect server would report the days after the seeded month.
 */
import { type SyntheticOptions, syntheticTenants } from '@vcc/db';
import { DAY_MS } from '@vcc/rules';
import type { RestorePointBody } from './graphql-requests.js';

/** The GraphQL enum name of an operation: `cloud-backup` -> `CLOUD_BACKUP`. */
const enumName = (operation: string) => operation.toUpperCase().replaceAll('-', '_');

/** Batches of `size` points (the API's maximum is 10,000), one point per machine and day. */
export function* followingDays(
  estate: SyntheticOptions,
  firstDay: number,
  size: number,
): Generator<RestorePointBody[]> {
  const machines = [...syntheticTenants(estate)].flatMap((tenant) =>
    tenant.machines.map((machine) => ({ tenant: tenant.externalId, machine })),
  );
  let batch: RestorePointBody[] = [];
  for (let day = firstDay; ; day++) {
    for (const { tenant, machine } of machines) {
      batch.push({
        tenant,
        machine: machine.externalId,
        server: `${tenant}-vbr`,
        operation: enumName(machine.operations[0]!),
        at: new Date(day * DAY_MS + machine.minuteOfDay * 60_000).toISOString(),
      });
      if (batch.length === size) {
        yield batch;
        batch = [];
      }
    }
  }
}
