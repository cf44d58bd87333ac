/** Rows streamed as lines and read in place give back exactly what was stored, on both databases. */
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CopyLineReader } from '../src/copy-line.js';
import type { Executor } from '../src/scope.js';
import { copyLine, type DriverValue, streamTextLines } from '../src/stream-text-rows.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../src/testing/index.js';

/** Each row's fields as text (null for a null), read by CopyLineReader. */
function streamTextRows(executor: Executor, query: string, onRow: (fields: (string | null)[]) => void) {
  const reader = new CopyLineReader();
  return streamTextLines(executor, query, (text, start, end) => onRow(readLine(reader, text, start, end)));
}

/** Every field of the line (tabs within values are escaped: each raw tab ends a field). */
function readLine(reader: CopyLineReader, text: string, start: number, end: number): (string | null)[] {
  const count = text.slice(start, end).split('\t').length;
  reader.start(text, start, end);
  return Array.from({ length: count }, (_, i) => {
    if (i > 0) reader.next();
    return reader.isNull() ? null : reader.string();
  });
}

const AWKWARD = ['tab\there', 'new\nline', 'back\\slash', 'carriage\rreturn', '\\N', 'ünïcødé ✓', ''];

describe.each(DATABASE_KINDS)('streamTextLines (%s)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await database.db.execute(sql`create table awkward (n int, v text)`);
    for (const [n, v] of AWKWARD.entries())
      await database.db.execute(sql`insert into awkward values (${n}, ${v})`);
    await database.db.execute(sql`insert into awkward values (${AWKWARD.length}, null)`);
    // Enough rows to span many COPY chunks (a row may break across two).
    await database.db.execute(
      sql`insert into awkward select n, repeat('x', n % 300) from generate_series(100, 20099) n`,
    );
  });
  afterAll(() => database.drop());

  it('reads text with escapes, nulls and numbers as stored, in order, across chunks', async () => {
    const rows: (string | null)[][] = [];
    await streamTextRows(database.db, 'select n, v from awkward order by n', (r) => rows.push(r));
    expect(rows).toHaveLength(AWKWARD.length + 1 + 20000);
    expect(rows.slice(0, AWKWARD.length).map((r) => r[1])).toEqual(AWKWARD);
    expect(rows[AWKWARD.length]![1]).toBeNull();
    for (const [i, r] of rows.slice(AWKWARD.length + 1).entries()) {
      expect(Number(r[0])).toBe(100 + i);
      expect(r[1]).toBe('x'.repeat((100 + i) % 300));
    }
  });

  it('leaves its connection usable for the next query, stream after stream', async () => {
    // A stream that ends while the socket is paused for backpressure once left the connection
    // waiting forever; a few rounds make that race all but certain to show.
    for (let round = 0; round < 8; round++) {
      let rows = 0;
      await streamTextRows(database.db, 'select n, v from awkward', () => rows++);
      const [after] = await database.db
        .transaction(async (tx) => {
          await streamTextRows(tx, 'select 1', () => {});
          return tx.execute(sql`select ${round}::int as round`);
        })
        .then((r) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows));
      expect(rows).toBe(AWKWARD.length + 1 + 20000);
      expect(after).toEqual({ round });
    }
  });

  it('runs inside a transaction, where a failing query rolls it back', async () => {
    await expect(database.db.transaction((tx) => streamTextRows(tx, 'select 1/0', () => {}))).rejects.toThrow(
      /division by zero/,
    );
  });
});

describe('a line of COPY text', () => {
  it('splits on tabs and reads escapes', () => {
    const line = 'a\\tb\t\\N\t\\\\N\t1';
    expect(readLine(new CopyLineReader(), line, 0, line.length)).toEqual(['a\tb', null, '\\N', '1']);
  });
});

describe('CopyLineReader', () => {
  const text = (fields: DriverValue[]) => `junk\n${copyLine(fields)}\nmore`;

  it('reads back every field copyLine wrote, with escapes, numbers and empty fields', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant('')), { minLength: 1 }),
        (fields) => {
          const written = text(fields);
          const reader = new CopyLineReader();
          reader.start(written, 5, written.length - 5);
          fields.forEach((field, i) => {
            if (i > 0) reader.next();
            if (typeof field === 'number') expect(reader.number()).toBe(field);
            else {
              expect(reader.string()).toBe(field);
              if (!/[\\\b\f\n\r\t\v]/.test(field)) expect(reader.is(field)).toBe(true);
              expect(reader.is(`${field}x`)).toBe(false);
            }
          });
        },
      ),
    );
  });

  it('reads integer arrays in place, nulls as 0', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer(), { nil: null })), fc.nat(3), (values, offset) => {
        const written = text(['x', values, 7]);
        const reader = new CopyLineReader();
        reader.start(written, 5, written.length - 5);
        reader.next();
        const into: number[] = [];
        expect(reader.integers(into, offset)).toBe(values.length);
        expect(into.slice(offset)).toEqual(values.map((v) => v ?? 0));
        reader.next();
        expect(reader.number()).toBe(7);
      }),
    );
  });

  it('reads what is not an integer through Number()', () => {
    const reader = new CopyLineReader();
    const line = '1.5\t-\t-0\t12e3';
    reader.start(line, 0, line.length);
    expect(reader.number()).toBe(1.5);
    reader.next();
    expect(reader.number()).toBeNaN();
    reader.next();
    expect(reader.number()).toBe(-0);
    reader.next();
    expect(reader.number()).toBe(12_000);
  });
});
