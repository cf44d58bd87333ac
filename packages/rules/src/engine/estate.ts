/**
 * The configuration side of the estate, prepared once per evaluation: servers by id with their
 * licenses' validity as epoch days, so the per-machine loop only does map look-ups and bit operations.
 */
import type { BackupServerFacts, EstateFacts, TenantFacts } from '../facts.js';
import { type LicenseCtx, licenseCtx } from './licenses.js';
import type { Ruleset } from './rulesets/types.js';
import { atLeast } from './versions.js';

export interface ServerCtx {
  id: string;
  /** An SP backup server (R-SP-OWN-JOBS) rather than a tenant's. */
  sp: boolean;
  version: string;
  /** The server's VBR build meets the rental gate (R-RENTAL-EXEMPT). */
  vbrOk: boolean;
  /** SP server: its `cloud-connect-sp` licenses. Tenant server: its tenant licenses (every other type). */
  licenses: LicenseCtx[];
  /** `cloud-connect-sp` licenses on a tenant server: they cover nothing (R-SP-PLACEMENT). */
  misplaced: LicenseCtx[];
  /** The server's `rental`/`hosting` licenses. */
  rentalLicenses: LicenseCtx[];
  /** False for a server id that restore points name but the configuration does not know. */
  known: boolean;
  /** Position among the tenant's servers: charges are listed in this order, whatever the facts' order. */
  order: number;
  /** Month index → day mask of days with a valid rental/hosting license (filled lazily). */
  rentalMasks: Map<number, number>;
}

export interface TenantCtx {
  facts: TenantFacts;
  /** The tenant's own servers by id, then servers discovered in its restore points. */
  servers: Map<string, ServerCtx>;
  own: ServerCtx[];
}

export interface EstateCtx {
  ruleset: Ruleset;
  spName: string;
  spServers: ServerCtx[];
  spById: Map<string, ServerCtx>;
  /** Every `cloud-connect-sp` license on an SP backup server: the SP license pool. */
  spLicenses: LicenseCtx[];
  /** The first SP Cloud Connect server below the rental gate, or null when all meet it. */
  spTooOld: ServerCtx | null;
  tenants: TenantCtx[];
}

function serverCtx(s: BackupServerFacts, sp: boolean, ruleset: Ruleset, order: number): ServerCtx {
  const licenses: LicenseCtx[] = [];
  const misplaced: LicenseCtx[] = [];
  for (const l of s.licenses) {
    const ctx = licenseCtx(l, s.id);
    if (sp) {
      if (l.type === 'cloud-connect-sp') licenses.push(ctx);
    } else if (l.type === 'cloud-connect-sp') misplaced.push(ctx);
    else licenses.push(ctx);
  }
  return {
    id: s.id,
    sp,
    version: s.version,
    vbrOk: atLeast(s.version, ruleset.rentalGates.vbr),
    licenses,
    misplaced,
    rentalLicenses: licenses.filter((l) => l.facts.type === 'rental' || l.facts.type === 'hosting'),
    known: true,
    order,
    rentalMasks: new Map(),
  };
}

/** A server only restore points know: no licenses, version unknown (so never rental-exempt). */
export function unknownServer(id: string): ServerCtx {
  return {
    id,
    sp: false,
    version: '0',
    vbrOk: false,
    licenses: [],
    misplaced: [],
    rentalLicenses: [],
    known: false,
    order: Number.MAX_SAFE_INTEGER,
    rentalMasks: new Map(),
  };
}

export function estateCtx(facts: EstateFacts, ruleset: Ruleset): EstateCtx {
  const spServers = facts.serviceProvider.backupServers.map((s, i) => serverCtx(s, true, ruleset, i));
  const spById = new Map(spServers.map((s) => [s.id, s]));
  const spLicenses = spServers.flatMap((s) => s.licenses);
  // Project definition: the SP side meets the rental gate when every SP server that runs Cloud Connect
  // (carries a cloud-connect-sp license; all SP servers if none does) does: the facts do not say which
  // SP server received a restore point.
  const cc = spServers.filter((s) => s.licenses.length > 0);
  const gateServers = cc.length > 0 ? cc : spServers;
  const spTooOld = gateServers.length === 0 ? null : (gateServers.find((s) => !s.vbrOk) ?? null);
  const tenants = facts.tenants.map((t): TenantCtx => {
    const own = t.backupServers.map((s, i) => serverCtx(s, false, ruleset, i));
    return { facts: t, servers: new Map(own.map((s) => [s.id, s])), own };
  });
  return { ruleset, spName: facts.serviceProvider.name, spServers, spById, spLicenses, spTooOld, tenants };
}

/** The server a restore point names, seen from a tenant: its own first, then the SP's. */
export function resolveServer(estate: EstateCtx, tenant: TenantCtx, id: string): ServerCtx {
  const own = tenant.servers.get(id);
  if (own) return own;
  const sp = estate.spById.get(id);
  if (sp) return sp;
  const unknown = unknownServer(id);
  tenant.servers.set(id, unknown);
  return unknown;
}
