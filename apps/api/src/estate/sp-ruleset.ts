/** The caller's SP's ruleset, which decides what a license's capacity may hold. */
import { schema, type Transaction } from '@vcc/db';
import type { RulesetId } from '@vcc/rules';
import { eq } from 'drizzle-orm';
import { notFound } from '../errors.js';

export async function spRuleset(tx: Transaction, spId: string): Promise<RulesetId> {
  const [sp] = await tx
    .select({ ruleset: schema.serviceProviders.ruleset })
    .from(schema.serviceProviders)
    .where(eq(schema.serviceProviders.id, spId));
  if (!sp) throw notFound('service provider');
  return sp.ruleset;
}
