import 'server-only';
import { redirect } from 'next/navigation';
import { requireAudience } from './session';

/**
 * The external id of the signed-in tenant user's own tenant. Tenant pages only ever ask the API
 * about this one tenant; the API enforces the same, this keeps the portal from even trying.
 */
export async function requireOwnTenant(): Promise<{ externalId: string; name: string }> {
  const session = await requireAudience('tenant');
  if (!session.user.tenant) redirect('/signin?expired=1');
  return session.user.tenant;
}
