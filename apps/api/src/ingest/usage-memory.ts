/**
 * The usage bits this process's batches have committed lately, so that a batch whose machines were
 * already seen that day (a machine that sends a point an hour, a replica every few minutes) leaves
 * their usage rows alone: no lock, no new row version, no WAL.
 *
 * Nothing here can go stale in the way that matters: a usage row only ever gains bits and moves its
 * first point earlier (rows are never deleted or cleared), so bits once committed are still stored,
 * whatever other processes have written since. An entry is learned only after its batch committed,
 * and kept for a minute at most, which bounds the effect of anything done behind the API's back
 * (a row deleted by hand, a restored backup).
 */
import type { UsageBits } from '@vcc/db';
import { LRUCache } from 'lru-cache';

/** Machines, each with its few usage rows (one per server and operation class): ~40 MB at most. */
const MAX_MACHINES = 250_000;
const MAX_AGE_MS = 60_000;

export class UsageMemory {
  /**
   * Machine id -> the bits of the latest month learned of each of its usage rows. Keyed by the
   * number, not a string per row: a batch asks 10,000 times.
   */
  private readonly machines = new LRUCache<number, UsageBits[]>({ max: MAX_MACHINES, ttl: MAX_AGE_MS });

  /** True when a committed batch stored these bits (and a first point no later) already. */
  holds(bits: UsageBits): boolean {
    const known = this.rowOf(this.machines.get(bits.machineId), bits);
    return (
      known !== undefined &&
      known.month === bits.month &&
      (known.days & bits.days) === bits.days &&
      (known.lateDays & bits.lateDays) === bits.lateDays &&
      known.firstAt <= bits.firstAt
    );
  }

  /** Takes in the bits of a batch that has committed. */
  learn(committed: readonly UsageBits[]): void {
    for (const bits of committed) {
      let rows = this.machines.get(bits.machineId);
      if (!rows) {
        rows = [];
        this.machines.set(bits.machineId, rows);
      }
      const known = this.rowOf(rows, bits);
      if (!known) rows.push({ ...bits });
      else if (known.month < bits.month) Object.assign(known, bits);
      else if (known.month === bits.month) {
        known.days |= bits.days;
        known.lateDays |= bits.lateDays;
        known.firstAt = Math.min(known.firstAt, bits.firstAt);
      }
    }
  }

  private rowOf(rows: UsageBits[] | undefined, bits: UsageBits): UsageBits | undefined {
    return rows?.find((row) => row.serverId === bits.serverId && row.opClass === bits.opClass);
  }
}
