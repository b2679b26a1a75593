import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binShares, psi, quantileEdges } from './psi.js';

describe('psi', () => {
  it('is zero for identical distributions and never negative', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 200 }),
        (values) => {
          const edges = quantileEdges(values);
          const shares = binShares(values, edges);
          expect(psi(shares, shares)).toBeCloseTo(0, 12);
          expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
        (a, b) => {
          expect(psi(a, b)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('a shifted distribution scores above 0.25, a resample of the same one below 0.1', () => {
    const base = Array.from({ length: 2000 }, (_, i) => Math.sin(i * 12.9898) * 0.5);
    const same = Array.from({ length: 2000 }, (_, i) => Math.sin((i + 7) * 78.233) * 0.5);
    const shifted = base.map((v) => v + 0.4);
    const edges = quantileEdges(base);
    const expected = binShares(base, edges);
    expect(psi(expected, binShares(same, edges))).toBeLessThan(0.1);
    expect(psi(expected, binShares(shifted, edges))).toBeGreaterThan(0.25);
  });
});
