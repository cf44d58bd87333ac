/**
 * Streams a query's rows into Node as fields, at the pace Node consumes them. On PostgreSQL the rows
 * come through `COPY (query) TO STDOUT`: one text line per row, no per-row protocol message for the
 * driver to decode and no result array, which makes reading a million rows several times faster than
 * a plain query. PGlite runs in-process and has no such stream: there it is an array-mode query.
 *
 * COPY cannot bind parameters, so the query is SQL text: callers inline only literals they have
 * validated (numbers they computed, UUIDs they checked). Fields are strings or numbers (PGlite
 * parses numbers) or null: read them with `Number()` and `String()`.
 */
import { StringDecoder } from 'node:string_decoder';
import { escapeCopy, unescapeCopy } from './copy-line.js';
import { driverClient, isPostgresJs } from './driver.js';
import type { Executor } from './scope.js';

export type Field = string | number | null;
/** A value as a driver gives it in a row: an integer array too. */
export type DriverValue = Field | readonly (number | null)[];

export async function streamTextRows(
  executor: Executor,
  query: string,
  onRow: (fields: Field[]) => void,
): Promise<void> {
  await streamTextLines(executor, query, (text, start, end) => onRow(copyFields(text.slice(start, end))));
}

/**
 * The same rows as lines of COPY's text format, each handed over where it lies in the text received
 * (`text[start, end)`, without its newline), for a reader that parses them in place
 * (copy-line.ts). On PGlite each row is written as such a line.
 */
export async function streamTextLines(
  executor: Executor,
  query: string,
  onLine: (text: string, start: number, end: number) => void,
): Promise<void> {
  const client = driverClient(executor);
  if (!isPostgresJs(client)) {
    const result = await client.query<DriverValue[]>(query, [], { rowMode: 'array' });
    for (const row of result.rows) {
      const line = copyLine(row);
      onLine(line, 0, line.length);
    }
    return;
  }
  const stream = await client.unsafe(`copy (${query}) to stdout`).readable();
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of stream) {
    const text = rest + decoder.write(chunk as Buffer);
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      onLine(text, start, end);
      start = end + 1;
    }
    rest = text.slice(start);
  }
  if (rest + decoder.end() !== '') throw new Error('COPY output ended inside a row');
}

/** A row as one line of COPY's text format. */
export function copyLine(fields: readonly DriverValue[]): string {
  return fields.map(escapeCopy).join('\t');
}

/**
 * A small parameterized query's rows as value arrays, as copyLine writes them:
 * prepared on PostgreSQL, so a query run on every request is planned (row-level security included)
 * once per connection rather than each time, as a COPY would be.
 */
export async function queryFields(
  executor: Executor,
  query: string,
  params: readonly string[],
): Promise<DriverValue[][]> {
  const client = driverClient(executor);
  if (!isPostgresJs(client))
    return (await client.query<DriverValue[]>(query, [...params], { rowMode: 'array' })).rows;
  return (await client.unsafe(query, [...params], { prepare: true }).values()) as DriverValue[][];
}

/** One line of COPY's text format: tab-separated, `\N` for null, backslash escapes within values. */
export function copyFields(line: string): Field[] {
  const fields: Field[] = line.split('\t');
  // Most lines hold no backslash at all (no null, nothing escaped): nothing to look at field by field.
  if (!line.includes('\\')) return fields;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i] as string;
    if (f === '\\N') fields[i] = null;
    else if (f.includes('\\')) fields[i] = unescapeCopy(f);
  }
  return fields;
}
