/**
 * Streams a query's rows into Node as lines of COPY's text format, at the pace Node consumes them.
 * On PostgreSQL the rows come through `COPY (query) TO STDOUT`: one text line per row, no per-row
 * protocol message for the driver to decode and no result array, which makes reading a million rows
 * several times faster than a plain query. PGlite runs in-process and has no such stream: there it is
 * an array-mode query.
 *
 * COPY cannot bind parameters, so the query is SQL text: callers inline only literals they have
 * validated (numbers they computed, UUIDs they checked). Lines are read with `CopyLineReader`.
 */
import { StringDecoder } from 'node:string_decoder';
import { escapeCopy } from './copy-line.js';
import { driverClient, isPostgresJs } from './driver.js';
import type { Executor } from './scope.js';

export type Field = string | number | null;
/** A value as a driver gives it in a row: an integer array too. */
export type DriverValue = Field | readonly (number | null)[];

/**
 * The query's rows, each line handed over where it lies in the text received (`text[start, end)`,
 * without its newline), for a reader that parses it in place (copy-line.ts). On PGlite each row is
 * written as such a line.
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
 * A small parameterized query's rows as value arrays, for copyLine to write as lines:
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
