/** `users`: SP admin every login of the SP, tenant admin its tenant's; by e-mail, a page at a time. */
import { schema, type Transaction } from '@vcc/db';
import { gt } from 'drizzle-orm';
import type { Principal } from '../auth/principal.js';
import { decodeCursor, pageSize, toConnection } from '../schema/common/connection.js';
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
  return toConnection(rows, limit, (u) => [u.email]);
}
