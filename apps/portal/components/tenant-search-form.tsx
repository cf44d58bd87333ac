import Link from 'next/link';
import { firstPageHref, PAGE_SIZES, SEARCH_MAX_LENGTH, type TenantListQuery } from '@/lib/tenant-list-query';

/**
 * Server-side search: a GET form, so results are a URL and the first page starts afresh. The sort
 * and month ride along as hidden fields: searching keeps the order the user chose.
 */
export function TenantSearchForm({ query }: { query: TenantListQuery }) {
  return (
    <search aria-label="Tenants">
      <form className="filters" action="/sp/tenants" method="get">
        <input type="hidden" name="month" value={query.month} />
        <input type="hidden" name="sort" value={query.sort} />
        <div className="field field--inline field--grow">
          <label htmlFor="tenant-search">Search</label>
          <input
            id="tenant-search"
            name="search"
            type="search"
            defaultValue={query.search}
            placeholder="Name or external id"
            maxLength={SEARCH_MAX_LENGTH}
            className="input"
          />
        </div>
        <div className="field field--inline">
          <label htmlFor="tenant-page-size">Rows per page</label>
          <select id="tenant-page-size" name="size" defaultValue={String(query.size)} className="select">
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
        <button className="button" type="submit">
          Search
        </button>
        {query.search && (
          <Link className="link-button" href={firstPageHref({ ...query, search: '' })}>
            Clear search
          </Link>
        )}
      </form>
    </search>
  );
}
