import type { Audience, PortalRole } from './auth/roles';

export interface NavItem {
  href: string;
  label: string;
  /** Active only on exactly this path (an overview at the group's root would match every page). */
  exact?: boolean;
  /** Only these roles see the link (admin pages: the API refuses viewers there anyway). */
  roles?: readonly PortalRole[];
}

// One list per audience; pages added to (sp) or (tenant) get their link here.
export const NAV_ITEMS: Record<Audience, readonly NavItem[]> = {
  sp: [
    { href: '/sp', label: 'Overview', exact: true },
    { href: '/sp/tenants', label: 'Tenants' },
    { href: '/sp/reports', label: 'Reports' },
    { href: '/sp/licenses', label: 'Licenses' },
    { href: '/sp/admin', label: 'Admin', roles: ['sp-admin'] },
  ],
  tenant: [
    { href: '/tenant', label: 'Overview', exact: true },
    { href: '/tenant/machines', label: 'Machines' },
    { href: '/tenant/reports', label: 'Reports' },
    { href: '/tenant/admin', label: 'Admin', roles: ['tenant-admin'] },
  ],
};

/** The links a signed-in role sees. */
export function navItemsFor(role: PortalRole, audience: Audience): NavItem[] {
  return NAV_ITEMS[audience].filter((item) => !item.roles || item.roles.includes(role));
}
