/**
 * The machines this process has read lately, by tenant and external id: their ids, kinds and
 * agents, so that a batch of known machines (the daily case) needs no look-up of its 10,000 machines.
 *
 * An entry is only ever what a committed row said. Machines are never deleted and ids never change;
 * a change of kind or agent is announced by NOTIFY (migration 0008) and moves the change feed's
 * machine epoch, which empties the directory when the notification arrives, a few milliseconds after
 * the change's commit. A look-up's rows are kept only if that epoch did not move while it ran, only
 * while the feed is live, and for a minute at most, which also bounds what a listening connection
 * lost for a while (whose missed notifications empty the directory when it is back) could leave
 * stale. Machines a batch writes are forgotten at once, before their change is even committed.
 */
import { LRUCache } from 'lru-cache';
import type { ChangeFeed } from '../server/change-feed.js';

export interface KnownMachine {
  id: number;
  kind: string;
  agentOs: string | null;
  agentVersion: string | null;
}

/** About 100 bytes an entry: ~25 MB at most. */
const MAX_MACHINES = 250_000;
const MAX_AGE_MS = 60_000;

export class MachineDirectory {
  private readonly machines = new LRUCache<string, KnownMachine>({ max: MAX_MACHINES, ttl: MAX_AGE_MS });
  private epoch = -1;

  constructor(private readonly feed: ChangeFeed) {}

  /** The epoch a look-up starts at; pass it back to `remember` with the rows it read. */
  begin(): number {
    this.sync();
    return this.feed.machinesEpoch;
  }

  /** The machine under `${tenantId}\u0000${externalId}`, when known and still valid. */
  get(key: string): KnownMachine | undefined {
    return this.sync() ? this.machines.get(key) : undefined;
  }

  /** Keeps rows a look-up that began at `epoch` read, unless a change may have escaped them. */
  remember(epoch: number, rows: Iterable<[string, KnownMachine]>): void {
    if (!this.sync() || epoch !== this.feed.machinesEpoch) return;
    for (const [key, machine] of rows) this.machines.set(key, machine);
  }

  forget(key: string): void {
    this.machines.delete(key);
  }

  /** Empties the directory when the epoch moved; false while the feed cannot be trusted. */
  private sync(): boolean {
    if (this.epoch !== this.feed.machinesEpoch) {
      this.machines.clear();
      this.epoch = this.feed.machinesEpoch;
    }
    return this.feed.live;
  }
}
