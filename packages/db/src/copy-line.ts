/**
 * Reads a line of COPY's text format field by field where it lies in the received text: comparing
 * a field or reading it as a number makes no string, so a million rows whose keys repeat line after
 * line (a tenant's id, a machine's id) cost no garbage for them. Fields are read in order; a null
 * is `\N`, which `isNull` tells apart (the readers of queries that write none need not ask).
 */
export class CopyLineReader {
  private text = '';
  private lineEnd = 0;
  private at = 0;
  private fieldEnd = 0;

  /** Starts on the line `text[from, to)` (without its newline), at its first field. */
  start(text: string, from: number, to: number): void {
    this.text = text;
    this.lineEnd = to;
    this.at = from;
    this.fieldEnd = this.endOf(from);
  }

  /** Moves to the next field. */
  next(): void {
    this.at = this.fieldEnd + 1;
    this.fieldEnd = this.endOf(this.at);
  }

  /** Whether the field is exactly `value` as written (a value with no escapes: an id, a number). */
  is(value: string): boolean {
    return this.fieldEnd - this.at === value.length && this.text.startsWith(value, this.at);
  }

  /** Whether the field is null. */
  isNull(): boolean {
    return this.is('\\N');
  }

  /** The field as text, escapes read. */
  string(): string {
    const raw = this.text.slice(this.at, this.fieldEnd);
    return raw.includes('\\') ? unescapeCopy(raw) : raw;
  }

  /** The field as a number: an integer's digits read in place, anything else through Number(). */
  number(): number {
    const { text, fieldEnd } = this;
    let i = this.at;
    const negative = text.charCodeAt(i) === 45; // '-'
    if (negative) i++;
    if (i === fieldEnd) return Number(this.string());
    let value = 0;
    for (; i < fieldEnd; i++) {
      const digit = text.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) return Number(this.string());
      value = value * 10 + digit;
    }
    return negative ? -value : value;
  }

  /**
   * The field as an array of integers in PostgreSQL's text form (`{1,NULL,3}`), each element put in
   * `into` from `offset` on (a null as 0); how many there were. Nothing is made but the numbers.
   */
  integers(into: number[], offset: number): number {
    const { text, fieldEnd } = this;
    let count = 0;
    let value = 0;
    let negative = false;
    let i = this.at + 1; // past '{'
    if (text.charCodeAt(i) === 125) return 0; // '{}'
    for (; i < fieldEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === 44 || c === 125) {
        // ',' or '}'
        into[offset + count++] = negative ? -value : value;
        value = 0;
        negative = false;
      } else if (c === 45) negative = true;
      else if (c === 78)
        i += 3; // 'NULL': 0
      else value = value * 10 + (c - 48);
    }
    return count;
  }

  private endOf(from: number): number {
    const tab = this.text.indexOf('\t', from);
    return tab === -1 || tab > this.lineEnd ? this.lineEnd : tab;
  }
}

// COPY TO writes a backslash, and these control characters, as backslash escapes (never octal or hex).
const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
const ESCAPED: Record<string, string> = Object.fromEntries(
  Object.entries(ESCAPES).map(([letter, char]) => [char, `\\${letter}`]),
);

function unescapeCopy(value: string): string {
  return value.replace(/\\(.)/g, (_, e: string) => ESCAPES[e] ?? e);
}

/**
 * A field as COPY's text format writes it: the inverse of reading one. An array (of integers, as
 * drivers give them) in PostgreSQL's text form.
 */
export function escapeCopy(value: string | number | bigint | null | readonly (number | null)[]): string {
  if (value === null) return '\\N';
  if (Array.isArray(value)) return `{${value.map((v) => (v === null ? 'NULL' : String(v))).join(',')}}`;
  return String(value).replace(/[\\\b\f\n\r\t\v]/g, (c) => (c === '\\' ? '\\\\' : ESCAPED[c]!));
}
