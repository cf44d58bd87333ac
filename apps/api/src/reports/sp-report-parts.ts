/**
 * The SP report's tenant parts, per SP and month, kept so that after ingestion only the tenants it
 * wrote are evaluated again: a batch stamps its tenants with the estate version it made (migration
 * 0012), and every other tenant's part still holds. Any other change to the estate moves the config
 * version, and the parts of an older one are not used. The configuration itself (10,000 tenants with
 * their servers and licenses: ~0.2 s to read, ~35 ms more to prepare) is kept too, by the same
 * version.
 */
import type { EstateConfig } from '@vcc/db';
import type { PreparedEstate, TenantPart } from '@vcc/rules';
import { LRUCache } from 'lru-cache';

export interface StoredParts {
  configVersion: number;
  /** The estate version read before any of the facts the parts were computed from. */
  asOf: number;
  /** Tenant ids by index: the order of the configuration the parts were computed with. */
  tenantIds: readonly string[];
  parts: readonly TenantPart[];
}

// Bounded by tenant parts held, each a tenant's figures and a few hundred bytes more: twelve months
// of 10,000 tenants (a year's trend of a large SP).
const store = new LRUCache<string, StoredParts>({
  maxSize: 120_000,
  sizeCalculation: (stored) => Math.max(1, stored.parts.length),
});

export function storedParts(spId: string, month: string): StoredParts | undefined {
  return store.get(`${spId}|${month}`);
}

export function keepParts(spId: string, month: string, parts: StoredParts): void {
  store.set(`${spId}|${month}`, parts);
}

/** An SP's configuration as read, and as prepared for the engine. */
export interface KeptConfig {
  config: EstateConfig;
  estate: PreparedEstate;
}

const configs = new LRUCache<string, KeptConfig & { version: number }>({ max: 16 });

/** The SP's configuration as read at this config version, if kept. */
export function storedConfig(spId: string, version: number): KeptConfig | undefined {
  const kept = configs.get(spId);
  return kept?.version === version ? kept : undefined;
}

export function keepConfig(spId: string, version: number, kept: KeptConfig): void {
  configs.set(spId, { ...kept, version });
}
