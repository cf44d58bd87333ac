/** The caller's service provider. */
import { schema, type Transaction } from '@vcc/db';
import { eq } from 'drizzle-orm';
import type { Principal } from '../auth/principal.js';
import { notFound } from '../errors.js';

export async function getServiceProvider(tx: Transaction, principal: Principal) {
  const [sp] = await tx
    .select()
    .from(schema.serviceProviders)
    .where(eq(schema.serviceProviders.id, principal.spId));
  if (!sp) throw notFound('service provider');
  return sp;
}
