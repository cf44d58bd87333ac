/** The tenant search of the SP's lists: a case-insensitive substring of the name or external id. */
import { schema } from '@vcc/db';
import { ilike, or, type SQL } from 'drizzle-orm';

const { tenants } = schema;

/** The condition for `search`, or none for an empty search; `%`, `_` and `\` match themselves. */
export function tenantSearchCondition(search: string | null | undefined): SQL | undefined {
  if (!search) return undefined;
  const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(ilike(tenants.name, pattern), ilike(tenants.externalId, pattern));
}
