/** Creates an API key: the secret is returned once and only its hash is stored; audited. */
import { type Executor, schema } from '@vcc/db';
import type { Role } from '@vcc/db/schema';
import { generateApiKey } from '../auth/api-keys.js';
import { isSpRole } from '../auth/principal.js';

export interface NewApiKey {
  spId: string;
  tenantId: string | null;
  role: Role;
  name: string;
  expiresAt: Date | null;
  env: string;
  actor: string;
}

export async function createApiKey(tx: Executor, input: NewApiKey) {
  if (isSpRole(input.role) !== (input.tenantId === null)) {
    throw new Error(isSpRole(input.role) ? 'an SP role takes no tenant' : 'a tenant role needs a tenant');
  }
  const { key, hash, display } = generateApiKey(input.env);
  const [row] = await tx
    .insert(schema.apiKeys)
    .values({
      spId: input.spId,
      tenantId: input.tenantId,
      name: input.name,
      hash,
      display,
      role: input.role,
      expiresAt: input.expiresAt,
    })
    .returning({
      id: schema.apiKeys.id,
      display: schema.apiKeys.display,
      createdAt: schema.apiKeys.createdAt,
    });
  await tx.insert(schema.auditLog).values({
    spId: input.spId,
    tenantId: input.tenantId,
    actor: input.actor,
    action: 'api-key.create',
    subject: `api-key:${row!.id}`,
    details: { name: input.name, role: input.role, display, expiresAt: input.expiresAt },
  });
  return { key, id: row!.id, display: row!.display };
}
