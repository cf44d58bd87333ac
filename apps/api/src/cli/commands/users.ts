import type { Role } from '@vcc/db/schema';
import { generatePassword } from '../../auth/passwords.js';
import { createUser } from '../../users/create-user.js';
import { resolveServiceProvider, resolveTenant, withDatabase } from '../database.js';
import { CliError, info } from '../io.js';

export interface UserArgs {
  email: string;
  role: Role;
  tenant?: string;
  sp?: string;
  passwordStdin?: boolean;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** `vcc users create`: stdout carries the generated one-time password alone (unless --password-stdin). */
export async function createUserCommand(args: UserArgs): Promise<void> {
  const password = args.passwordStdin ? await readStdin() : generatePassword();
  const user = await withDatabase(async (handle) => {
    const sp = await resolveServiceProvider(handle, args.sp);
    const tenantId = args.tenant ? await resolveTenant(handle, sp.id, args.tenant) : null;
    return handle.db.transaction(async (tx) => {
      try {
        return await createUser(tx, {
          spId: sp.id,
          tenantId,
          email: args.email,
          role: args.role,
          password,
          actor: 'cli',
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause;
        if (cause?.code === '23505') throw new CliError(`a user with e-mail ${args.email} already exists`, 2);
        throw new CliError((error as Error).message, 2);
      }
    });
  });
  info(
    `created user ${args.email} (id ${user.id}, role ${args.role}${args.tenant ? `, tenant ${args.tenant}` : ''})`,
  );
  if (!args.passwordStdin) process.stdout.write(`${password}\n`);
}
