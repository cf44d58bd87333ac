/**
 * `createApiKey`: checks who may grant what (auth/credential-tenant.ts), then creates the key with
 * the same use case as `vcc keys create` (hash stored, secret returned once, audited).
 */
import type { Transaction } from '@vcc/db';
import type { Role } from '@vcc/db/schema';
import { credentialTenant } from '../auth/credential-tenant.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { InputProblems, NAME_MAX_LENGTH } from '../input-problems.js';
import type { CreateApiKeyInput, CreatedApiKey } from '../schema/keys/api-key.types.js';
import { apiKeyById } from './api-key-view.js';
import { createApiKey } from './create-api-key.js';

export async function issueApiKey(
  tx: Transaction,
  principal: Principal,
  input: CreateApiKeyInput,
  env: string,
  now = Date.now(),
): Promise<CreatedApiKey> {
  const problems = new InputProblems();
  problems.text(input.name, 'input.name', NAME_MAX_LENGTH);
  if (input.expiresAt && input.expiresAt.getTime() <= now)
    problems.add('input.expiresAt', 'must be in the future');
  problems.check();
  const role = input.role as Role;
  const tenantId = await credentialTenant(tx, principal, role, input.tenantExternalId);
  const created = await createApiKey(tx, {
    spId: principal.spId,
    tenantId,
    role,
    name: input.name,
    expiresAt: input.expiresAt ?? null,
    env,
    actor: actorOf(principal),
  });
  return { key: created.key, apiKey: (await apiKeyById(tx, principal, created.id))! };
}
