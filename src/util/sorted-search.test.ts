import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerBound, sortedIncludes, upperBound } from './sorted-search.js';

describe('sorted search', () => {
  it('agrees with a linear scan (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 })), fc.integer({ min: -1, max: 51 }), (values, value) => {
        const sorted = Float64Array.from(values).sort();
        const firstAtLeast = sorted.findIndex((v) => v >= value);
        const firstAbove = sorted.findIndex((v) => v > value);
        expect(lowerBound(sorted, value)).toBe(firstAtLeast < 0 ? sorted.length : firstAtLeast);
        expect(upperBound(sorted, value)).toBe(firstAbove < 0 ? sorted.length : firstAbove);
        expect(sortedIncludes(Uint32Array.from(sorted), value)).toBe(values.includes(value));
      }),
    );
  });
});
