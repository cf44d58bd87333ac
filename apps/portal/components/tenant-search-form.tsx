import Link from 'next/link';

/** Server-side search: a GET form, so results are a URL and the first page starts afresh. */
export function TenantSearchForm({ search }: { search: string }) {
  return (
    <search aria-label="Tenants">
      <form className="filters" action="/sp/tenants" method="get">
        <div className="field field--inline field--grow">
          <label htmlFor="tenant-search">Search</label>
          <input
            id="tenant-search"
            name="search"
            type="search"
            defaultValue={search}
            placeholder="Name or external id"
            maxLength={100}
            className="input"
          />
        </div>
        <button className="button" type="submit">
          Search
        </button>
        {search && (
          <Link className="link-button" href="/sp/tenants">
            Clear search
          </Link>
        )}
      </form>
    </search>
  );
}
