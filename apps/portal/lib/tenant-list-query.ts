/**
 * The SP tenant list's state lives in its URL (search, sort, page size, cursor, month), so every
 * view is a link: sortable headers, search and paging work without JavaScript and from the keyboard.
 */
import type { TenantUsageSort } from './graphql/operations/tenant-usage';
import { currentMonth, monthParam } from './month';

type Param = string | string[] | undefined;

/** The sort as the URL spells it (`?sort=units`), with the API's order and its one direction. */
export const TENANT_SORTS = {
  name: { api: 'NAME', direction: 'ascending' },
  'external-id': { api: 'EXTERNAL_ID', direction: 'ascending' },
  units: { api: 'UNITS', direction: 'descending' },
  violations: { api: 'VIOLATIONS', direction: 'descending' },
  state: { api: 'STATE', direction: 'descending' },
} as const satisfies Record<string, { api: TenantUsageSort; direction: 'ascending' | 'descending' }>;

export type TenantSort = keyof typeof TENANT_SORTS;

export const PAGE_SIZES = [10, 25, 50, 100] as const;
const DEFAULT_SIZE = 50;
const DEFAULT_SORT: TenantSort = 'name';
export const SEARCH_MAX_LENGTH = 100;

export interface TenantListQuery {
  month: string;
  search: string;
  sort: TenantSort;
  size: number;
  /** The API's cursor of the previous page's last row; null on the first page. */
  after: string | null;
  /** Which page this is, 1-based: for the "page 3 of 200" label only (cursors carry the position). */
  page: number;
}

function one(value: Param): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

function isSort(value: string): value is TenantSort {
  return Object.hasOwn(TENANT_SORTS, value);
}

export function parseTenantListQuery(params: Record<string, Param>): TenantListQuery {
  const sort = one(params.sort);
  const size = Number(one(params.size));
  const after = one(params.after);
  const page = Number(one(params.page));
  return {
    month: monthParam(params.month),
    search: one(params.search).slice(0, SEARCH_MAX_LENGTH),
    sort: isSort(sort) ? sort : DEFAULT_SORT,
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_SIZE,
    // A page number without its cursor would label the first page wrongly.
    after: after || null,
    page: after && Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The list's URL for `query`, leaving defaults out so that URLs stay short and shareable. */
export function tenantListHref(query: TenantListQuery): string {
  const params = new URLSearchParams();
  if (query.month !== currentMonth()) params.set('month', query.month);
  if (query.search) params.set('search', query.search);
  if (query.sort !== DEFAULT_SORT) params.set('sort', query.sort);
  if (query.size !== DEFAULT_SIZE) params.set('size', String(query.size));
  if (query.after) {
    params.set('after', query.after);
    params.set('page', String(query.page));
  }
  const search = params.toString();
  return search ? `/sp/tenants?${search}` : '/sp/tenants';
}

/** The first page of another order (a cursor belongs to one order only). */
export function sortedHref(query: TenantListQuery, sort: TenantSort): string {
  return tenantListHref({ ...query, sort, after: null, page: 1 });
}

export function nextPageHref(query: TenantListQuery, endCursor: string): string {
  return tenantListHref({ ...query, after: endCursor, page: query.page + 1 });
}

export function firstPageHref(query: TenantListQuery): string {
  return tenantListHref({ ...query, after: null, page: 1 });
}
