/**
 * `setUserDisabled`: a disabled login is refused at its next request (authentication re-reads the
 * user every time). A user may not disable itself, so an SP is never locked out by a slip.
 */
import { schema, type Transaction } from '@vcc/db';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Principal } from '../auth/principal.js';
import { withinReach } from '../auth/scope-conditions.js';
import { badInput, notFound } from '../errors.js';
import { requireUuid } from '../input-problems.js';
import type { User } from '../schema/users/user.types.js';
import { userById } from './user-view.js';

export async function setUserDisabled(
  tx: Transaction,
  principal: Principal,
  id: string,
  disabled: boolean,
): Promise<User> {
  const { users } = schema;
  requireUuid(id, 'id');
  if (disabled && principal.kind === 'user' && principal.id === id)
    throw badInput([{ path: 'id', message: 'you cannot disable your own login' }]);
  const [row] = await tx
    .update(users)
    .set({ disabledAt: disabled ? sql`coalesce(${users.disabledAt}, now())` : null })
    .where(and(eq(users.id, id), ...withinReach(principal, { spId: users.spId, tenantId: users.tenantId })))
    .returning({ tenantId: users.tenantId, email: users.email });
  if (!row) throw notFound('user');
  await recordAudit(tx, principal, {
    tenantId: row.tenantId,
    action: disabled ? 'user.disable' : 'user.enable',
    subject: `user:${id}`,
    details: { email: row.email },
  });
  return (await userById(tx, principal, id))!;
}
