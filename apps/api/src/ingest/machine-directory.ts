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

/**
 * Plain maps by tenant id, then external id (a batch asks once per machine, 10,000 times: no key
 * string to build, no recency to keep). Bounded by emptying: when full, and a minute after it was
 * last emptied, so no entry is older than a minute.
 */
export class MachineDirectory {
  private machines = new Map<string, Map<string, KnownMachine>>();
  private size = 0;
  private emptiedAt = Date.now();
  private epoch = -1;

  constructor(private readonly feed: ChangeFeed) {}

  /** The epoch a look-up starts at; pass it back to `remember` with the rows it read. */
  begin(): number {
    this.sync();
    return this.feed.machinesEpoch;
  }

  /** The machine, when known and still valid. */
  get(tenantId: string, externalId: string): KnownMachine | undefined {
    return this.sync() ? this.machines.get(tenantId)?.get(externalId) : undefined;
  }

  /** Keeps rows a look-up that began at `epoch` read, unless a change may have escaped them. */
  remember(epoch: number, rows: Iterable<[tenantId: string, externalId: string, KnownMachine]>): void {
    if (!this.sync() || epoch !== this.feed.machinesEpoch) return;
    for (const [tenantId, externalId, machine] of rows) {
      if (this.size >= MAX_MACHINES) this.empty();
      let named = this.machines.get(tenantId);
      if (!named) {
        named = new Map();
        this.machines.set(tenantId, named);
      }
      if (!named.has(externalId)) this.size++;
      named.set(externalId, machine);
    }
  }

  forget(tenantId: string, externalId: string): void {
    if (this.machines.get(tenantId)?.delete(externalId)) this.size--;
  }

  /** Empties the directory when the epoch moved or it is a minute old; false while the feed cannot be trusted. */
  private sync(): boolean {
    if (this.epoch !== this.feed.machinesEpoch || Date.now() - this.emptiedAt > MAX_AGE_MS) {
      this.empty();
      this.epoch = this.feed.machinesEpoch;
    }
    return this.feed.live;
  }

  private empty(): void {
    this.machines = new Map();
    this.size = 0;
    this.emptiedAt = Date.now();
  }
}
