/** Creates a portal login with an argon2id password hash; audited. */
import { type Executor, schema } from '@vcc/db';
import type { Role } from '@vcc/db/schema';
import { hashPassword } from '../auth/passwords.js';
import { isSpRole } from '../auth/principal.js';

export interface NewUser {
  spId: string;
  tenantId: string | null;
  email: string;
  role: Role;
  password: string;
  actor: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether a (trimmed, lower-cased) address is one this system accepts as a login. */
export function isEmailAddress(email: string): boolean {
  return EMAIL.test(email) && email.length <= 320;
}

export async function createUser(tx: Executor, input: NewUser): Promise<{ id: string }> {
  const email = input.email.trim().toLowerCase();
  if (!isEmailAddress(email)) throw new Error(`not an e-mail address: ${input.email}`);
  if (input.password.length < 12) throw new Error('the password must have at least 12 characters');
  if (isSpRole(input.role) !== (input.tenantId === null)) {
    throw new Error(isSpRole(input.role) ? 'an SP role takes no tenant' : 'a tenant role needs --tenant');
  }
  const [row] = await tx
    .insert(schema.users)
    .values({
      spId: input.spId,
      tenantId: input.tenantId,
      email,
      role: input.role,
      passwordHash: await hashPassword(input.password),
    })
    .returning({ id: schema.users.id });
  await tx.insert(schema.auditLog).values({
    spId: input.spId,
    tenantId: input.tenantId,
    actor: input.actor,
    action: 'user.create',
    subject: `user:${row!.id}`,
    details: { email, role: input.role },
  });
  return row!;
}
