import type { Audience } from './auth/roles';

export interface NavItem {
  href: string;
  label: string;
}

// One list per audience; pages added to (sp) or (tenant) get their link here.
export const NAV_ITEMS: Record<Audience, readonly NavItem[]> = {
  sp: [{ href: '/sp', label: 'Overview' }],
  tenant: [{ href: '/tenant', label: 'My machines' }],
};
