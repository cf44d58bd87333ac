import type { Violation } from './graphql/operations/license-report';

export interface ViolationLink {
  href: string;
  label: string;
}

/**
 * Where an SP user acts on a violation: the tenant page's section it concerns (its machines for a
 * machine, else its violations), or the licenses page for the SP's own license and servers.
 */
export function spViolationLink(v: Violation, month: string): ViolationLink | null {
  if (v.tenant) {
    const tenant = `/sp/tenants/${encodeURIComponent(v.tenant.externalId)}?month=${month}`;
    return v.machine
      ? { href: `${tenant}#machines-title`, label: `Open machine ${v.machine} of ${v.tenant.externalId}` }
      : { href: `${tenant}#violations-title`, label: `Open tenant ${v.tenant.externalId}` };
  }
  if (v.license) return { href: '/sp/licenses', label: `Open license ${v.license}` };
  if (v.server) return { href: '/sp/licenses', label: `Open the licenses of server ${v.server}` };
  return null;
}
