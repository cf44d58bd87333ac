import Link from 'next/link';

interface Props {
  /** URL of the first page, or null when already on it. */
  firstHref: string | null;
  /** URL of the next page, or null when this is the last. */
  nextHref: string | null;
  label: string;
}

/**
 * Cursor pagination goes forward only (the API's cursors have no "before"), so: first and next.
 * The browser's Back button returns to the previous page as usual.
 */
export function Pager({ firstHref, nextHref, label }: Props) {
  if (!firstHref && !nextHref) return null;
  return (
    <nav className="pager" aria-label={label}>
      {firstHref ? (
        <Link className="button button--secondary" href={firstHref}>
          <span aria-hidden="true">«</span> First page
        </Link>
      ) : (
        <span />
      )}
      {nextHref && (
        <Link className="button button--secondary" href={nextHref}>
          Next page <span aria-hidden="true">›</span>
        </Link>
      )}
    </nav>
  );
}
