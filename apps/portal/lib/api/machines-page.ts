import 'server-only';
import { fetchMachinePage, type MachineRow } from '../graphql/operations/machines';
import { isFiltered, type MachineFilter, machineMatches } from '../machine-filter';

export const MACHINES_PER_PAGE = 25;
// The API has no charge filter yet, so a filtered page scans API pages of the maximum size; the
// cap bounds the work of one request. A `counter`/`status` argument on `machines` would remove this.
const SCAN_PAGE = 500;
const MAX_SCANS = 4;

export interface MachinesPage {
  machines: MachineRow[];
  /** Cursor for the next page (the API's cursor of the last machine looked at), or null. */
  nextCursor: string | null;
}

/**
 * One page of a tenant's machines, filtered by charge. Unfiltered: one API call. Filtered: walks
 * the API's pages from `after`, keeping matches, until the page is full or the scan cap is hit;
 * the next cursor continues exactly where the walk stopped, so no machine is skipped or repeated.
 */
export async function loadMachinesPage(
  token: string,
  args: { tenantExternalId: string; month: string; after: string | null; filter: MachineFilter },
): Promise<MachinesPage> {
  const { tenantExternalId, month, filter } = args;
  if (!isFiltered(filter)) {
    const page = await fetchMachinePage(token, {
      tenantExternalId,
      month,
      first: MACHINES_PER_PAGE,
      after: args.after,
    });
    return {
      machines: page.edges.map((e) => e.node),
      nextCursor: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null,
    };
  }

  const machines: MachineRow[] = [];
  let after = args.after;
  for (let scan = 0; scan < MAX_SCANS; scan++) {
    const page = await fetchMachinePage(token, { tenantExternalId, month, first: SCAN_PAGE, after });
    for (const edge of page.edges) {
      if (!machineMatches(edge.node, filter)) continue;
      machines.push(edge.node);
      if (machines.length === MACHINES_PER_PAGE) {
        const isLast = edge === page.edges[page.edges.length - 1] && !page.pageInfo.hasNextPage;
        return { machines, nextCursor: isLast ? null : edge.cursor };
      }
    }
    if (!page.pageInfo.hasNextPage) return { machines, nextCursor: null };
    after = page.pageInfo.endCursor;
  }
  return { machines, nextCursor: after };
}
