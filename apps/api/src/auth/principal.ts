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
  /** When the credential stops being valid (epoch ms); absent: it does not expire. */
  expiresAt?: number | undefined;
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
  if (isSpRole(principal.role)) return { spId: principal.spId, tenantId: null };
  // A tenant role without a tenant must never fall back to the SP-wide scope (the database refuses
  // such a credential too).
  if (!principal.tenantId) throw new Error(`principal ${principal.id} has a tenant role but no tenant`);
  return { spId: principal.spId, tenantId: principal.tenantId };
}

/** How the audit log names the caller. */
export function actorOf(principal: Principal | null): string {
  return principal ? `${principal.kind}:${principal.id}` : 'anonymous';
}
