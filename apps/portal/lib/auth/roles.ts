/**
 * The four callers of contracts.md §3. The CLI spells them `sp-admin`, GraphQL enums usually
 * `SP_ADMIN`: accept both so the portal does not break on whichever the API settles on.
 * No imports: proxy.ts uses this too.
 */
export const PORTAL_ROLES = ['sp-admin', 'sp-viewer', 'tenant-admin', 'tenant-viewer'] as const;
export type PortalRole = (typeof PORTAL_ROLES)[number];
export type Audience = 'sp' | 'tenant';

export function normalizeRole(raw: unknown): PortalRole | null {
  if (typeof raw !== 'string') return null;
  const role = raw.trim().toLowerCase().replace(/_/g, '-');
  return (PORTAL_ROLES as readonly string[]).includes(role) ? (role as PortalRole) : null;
}

export function audienceOf(role: PortalRole): Audience {
  return role.startsWith('sp-') ? 'sp' : 'tenant';
}

/** Where a signed-in user lands; also the URL prefix of its route group. */
export function homePath(role: PortalRole): string {
  return audienceOf(role) === 'sp' ? '/sp' : '/tenant';
}
