import type { Scope } from '@vcc/db';
import type { Role } from '@vcc/db/schema';

/** An authenticated caller: an API key or a portal user, bound to an SP and perhaps one tenant. */
export interface Principal {
  kind: 'key' | 'user';
  id: string;
  spId: string;
  /** Set for tenant roles: the only tenant the caller may see. */
  tenantId: string | null;
  role: Role;
}

export const SP_ROLES: readonly Role[] = ['sp-admin', 'sp-viewer'];
export const TENANT_ROLES: readonly Role[] = ['tenant-admin', 'tenant-viewer'];
export const ALL_ROLES: readonly Role[] = [...SP_ROLES, ...TENANT_ROLES];
/** Roles that may change anything. */
export const WRITER_ROLES: readonly Role[] = ['sp-admin', 'tenant-admin'];

export function isSpRole(role: Role): boolean {
  return SP_ROLES.includes(role);
}

export function scopeOf(principal: Principal): Scope {
  return { spId: principal.spId, tenantId: isSpRole(principal.role) ? null : principal.tenantId };
}

/** How the audit log names the caller. */
export function actorOf(principal: Principal | null): string {
  return principal ? `${principal.kind}:${principal.id}` : 'anonymous';
}
