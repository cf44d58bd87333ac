/**
 * What this process knows of the database's changes without asking it: each SP's latest estate
 * version, an epoch that moves whenever a credential may have lost its validity, and one that moves
 * whenever a machine's kind or agent changed, all kept current by NOTIFY (the triggers of migrations
 * 0007 and 0008 announce them on commit).
 *
 * The answer cache and the machine directory trust these only while the feed is `live`. A lost listening connection may have
 * missed notifications, so when it is re-established everything known is forgotten and the epoch
 * moves: every cached answer becomes unusable until versions are learnt again.
 */
import { type Database, type DatabaseHandle, listen, queryRows } from '@vcc/db';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';

export const ESTATE_CHANNEL = 'vcc_estate';
export const CREDENTIALS_CHANNEL = 'vcc_credentials';
export const MACHINES_CHANNEL = 'vcc_machines';
const CHANNELS = 3;

export class ChangeFeed {
  private readonly versions = new Map<string, number>();
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

  /** Records a version read from the database; versions only grow, so an older read never wins. */
  learn(spId: string, version: number): void {
    if (!this.live) return;
    if ((this.versions.get(spId) ?? -1) < version) this.versions.set(spId, version);
  }

  /**
   * Learns the SP's estate version as committed now: called after this process committed a write,
   * so that its next request never replays an answer the write made stale, whenever the write's
   * NOTIFY arrives. A failed read is left to the NOTIFY.
   */
  async catchUp(db: Database, spId: string): Promise<void> {
    const rows = await queryRows<{ v: number }>(
      db,
      sql`select estate_version::int as v from service_providers where id = ${spId}`,
    ).catch(() => []);
    if (rows[0]) this.learn(spId, rows[0].v);
  }

  private onEstate(payload: string): void {
    const at = payload.lastIndexOf(':');
    const version = Number(payload.slice(at + 1));
    if (at > 0 && Number.isInteger(version)) this.learn(payload.slice(0, at), version);
  }

  private onListen(): void {
    this.listening++;
    // Beyond the first subscription of each channel, this is a reconnection: notifications may
    // have been missed while the connection was down.
    if (this.listening > CHANNELS) this.forget('listening connection re-established');
  }

  private forget(reason: string): void {
    this.versions.clear();
    this.epoch++;
    this.machineEpoch++;
    this.log.debug({ reason }, 'change feed: cached knowledge dropped');
  }
}
