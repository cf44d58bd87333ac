/**
 * Relay-style pagination with opaque cursors. A cursor encodes the sort key of the last row seen;
 * it is only a position, never a permission: every page is read under the caller's own scope.
 */
import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { badInput } from '../../errors.js';

@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, argument = 'after'): unknown[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key)) return key;
  } catch {
    // reported below
  }
  throw badInput([{ path: argument, message: 'not a cursor this API gave out' }]);
}

export const MAX_PAGE = 500;

export function pageSize(first: number | null | undefined, fallback = 50): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE)
    throw badInput([{ path: 'first', message: `must be between 1 and ${MAX_PAGE}` }]);
  return n;
}

export function Connection<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => node) node!: T;
    @Field(() => String) cursor!: string;
  }
  @ObjectType()
  abstract class ConnectionType {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { nullable: true, description: 'The number of nodes in all pages, when cheap to know' })
    totalCount!: number | null;
  }
  return ConnectionType;
}

/**
 * A page of a connection from the rows read: one more than `limit` was asked for, so that an extra
 * row says whether more follow. `key` is the node's sort key, which its cursor encodes.
 */
export function toConnection<T>(rows: T[], limit: number, key: (node: T) => unknown[]) {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    edges: page.map((node) => ({ node, cursor: encodeCursor(key(node)) })),
    pageInfo: {
      hasNextPage: rows.length > limit,
      endCursor: last === undefined ? null : encodeCursor(key(last)),
    },
    totalCount: null,
  };
}
