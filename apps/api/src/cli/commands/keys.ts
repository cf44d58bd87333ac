import type { Role } from '@vcc/db/schema';
import { loadConfig } from '../../config.js';
import { createApiKey } from '../../keys/create-api-key.js';
import { resolveServiceProvider, resolveTenant, withDatabase } from '../database.js';
import { CliError, info } from '../io.js';

export interface KeyArgs {
  role?: Role;
  tenant?: string;
  sp?: string;
  name?: string;
  expiresDays?: number;
}

/** `vcc keys create`: stdout carries the key alone; it is never shown again. */
export async function createKeyCommand(args: KeyArgs): Promise<void> {
  const role: Role | undefined = args.role ?? (args.tenant ? 'tenant-admin' : undefined);
  if (!role) throw new CliError('give --role sp-admin|sp-viewer, or --tenant EXTERNAL_ID', 2);
  const created = await withDatabase(async (handle) => {
    const sp = await resolveServiceProvider(handle, args.sp);
    const tenantId = args.tenant ? await resolveTenant(handle, sp.id, args.tenant) : null;
    return handle.db.transaction(async (tx) => {
      try {
        return await createApiKey(tx, {
          spId: sp.id,
          tenantId,
          role,
          name: args.name ?? `${role}${args.tenant ? ` for ${args.tenant}` : ''}`,
          expiresAt: args.expiresDays ? new Date(Date.now() + args.expiresDays * 86_400_000) : null,
          env: loadConfig().VCC_KEY_ENV,
          actor: 'cli',
        });
      } catch (error) {
        throw new CliError((error as Error).message, 2);
      }
    });
  });
  info(
    `created API key ${created.display} (id ${created.id}, role ${role}${args.tenant ? `, tenant ${args.tenant}` : ''})`,
  );
  process.stdout.write(`${created.key}\n`);
}
