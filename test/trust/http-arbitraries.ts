import fc from 'fast-check';

/**
 * Hostile HTTP inputs for the property tests of every endpoint: path segments, query strings, headers and bodies
 * an attacker (or a broken client) could send. Each generator mixes plausible values (so requests get past the
 * first check) with garbage: invalid UTF-8 escapes, control characters, huge and deeply nested values and
 * prototype-pollution keys.
 */

/** Percent-escapes that decode to invalid UTF-8, overlong forms, NUL and surrogates. */
const BAD_ESCAPES = ['%FF', '%C0%AF', '%ED%A0%80', '%00', '%E2%82', '%', '%zz', '%F0%9F', '%0A', '%25'];

const unicodeText = fc.string({ unit: 'grapheme', maxLength: 40 });
const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  unicodeText,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '__proto__', 'constructor', 'prototype', '..', '../..', 'null', 'undefined', 'NaN'),
  fc.integer({ min: 101, max: 5000 }).map((n) => 'x'.repeat(n)),
);

/** One path segment as it appears on the wire: mostly percent-encoded text, sometimes raw invalid escapes. */
export const pathSegment = fc.oneof(
  { weight: 4, arbitrary: anyText.map((text) => encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, ''))) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom(...BAD_ESCAPES, 'a', 'p1', '-', '.'), { maxLength: 6 })
      .map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: fc.constantFrom('p1', 'P-0001', 'unknown', '%2e%2e', '%2F', '..%2F..%2Fetc%2Fpasswd') },
);

const queryKey = fc.oneof(
  fc.constantFrom(
    'lang',
    'subject',
    'claim',
    'since',
    'category',
    'q',
    'min_rating',
    'max_rating',
    'language',
    'from',
    'to',
    'verified',
    'limit',
    '__proto__',
    'constructor',
    '__proto__[x]',
    'lang[]',
    'a[b][c]',
  ),
  fc.string({ maxLength: 10 }),
);
const queryValue = fc.oneof(
  fc.constantFrom(
    'en',
    'de',
    'xx',
    'overview',
    'pros.0',
    'cons.99999999999999999999',
    '2026-01-01',
    '1',
    '5',
    '0',
    '-1',
    '1e400',
    'NaN',
    'Infinity',
    'true',
    'false',
    'battery',
    '"',
    '*',
    'a OR b',
    'NEAR(',
    '^',
    '\u0000',
  ),
  anyText,
);

/** A query string: repeated keys, encoded and raw garbage, empty pairs. */
export const queryString = fc.oneof(
  fc.constant(''),
  fc
    .array(fc.tuple(queryKey, queryValue, fc.boolean()), { maxLength: 6 })
    .map((pairs) =>
      pairs
        .map(([key, value, raw]) =>
          raw
            ? `${key}=${value}`
            : `${encodeURIComponent(key.replace(/[\uD800-\uDFFF]/g, ''))}=${encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, ''))}`,
        )
        .join('&'),
    ),
  fc
    .array(fc.constantFrom(...BAD_ESCAPES, '&', '=', 'lang', 'q', '[]'), { maxLength: 8 })
    .map((parts) => parts.join('')),
);

/** A header value Node's HTTP parser would accept: visible ASCII and latin-1, no CR/LF. */
const headerValue = fc.oneof(
  fc.string({ maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
  fc.constantFrom('', 'Bearer ', 'Bearer x', 'Basic dXNlcjpwYXNz', '"etag"', '*', 'W/"x"', 'a'.repeat(4000)),
);

export interface Credentials {
  readonly admin: string;
  readonly ingest: string;
}

/** Headers: credentials (valid, wrong scope, garbage, duplicated), conditional requests, odd content types. */
export function headers(keys: Credentials) {
  const auth = fc.oneof(
    fc.constant(undefined),
    fc.constantFrom(`Bearer ${keys.admin}`, `Bearer ${keys.ingest}`, `Bearer ${keys.admin}x`, `bearer ${keys.admin}`),
    headerValue,
  );
  return fc
    .record(
      {
        authorization: auth,
        'x-api-key': fc.oneof(fc.constantFrom(keys.admin, keys.ingest), headerValue),
        'if-none-match': headerValue,
        'x-reviewlens-subject': headerValue,
        'idempotency-key': fc.oneof(
          fc.string({ minLength: 8, maxLength: 20 }).map((s) => s.replace(/[^A-Za-z0-9]/g, 'k')),
          headerValue,
        ),
        'content-type': fc.constantFrom(
          'application/json',
          'application/json; charset=utf-8',
          'application/json; charset=latin1',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/json;;;',
          '',
        ),
        'accept-encoding': fc.constantFrom('gzip', 'br', 'identity', '*', 'x'),
      },
      { requiredKeys: [] },
    )
    .map(
      (record) =>
        Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Record<string, string>,
    );
}

/** Nesting deeper than any recursive walker's stack: arrays or objects `depth` levels down. */
export const deepJson = fc
  .tuple(fc.integer({ min: 1_000, max: 200_000 }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  );

const pollutionKeys = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  'toString',
  'hasOwnProperty',
);

/** A JSON document with prototype-pollution keys at some depth, written as text (JSON.stringify would drop them). */
export const pollutedJson = fc
  .tuple(
    pollutionKeys,
    fc.constantFrom('{"polluted":true}', '{"prototype":{"polluted":true}}', '1', 'null'),
    fc.integer({ min: 0, max: 3 }),
  )
  .map(([key, value, depth]) => {
    let doc = `{"${key}":${value}}`;
    for (let i = 0; i < depth; i += 1) doc = `{"reviews":[${doc}],"events":[${doc}],"x":${doc}}`;
    return doc;
  });

/** Replaces a random field of a valid body with a value of the wrong type. */
export function wrongTyped(valid: Record<string, unknown>) {
  const keys = Object.keys(valid).length > 0 ? Object.keys(valid) : ['unexpected'];
  return fc
    .tuple(
      fc.constantFrom(...keys),
      fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(null, -1, 1e308, '', [], {}, 'x'.repeat(70_000))),
    )
    .map(([key, value]) => JSON.stringify({ ...valid, [key]: value }));
}

/** Bodies as raw wire bytes: valid-ish, wrong types, arbitrary JSON, deep, polluted, huge, non-JSON, invalid UTF-8. */
export function bodies(validBodies: readonly Record<string, unknown>[]) {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...validBodies).chain(wrongTyped) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: deepJson },
    { weight: 2, arbitrary: pollutedJson },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 60_000, max: 12 * 1024 * 1024 }).map((n) => `{"reviews":["${'a'.repeat(n)}"]}`),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', 'null', '{', '[1,]', '{"a":1}}', 'NaN', '\u0000', '{"reviews":[1e400]}'),
    },
    {
      weight: 1,
      arbitrary: fc
        .uint8Array({ maxLength: 200 })
        .map((bytes) =>
          Buffer.concat([
            Buffer.from('{"reviews":[{"review_text":"'),
            Buffer.from([0xff, 0xfe, 0xc0, ...bytes]),
            Buffer.from('"}]}'),
          ]),
        ),
    },
  );
}

/** Field values hostile to the ingest pipeline, as JSON text (deep nesting cannot go through JSON.stringify). */
const hostileFieldValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? 'null'),
  fc.integer({ min: 1_000, max: 50_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc.integer({ min: 1_000, max: 20_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  fc.constantFrom('{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '1e400', '-0'),
  fc.integer({ min: 10_000, max: 300_000 }).map((n) => JSON.stringify('é '.repeat(n))),
  fc.string({ unit: 'binary', maxLength: 200 }).map((s) => JSON.stringify(s)),
  fc.constantFrom(
    '"<script>alert(1)</script>"',
    '"\\ud800"',
    '"\\u0000\\u0000"',
    '"9999-99-99"',
    '"2026-02-30T25:61:00Z"',
  ),
);

/** `{"reviews":[…]}` as text: records derived from a valid one with some fields replaced or added, or not objects. */
export function ingestBodies(validRecord: Record<string, unknown>) {
  const keys = [...Object.keys(validRecord), '__proto__', 'constructor', 'user_id', 'extra'];
  const record = fc
    .array(fc.tuple(fc.constantFrom(...keys), hostileFieldValue), { maxLength: 3 })
    .map((replacements) => {
      const fields = new Map(Object.entries(validRecord).map(([key, value]) => [key, JSON.stringify(value)]));
      for (const [key, value] of replacements) fields.set(key, value);
      return `{${[...fields].map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;
    });
  const item = fc.oneof({ weight: 5, arbitrary: record }, { weight: 1, arbitrary: hostileFieldValue });
  return fc.array(item, { minLength: 1, maxLength: 4 }).map((items) => `{"reviews":[${items.join(',')}]}`);
}
