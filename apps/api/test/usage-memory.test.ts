/**
 * The usage memory may only ever say "already stored" of bits that committed batches stored: for
 * any history of learned batches, whatever it holds is within what those batches ORed into the row
 * of that month, with a first point no later than theirs.
 */
import type { UsageBits } from '@vcc/db';
import { OP_CLASSES } from '@vcc/rules';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageMemory } from '../src/ingest/usage-memory.js';

const SERVERS = ['5b8e7c1a-0000-4000-8000-000000000001', '5b8e7c1a-0000-4000-8000-000000000002'];

const usageBits = fc.record({
  machineId: fc.integer({ min: 1, max: 3 }),
  serverId: fc.constantFrom(...SERVERS),
  opClass: fc.constantFrom(...OP_CLASSES),
  month: fc.integer({ min: 24_300, max: 24_302 }),
  // Few values of each, so that what is asked is often within what was learned.
  firstAt: fc.integer({ min: 0, max: 5 }),
  days: fc.integer({ min: 0, max: 7 }),
  lateDays: fc.integer({ min: 0, max: 3 }),
});

const sameRow = (a: UsageBits, b: UsageBits) =>
  a.machineId === b.machineId && a.serverId === b.serverId && a.opClass === b.opClass && a.month === b.month;

describe('the usage memory', () => {
  it('holds only bits that learned batches stored, in the same row and month', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(usageBits, { maxLength: 5 }), { maxLength: 6 }),
        usageBits,
        (batches, asked) => {
          const memory = new UsageMemory();
          for (const batch of batches) memory.learn(batch);
          if (!memory.holds(asked)) return;
          const stored = batches.flat().filter((b) => sameRow(b, asked));
          const days = stored.reduce((bits, b) => bits | b.days, 0);
          const lateDays = stored.reduce((bits, b) => bits | b.lateDays, 0);
          expect(stored.length).toBeGreaterThan(0);
          expect(days & asked.days).toBe(asked.days);
          expect(lateDays & asked.lateDays).toBe(asked.lateDays);
          expect(Math.min(...stored.map((b) => b.firstAt))).toBeLessThanOrEqual(asked.firstAt);
        },
      ),
    );
  });

  it('holds what a batch stored, and forgets an older month for a newer one', () => {
    const memory = new UsageMemory();
    const october = {
      machineId: 7,
      serverId: SERVERS[0]!,
      opClass: 'cloud-backup' as const,
      month: 24_321,
      firstAt: 50,
      days: 0b110,
      lateDays: 0b010,
    };
    expect(memory.holds(october)).toBe(false);
    memory.learn([october]);
    expect(memory.holds({ ...october, days: 0b100, lateDays: 0, firstAt: 60 })).toBe(true);
    // A day, a late day or an earlier first point it has not seen is not held.
    expect(memory.holds({ ...october, days: 0b1000 })).toBe(false);
    expect(memory.holds({ ...october, lateDays: 0b100 })).toBe(false);
    expect(memory.holds({ ...october, firstAt: 40 })).toBe(false);
    // Another server or operation class is another row.
    expect(memory.holds({ ...october, serverId: SERVERS[1]! })).toBe(false);
    expect(memory.holds({ ...october, opClass: 'cloud-replica' })).toBe(false);
    memory.learn([{ ...october, month: 24_322, days: 0b1, lateDays: 0 }]);
    expect(memory.holds({ ...october, month: 24_322, days: 0b1, lateDays: 0 })).toBe(true);
    expect(memory.holds(october)).toBe(false);
  });
});
