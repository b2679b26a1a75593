import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, requiredSamplePerArm, twoProportionTest, wilsonInterval } from './stats.js';

describe('statistics', () => {
  it('matches known normal quantiles', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 5);
    expect(normalCdf(-2.575829)).toBeCloseTo(0.005, 5);
  });

  it('normal CDF is monotone and symmetric', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), (z, d) => {
        expect(normalCdf(z + d)).toBeGreaterThanOrEqual(normalCdf(z) - 1e-12);
        expect(normalCdf(z) + normalCdf(-z)).toBeCloseTo(1, 6);
      }),
    );
  });

  it('Wilson interval stays in [0, 1] and contains the observed rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
        const k = Math.round(n * share);
        const { low, high } = wilsonInterval(k, n);
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1);
        expect(low).toBeLessThanOrEqual(k / n + 1e-12);
        expect(high).toBeGreaterThanOrEqual(k / n - 1e-12);
      }),
    );
  });

  it('two-proportion test: textbook example and antisymmetry', () => {
    // 200/1000 vs 250/1000: pooled z ≈ 2.68, p ≈ 0.0073.
    const test = twoProportionTest(200, 1000, 250, 1000);
    expect(test.difference).toBeCloseTo(0.05, 10);
    expect(test.z).toBeCloseTo(2.68, 2);
    expect(test.pValue).toBeCloseTo(0.0073, 3);
    expect(test.relativeLift).toBeCloseTo(0.25, 10);
    expect(test.differenceInterval.low).toBeGreaterThan(0);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (na, nb, ra, rb) => {
          const a = Math.round(na * ra);
          const b = Math.round(nb * rb);
          const forward = twoProportionTest(a, na, b, nb);
          const backward = twoProportionTest(b, nb, a, na);
          expect(forward.z).toBeCloseTo(-backward.z, 9);
          expect(forward.pValue).toBeCloseTo(backward.pValue, 9);
          expect(forward.pValue).toBeGreaterThanOrEqual(0);
          expect(forward.pValue).toBeLessThanOrEqual(1 + 1e-9);
        },
      ),
    );
  });

  it('required sample size grows as the effect shrinks', () => {
    // 10% → 12% at 80% power: ~3,840 per arm.
    expect(requiredSamplePerArm(0.1, 0.02)).toBeGreaterThan(3500);
    expect(requiredSamplePerArm(0.1, 0.02)).toBeLessThan(4200);
    expect(requiredSamplePerArm(0.1, 0.01)).toBeGreaterThan(requiredSamplePerArm(0.1, 0.02));
  });
});
