/** `users`: SP admin every login of the SP, tenant admin its tenant's; by e-mail, a page at a time. */
import { schema, type Transaction } from '@vcc/db';
import { gt } from 'drizzle-orm';
import type { Principal } from '../auth/principal.js';
import { decodeCursor, encodeCursor, pageSize } from '../schema/common/connection.js';
import type { UserConnection } from '../schema/users/user.types.js';
import { selectUsers } from './user-view.js';

export async function listUsers(
  tx: Transaction,
  principal: Principal,
  first: number | null,
  after: string | null,
): Promise<UserConnection> {
  const limit = pageSize(first);
  const where = after ? [gt(schema.users.email, String(decodeCursor(after)[0]))] : [];
  const rows = await selectUsers(tx, principal, where, limit + 1);
  const page = rows.slice(0, limit);
  return {
    edges: page.map((node) => ({ node, cursor: encodeCursor([node.email]) })),
    pageInfo: {
      hasNextPage: rows.length > limit,
      endCursor: page.length ? encodeCursor([page[page.length - 1]!.email]) : null,
    },
    totalCount: null,
  };
}
