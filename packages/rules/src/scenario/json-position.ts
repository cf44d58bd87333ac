/**
 * Where JSON text first goes wrong. `JSON.parse` does not always say (Node 20: "Unexpected token ']',
 * "[1,]" is not valid JSON"), so this small syntax checker finds the offset itself. Iterative, so deep
 * nesting cannot overflow the stack.
 */

const WS = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER_RE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4_RE = /[0-9a-fA-F]{4}/y;

/** The offset of the first syntax error in `text`, or `null` when it is valid JSON. */
export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const skip = () => {
    while (i < text.length && WS.has(text[i]!)) i++;
  };
  /** Reads a string starting at `i` (a `"`); returns false on an error left at `i`. */
  const string = (): boolean => {
    i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          HEX4_RE.lastIndex = i + 2;
          if (!HEX4_RE.test(text)) {
            i++;
            return false;
          }
          i += 6;
        } else if (e !== undefined && ESCAPES.has(e)) i += 2;
        else {
          i++;
          return false;
        }
      } else i++;
    }
    return false;
  };
  /** Reads a scalar or opens a container at `i`; returns false on an error left at `i`. */
  const stack: ('{' | '[')[] = [];
  /** Whether the last value read opened a container (so no `,` is due). */
  let opened = false;
  const value = (): boolean => {
    const c = text[i];
    opened = c === '{' || c === '[';
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      return true;
    }
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return true;
      }
    }
    NUMBER_RE.lastIndex = i;
    const m = NUMBER_RE.exec(text);
    if (!m || m[0] === '' || m[0] === '-') return false;
    i += m[0].length;
    return true;
  };

  // State machine: after a value, expect `,`, a closing bracket or the end.
  skip();
  if (!value()) return i;
  for (;;) {
    skip();
    const top = stack[stack.length - 1];
    if (top === undefined) return i < text.length ? i : null;
    const c = text[i];
    if (c === (top === '{' ? '}' : ']')) {
      stack.pop();
      opened = false;
      i++;
      continue;
    }
    if (!opened) {
      if (c !== ',') return i;
      i++;
      skip();
    }
    if (top === '{') {
      if (text[i] !== '"' || !string()) return i;
      skip();
      if (text[i] !== ':') return i;
      i++;
      skip();
    }
    if (!value()) return i;
  }
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      start = k + 1;
    }
  }
  return { line, column: offset - start + 1 };
}
