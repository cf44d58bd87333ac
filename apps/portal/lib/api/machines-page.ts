import 'server-only';
import type { MachinesQueryVariables } from '../graphql/generated';
import { fetchMachinePage, type MachineRow } from '../graphql/operations/machines';
import type { MachineFilter } from '../machine-filter';

export const MACHINES_PER_PAGE = 25;

export interface MachinesPage {
  machines: MachineRow[];
  /** Cursor for the next page, or null. */
  nextCursor: string | null;
}

/** The URL's filters as the API's `machines` arguments (it filters before paging). */
function filterArguments(filter: MachineFilter): Pick<MachinesQueryVariables, 'counter' | 'pool' | 'status'> {
  return {
    counter:
      filter.counter && filter.counter !== 'tenant-license'
        ? (filter.counter.toUpperCase().replace('-', '_') as MachinesQueryVariables['counter'])
        : null,
    pool: filter.counter === 'tenant-license' ? 'TENANT_LICENSE' : null,
    status: filter.status ? (filter.status.toUpperCase() as MachinesQueryVariables['status']) : null,
  };
}

/** One page of a tenant's machines charged in the month, filtered by charge. */
export async function loadMachinesPage(
  token: string,
  args: { tenantExternalId: string; month: string; after: string | null; filter: MachineFilter },
): Promise<MachinesPage> {
  const page = await fetchMachinePage(token, {
    tenantExternalId: args.tenantExternalId,
    month: args.month,
    first: MACHINES_PER_PAGE,
    after: args.after,
    ...filterArguments(args.filter),
  });
  return {
    machines: page.edges.map((e) => e.node),
    nextCursor: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null,
  };
}
