/**
 * `tenantUsage`: the SP's tenant list with each tenant's figures for a month, searched, sorted and
 * paged here, so that a portal page of 50 tenants costs the same with 10 tenants or 10,000. Figures
 * come from the cached month report (figures only, no per-machine detail); only the page's tenants
 * are read in full.
 */
import { schema, type Transaction } from '@vcc/db';
import { COUNTERS } from '@vcc/rules';
import { and, inArray } from 'drizzle-orm';
import type { Principal } from '../auth/principal.js';
import { withinReach } from '../auth/scope-conditions.js';
import { badInput } from '../errors.js';
import { monthReport } from '../reports/report-service.js';
import { type TenantFigures, tenantFigures } from '../reports/tenant-figures.js';
import { decodeCursor, pageSize, toConnection } from '../schema/common/connection.js';
import type { CounterEnum, LicenseTypeEnum, StateEnum } from '../schema/common/enums.js';
import type { LicenseRef } from '../schema/reports/report.types.js';
import { toTenant } from '../schema/tenants/tenant.mapping.js';
import type { TenantUsage, TenantUsageConnection } from '../schema/tenants/tenant-usage.types.js';
import { tenantSearchCondition } from './tenant-search.js';
import {
  compareKeys,
  fitsOrder,
  type SortKey,
  sortRows,
  type TenantUsageSort,
} from './tenant-usage-order.js';

const { tenants, licenses } = schema;

export interface TenantUsageArgs {
  month: string;
  search: string | null;
  sort: TenantUsageSort;
  first: number | null;
  after: string | null;
}

/** A cursor is `[sort, ...key]`: one given out for another order is refused, not misread. */
function startAfter(sort: TenantUsageSort, after: string): SortKey {
  const [cursorSort, ...key] = decodeCursor(after);
  if (cursorSort !== sort || !fitsOrder(sort, key))
    throw badInput([{ path: 'after', message: 'this cursor belongs to another sort order' }]);
  return key;
}

export async function listTenantUsage(
  tx: Transaction,
  principal: Principal,
  args: TenantUsageArgs,
): Promise<TenantUsageConnection> {
  const limit = pageSize(args.first);
  const position = args.after ? startAfter(args.sort, args.after) : null;
  const figures = tenantFigures(await monthReport(tx, principal, args.month));

  // Only what search and sort need, for every tenant in reach: three narrow columns.
  const candidates = await tx
    .select({ id: tenants.id, externalId: tenants.externalId, name: tenants.name })
    .from(tenants)
    .where(
      and(
        ...withinReach(principal, { spId: tenants.spId, tenantId: tenants.id }),
        tenantSearchCondition(args.search),
      ),
    );
  const sorted = sortRows(
    args.sort,
    candidates.map((c) => ({ ...c, figures: figures.get(c.externalId) ?? null })),
  );
  const start = position ? firstAfter(args.sort, sorted, position) : 0;
  const slice = sorted.slice(start, start + limit + 1);

  const nodes = await pageNodes(
    tx,
    principal,
    slice.map((s) => s.row),
  );
  const keys = new Map(slice.map((s) => [s.row.id, s.key]));
  const connection = toConnection(nodes, limit, (n) => [args.sort, ...keys.get(n.tenant.id)!]);
  return { ...connection, totalCount: sorted.length };
}

/** Index of the first row after `position`: the rows are sorted, so a binary search. */
function firstAfter(sort: TenantUsageSort, sorted: { key: SortKey }[], position: SortKey): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareKeys(sort, sorted[mid]!.key, position) > 0) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The page's tenants in full, with their license names, in the page's order. */
async function pageNodes(
  tx: Transaction,
  principal: Principal,
  rows: { id: string; figures: TenantFigures | null }[],
): Promise<TenantUsage[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [tenantRows, licenseRows] = await Promise.all([
    tx
      .select()
      .from(tenants)
      .where(
        and(
          inArray(tenants.id, ids),
          ...withinReach(principal, { spId: tenants.spId, tenantId: tenants.id }),
        ),
      ),
    tx
      .select({ id: licenses.id, externalId: licenses.externalId, type: licenses.type })
      .from(licenses)
      .where(
        and(
          inArray(licenses.tenantId, ids),
          ...withinReach(principal, { spId: licenses.spId, tenantId: licenses.tenantId }),
        ),
      ),
  ]);
  const byId = new Map(tenantRows.map((t) => [t.id, toTenant(t)]));
  const licenseRefs = new Map<string, LicenseRef>(
    licenseRows.map((l) => [l.externalId, { ...l, type: l.type as LicenseTypeEnum }]),
  );
  return rows.flatMap(({ id, figures }) => {
    const tenant = byId.get(id);
    return tenant ? [toTenantUsage(tenant, figures, licenseRefs)] : [];
  });
}

function toTenantUsage(
  tenant: TenantUsage['tenant'],
  figures: TenantFigures | null,
  licenseRefs: Map<string, LicenseRef>,
): TenantUsage {
  return {
    tenant,
    units: figures?.units ?? 0,
    share: figures?.share ?? 0,
    counters: COUNTERS.map((counter) => ({
      counter: counter as CounterEnum,
      ...(figures?.counters[counter] ?? { used: 0, new: 0, rental: 0, units: 0 }),
    })),
    licenses: (figures?.licenses ?? []).map((l) => ({
      license: licenseRefs.get(l.id) ?? { id: l.id, externalId: l.id, type: l.type as LicenseTypeEnum },
      used: l.used,
      new: l.new,
      capacity: l.capacity,
      peak: l.peak,
      state: l.state as StateEnum,
    })),
    licenseState: (figures?.licenseState ?? null) as StateEnum | null,
    hosting: figures?.hosting ?? null,
    openViolations: figures?.violations ?? 0,
  };
}
