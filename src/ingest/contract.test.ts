import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputRecord } from '../test-support/temp-store.js';
import { parseIsoDate, validateRecord } from './contract.js';

const NOW = Date.parse('2026-11-01T00:00:00Z');
const reasonOf = (fields: Record<string, unknown>) => {
  const result = validateRecord(fields, NOW);
  return result.ok ? 'ok' : result.rejection.reason;
};

describe('validateRecord', () => {
  it('accepts a complete record and keeps unknown columns as metadata', () => {
    const result = validateRecord(inputRecord({ shop: 'nl-store', sku: 42 }), NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record.metadata).toEqual({ shop: 'nl-store', sku: 42 });
    expect(result.record.createdAt).toBe('2026-03-01T10:00:00.000Z');
    expect(result.record.verifiedPurchase).toBe(true);
  });

  it.each(['review_id', 'product_id', 'star_rating', 'review_text', 'created_at'])('rejects a missing %s', (field) => {
    const record = inputRecord();
    delete record[field];
    expect(reasonOf(record)).toBe('missing_field');
    expect(reasonOf(inputRecord({ [field]: '  ' }))).toBe('missing_field');
  });

  it.each([0, 6, 4.5, '5 stars', -1, true])('rejects star_rating %s', (rating) => {
    expect(reasonOf(inputRecord({ star_rating: rating }))).toBe('bad_rating');
  });

  it('accepts ratings given as numeric strings (CSV)', () => {
    expect(reasonOf(inputRecord({ star_rating: '4' }))).toBe('ok');
  });

  it.each(['03/12/2025', '2025-13-01', 'yesterday', '2025-02-30T10:00:00Z', '2030-01-01', 20250101])(
    'rejects created_at %s',
    (date) => {
      expect(reasonOf(inputRecord({ created_at: date }))).toBe('bad_date');
    },
  );

  it('accepts ISO dates with offsets and normalises them to UTC', () => {
    const result = validateRecord(inputRecord({ created_at: '2026-03-01T12:00:00+02:00' }), NOW);
    expect(result.ok && result.record.createdAt).toBe('2026-03-01T10:00:00.000Z');
    expect(reasonOf(inputRecord({ created_at: '2026-03-01' }))).toBe('ok');
  });

  it('rejects wrong types of optional fields with invalid_field', () => {
    expect(reasonOf(inputRecord({ helpful_votes: -3 }))).toBe('invalid_field');
    expect(reasonOf(inputRecord({ verified_purchase: 'maybe' }))).toBe('invalid_field');
    expect(reasonOf(inputRecord({ review_text: 42 }))).toBe('invalid_field');
  });

  it('never throws, whatever the field values (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('review_id', 'product_id', 'star_rating', 'review_text', 'created_at', 'x'),
          fc.anything(),
        ),
        (fields) => {
          const result = validateRecord(fields, NOW);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
    );
  });

  it('rejects deep nesting and non-text objects in text fields with a reason instead of throwing (property)', () => {
    const nested = (depth: number, arrays: boolean) => {
      let value: unknown = 1;
      for (let i = 0; i < depth; i += 1) value = arrays ? [value] : { a: value };
      return value;
    };
    const field = fc.constantFrom('review_id', 'title', 'user_id', 'language', 'category', 'product_name', 'extra');
    const deep = fc
      .tuple(fc.integer({ min: 33, max: 3_000 }), fc.boolean())
      .map(([depth, arrays]) => nested(depth, arrays));
    fc.assert(
      fc.property(field, deep, (name, value) => {
        expect(reasonOf(inputRecord({ [name]: value }))).toBe('malformed_record');
      }),
      { numRuns: 40 },
    );
    const object = fc.constantFrom<unknown>({ toString: 1 }, { valueOf: null, toString: null }, [[['x']]], {});
    fc.assert(
      fc.property(
        fc.constantFrom('title', 'user_id', 'language', 'category', 'product_name'),
        object,
        (name, value) => {
          expect(reasonOf(inputRecord({ [name]: value }))).toBe('invalid_field');
        },
      ),
    );
    expect(reasonOf(inputRecord({ extra: 'x'.repeat(20_000) }))).toBe('invalid_field');
  });

  it('keeps a "__proto__" field as data, never as the metadata prototype', () => {
    const fields = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    const result = validateRecord({ ...inputRecord(), ...fields }, NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.record.metadata)).toBe(Object.prototype);
    expect(JSON.stringify(result.record.metadata)).toBe('{"__proto__":{"polluted":true}}');
  });
});

describe('parseIsoDate', () => {
  it('round-trips every valid instant (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2026-10-01'), noInvalidDate: true }),
        (date) => {
          expect(parseIsoDate(date.toISOString(), NOW)).toBe(date.toISOString());
        },
      ),
    );
  });

  /** The general path alone (Date.parse), as parseIsoDate was before the canonical-UTC fast path. */
  function viaDateParse(text: string, now: number): string | null {
    const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
    const calendar = new Date(Date.UTC(year, month - 1, day));
    if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
    const time = Date.parse(text);
    if (Number.isNaN(time) || time > now + 24 * 3600 * 1000) return null;
    return new Date(time).toISOString();
  }

  it('the canonical-UTC fast path agrees with Date.parse, invalid calendar dates and times included (property)', () => {
    const digits = (n: number, max: number) => fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, '0'));
    fc.assert(
      fc.property(
        fc.tuple(
          fc.oneof(
            digits(4, 9999),
            digits(4, 120),
            digits(4, 2030).filter((y) => y >= '1900'),
          ),
          digits(2, 13),
          digits(2, 32),
          digits(2, 25),
          digits(2, 60),
          digits(2, 60),
          fc.option(digits(3, 999)),
        ),
        ([y, mo, d, h, mi, s, ms]) => {
          const text = `${y}-${mo}-${d}T${h}:${mi}:${s}${ms === null ? '' : `.${ms}`}Z`;
          expect(parseIsoDate(text, NOW)).toBe(viaDateParse(text, NOW));
        },
      ),
      { numRuns: 3000 },
    );
    expect(parseIsoDate('2025-02-29T10:00:00Z', NOW)).toBeNull();
    expect(parseIsoDate('2024-02-29T10:00:00Z', NOW)).toBe('2024-02-29T10:00:00.000Z');
    // Years below 1000 take the general path.
    expect(parseIsoDate('0050-03-04T01:02:03Z', NOW)).toBe('0050-03-04T01:02:03.000Z');
  });
});
