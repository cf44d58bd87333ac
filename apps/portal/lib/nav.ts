import type { Audience } from './auth/roles';

export interface NavItem {
  href: string;
  label: string;
  /** Active only on exactly this path (an overview at the group's root would match every page). */
  exact?: boolean;
}

// One list per audience; pages added to (sp) or (tenant) get their link here.
export const NAV_ITEMS: Record<Audience, readonly NavItem[]> = {
  sp: [
    { href: '/sp', label: 'Overview', exact: true },
    { href: '/sp/tenants', label: 'Tenants' },
  ],
  tenant: [
    { href: '/tenant', label: 'Overview', exact: true },
    { href: '/tenant/machines', label: 'Machines' },
  ],
};
