import Link from 'next/link';
import type { ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** The URL of the list sorted by this column (its first page). */
  href: string;
  /** Whether the list is sorted by this column now. */
  active: boolean;
  /** The column's one direction: figures sort largest or worst first, names A to Z. */
  direction: 'ascending' | 'descending';
  numeric?: boolean;
}

/**
 * A column header that sorts by a link, so it works from the keyboard and without JavaScript;
 * `aria-sort` tells assistive technology which column orders the rows, and in which direction.
 */
export function SortableHeader({ children, href, active, direction, numeric }: Props) {
  const arrow = direction === 'ascending' ? '▲' : '▼';
  return (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={active ? direction : undefined}>
      <Link className="sort-link" href={href} aria-current={active ? 'true' : undefined}>
        {children}
        <span
          className={active ? 'sort-link__arrow' : 'sort-link__arrow sort-link__arrow--idle'}
          aria-hidden="true"
        >
          {active ? arrow : '↕'}
        </span>
        {!active && (
          <span className="visually-hidden">
            , sort {direction === 'ascending' ? 'A to Z' : 'largest first'}
          </span>
        )}
      </Link>
    </th>
  );
}
