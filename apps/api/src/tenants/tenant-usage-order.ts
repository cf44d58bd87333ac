/**
 * The orders of the SP's tenant list. Each is total (it ends with the external id, unique within an
 * SP), so a page's cursor can be the sort key of its last row: the next page starts strictly after
 * it, wherever that row has moved since.
 */
import type { State } from '@vcc/rules';
import { stateRank, type TenantFigures } from '../reports/tenant-figures.js';

export const TENANT_USAGE_SORTS = ['name', 'external-id', 'units', 'violations', 'state'] as const;
export type TenantUsageSort = (typeof TENANT_USAGE_SORTS)[number];

export interface TenantUsageRow {
  id: string;
  externalId: string;
  name: string;
  figures: TenantFigures | null;
}

export type SortKey = (string | number)[];

interface Order {
  key(row: TenantUsageRow): SortKey;
  /** Per key part: true when larger values come first. */
  descending: readonly boolean[];
}

const units = (row: TenantUsageRow) => row.figures?.units ?? 0;
const violations = (row: TenantUsageRow) => row.figures?.violations ?? 0;
const state = (row: TenantUsageRow): State | null => row.figures?.licenseState ?? null;
// Names sort without regard to case; comparing code units of the lower-cased name keeps the order
// the same in every process, whatever its locale, which cursors rely on.
const name = (row: TenantUsageRow) => row.name.toLowerCase();

const ORDERS: Record<TenantUsageSort, Order> = {
  name: { key: (r) => [name(r), r.externalId], descending: [false, false] },
  'external-id': { key: (r) => [r.externalId], descending: [false] },
  // Figures worst or largest first: that is what an SP scans a list of 10,000 tenants for.
  units: { key: (r) => [units(r), name(r), r.externalId], descending: [true, false, false] },
  violations: { key: (r) => [violations(r), name(r), r.externalId], descending: [true, false, false] },
  state: { key: (r) => [stateRank(state(r)), name(r), r.externalId], descending: [true, false, false] },
};

export function sortKey(sort: TenantUsageSort, row: TenantUsageRow): SortKey {
  return ORDERS[sort].key(row);
}

/** Negative when `a` comes before `b` in the order. */
export function compareKeys(sort: TenantUsageSort, a: SortKey, b: SortKey): number {
  const { descending } = ORDERS[sort];
  for (let i = 0; i < descending.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    const ascending = x < y ? -1 : 1;
    return descending[i] ? -ascending : ascending;
  }
  return 0;
}

/** Whether `key` has the shape of this order's keys (a cursor may come from another order). */
export function fitsOrder(sort: TenantUsageSort, key: unknown[]): key is SortKey {
  const sample = ORDERS[sort].key({ id: '', externalId: '', name: '', figures: null });
  return key.length === sample.length && key.every((part, i) => typeof part === typeof sample[i]);
}

/** The rows in the order, with their keys computed once. */
export function sortRows(
  sort: TenantUsageSort,
  rows: readonly TenantUsageRow[],
): { row: TenantUsageRow; key: SortKey }[] {
  return rows
    .map((row) => ({ row, key: sortKey(sort, row) }))
    .sort((a, b) => compareKeys(sort, a.key, b.key));
}
