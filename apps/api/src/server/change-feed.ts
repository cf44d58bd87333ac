/**
 * What this process knows of the database's changes without asking it: each SP's latest estate and
 * config versions, each tenant's usage version (migration 0012), an epoch that moves whenever a
 * credential may have lost its validity, and one that moves whenever a machine's kind or agent
 * changed, all kept current by NOTIFY (the triggers of migrations 0007, 0008 and 0013 announce them
 * on commit).
 *
 * The answer cache and the machine directory trust these only while the feed is `live`. A lost listening connection may have
 * missed notifications, so when it is re-established everything known is forgotten and the epoch
 * moves: every cached answer becomes unusable until versions are learnt again.
 */
import { type Database, type DatabaseHandle, listen, queryRows } from '@vcc/db';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';

export const ESTATE_CHANNEL = 'vcc_estate';
export const USAGE_CHANNEL = 'vcc_usage';
export const CREDENTIALS_CHANNEL = 'vcc_credentials';
export const MACHINES_CHANNEL = 'vcc_machines';
const CHANNELS = 4;

export class ChangeFeed {
  /** SP id -> estate version. */
  private readonly versions = new Map<string, number>();
  /** SP id -> config version. */
  private readonly configs = new Map<string, number>();
  /** Tenant id -> usage version (0: none stamped yet). */
  private readonly usages = new Map<string, number>();
  private epoch = 0;
  private machineEpoch = 0;
  private subscriptions: { unlisten(): Promise<void> }[] = [];
  private listening = 0;

  constructor(private readonly log: Logger) {}

  /** Listens on the handle's database (again, after the handle was replaced). */
  async start(handle: DatabaseHandle): Promise<void> {
    await this.stop();
    this.subscriptions = await Promise.all([
      listen(
        handle,
        ESTATE_CHANNEL,
        (p) => this.onEstate(p),
        () => this.onListen(),
      ),
      listen(
        handle,
        USAGE_CHANNEL,
        (p) => this.onUsage(p),
        () => this.onListen(),
      ),
      listen(
        handle,
        CREDENTIALS_CHANNEL,
        () => this.credentialsChanged(),
        () => this.onListen(),
      ),
      listen(
        handle,
        MACHINES_CHANNEL,
        () => {
          this.machineEpoch++;
        },
        () => this.onListen(),
      ),
    ]);
  }

  async stop(): Promise<void> {
    const subscriptions = this.subscriptions;
    this.subscriptions = [];
    this.listening = 0;
    this.forget('feed stopped');
    await Promise.all(subscriptions.map((s) => s.unlisten().catch(() => {})));
  }

  /** Every channel is subscribed: what the feed says can be trusted. */
  get live(): boolean {
    return this.listening >= CHANNELS;
  }

  get credentialsEpoch(): number {
    return this.epoch;
  }

  /** Moves whenever a machine's kind or agent may have changed, or notifications may have been missed. */
  get machinesEpoch(): number {
    return this.machineEpoch;
  }

  /** A credential may have lost its validity: nothing cached under the old epoch is replayed. */
  credentialsChanged(): void {
    this.forget('credentials changed');
  }

  /** The SP's estate version as last announced or learnt; undefined when not known. */
  estateVersion(spId: string): number | undefined {
    return this.versions.get(spId);
  }

  /**
   * What a tenant's answers depend on, as a label: the SP's config version and the tenant's usage
   * version; undefined when either is not known.
   */
  tenantVersion(spId: string, tenantId: string): string | undefined {
    const config = this.configs.get(spId);
    const usage = this.usages.get(tenantId);
    return config === undefined || usage === undefined ? undefined : `${config}.${usage}`;
  }

  /**
   * The label of what a caller's answers depend on, as far as the feed knows it: a tenant's
   * `tenantVersion`, the SP's estate version for SP callers; undefined when not live or not known.
   */
  versionOf(spId: string, tenantId: string | null): string | undefined {
    if (!this.live) return undefined;
    if (tenantId) return this.tenantVersion(spId, tenantId);
    const estate = this.estateVersion(spId);
    return estate === undefined ? undefined : String(estate);
  }

  /** Records versions read from the database or announced; versions only grow, so an older one never wins. */
  learn(spId: string, versions: { estate?: number; config?: number }): void {
    if (!this.live) return;
    if (versions.estate !== undefined) raise(this.versions, spId, versions.estate);
    if (versions.config !== undefined) raise(this.configs, spId, versions.config);
  }

  learnUsage(tenantId: string, version: number): void {
    if (this.live) raise(this.usages, tenantId, version);
  }

  /**
   * A batch of this process committed: the estate version it made and the tenants it stamped with
   * it, learnt before its answer leaves, so that the process's next request never replays an answer
   * the batch made stale, whenever its NOTIFY arrives.
   */
  usageWritten(spId: string, tenantIds: readonly string[], version: number): void {
    this.learn(spId, { estate: version });
    for (const tenantId of tenantIds) this.learnUsage(tenantId, version);
  }

  /**
   * Learns the SP's estate and config versions (and a tenant's usage version) as committed now:
   * when they are not known yet, or after this process committed a change, for the same reason as
   * `usageWritten`. A failed read is left to the NOTIFY.
   */
  async catchUp(db: Database, spId: string, tenantId: string | null = null): Promise<void> {
    const [row] = await queryRows<{ estate: number; config: number; usage: number | null }>(
      db,
      sql`select estate_version::int as estate, config_version::int as config,
                 (select version::int from tenant_usage_versions where tenant_id = ${tenantId}::uuid) as usage
            from service_providers where id = ${spId}`,
    ).catch(() => []);
    if (!row) return;
    this.learn(spId, row);
    // No stamp yet: the tenant has had no batch, its usage version is 0.
    if (tenantId) this.learnUsage(tenantId, row.usage ?? 0);
  }

  /** '<sp id>:<estate version>:<config version>' */
  private onEstate(payload: string): void {
    const [spId, estate, config] = payload.split(':');
    if (spId && isVersion(estate) && isVersion(config))
      this.learn(spId, { estate: Number(estate), config: Number(config) });
  }

  /** '<sp id>:<tenant id>:<usage version>' */
  private onUsage(payload: string): void {
    const [, tenantId, version] = payload.split(':');
    if (tenantId && isVersion(version)) this.learnUsage(tenantId, Number(version));
  }

  private onListen(): void {
    this.listening++;
    // Beyond the first subscription of each channel, this is a reconnection: notifications may
    // have been missed while the connection was down.
    if (this.listening > CHANNELS) this.forget('listening connection re-established');
  }

  private forget(reason: string): void {
    this.versions.clear();
    this.configs.clear();
    this.usages.clear();
    this.epoch++;
    this.machineEpoch++;
    this.log.debug({ reason }, 'change feed: cached knowledge dropped');
  }
}

function raise(map: Map<string, number>, key: string, value: number): void {
  if ((map.get(key) ?? -1) < value) map.set(key, value);
}

function isVersion(text: string | undefined): text is string {
  return text !== undefined && /^\d+$/.test(text);
}
