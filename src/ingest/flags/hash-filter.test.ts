import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HashFilter } from './hash-filter.js';

describe('HashFilter', () => {
  it('never forgets a key it was given, across layer growth (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 300 }), (keys) => {
        const filter = new HashFilter();
        for (const key of keys) filter.add(key);
        for (const key of keys) expect(filter.mightContain(key)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('answers "absent" for most keys it never saw, also after growing past its first layer', () => {
    const filter = new HashFilter();
    const n = 100_000;
    for (let i = 0; i < n; i++) filter.add(`stored-${i}`);
    for (let i = 0; i < n; i += 997) expect(filter.mightContain(`stored-${i}`)).toBe(true);
    let falsePositives = 0;
    for (let i = 0; i < n; i++) if (filter.mightContain(`absent-${i}`)) falsePositives++;
    // ~0.8 % per layer, summed over the layers that hold keys.
    expect(falsePositives / n).toBeLessThan(0.03);
    expect(new HashFilter().mightContain('anything')).toBe(false);
  });
});
