/**
 * `createUser`: checks who may grant what (auth/credential-tenant.ts), then creates the login with
 * the same use case as `vcc users create` and a generated one-time password, returned this once.
 */
import type { Transaction } from '@vcc/db';
import type { Role } from '@vcc/db/schema';
import { credentialTenant } from '../auth/credential-tenant.js';
import { generatePassword } from '../auth/passwords.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { orConflict } from '../db-errors.js';
import { InputProblems } from '../input-problems.js';
import type { CreatedUser, CreateUserInput } from '../schema/users/user.types.js';
import { createUser, isEmailAddress } from './create-user.js';
import { userById } from './user-view.js';

export async function inviteUser(
  tx: Transaction,
  principal: Principal,
  input: CreateUserInput,
): Promise<CreatedUser> {
  const email = input.email.trim().toLowerCase();
  const problems = new InputProblems();
  if (!isEmailAddress(email)) problems.add('input.email', 'not an e-mail address');
  problems.check();
  const role = input.role as Role;
  const tenantId = await credentialTenant(tx, principal, role, input.tenantExternalId);
  const oneTimePassword = generatePassword();
  const { id } = await orConflict(
    createUser(tx, {
      spId: principal.spId,
      tenantId,
      email,
      role,
      password: oneTimePassword,
      actor: actorOf(principal),
    }),
    // Addresses are unique across the whole system, so this may be another SP's login: say no more.
    `a login for ${email} already exists`,
  );
  return { user: (await userById(tx, principal, id))!, oneTimePassword };
}
