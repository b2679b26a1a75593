import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simhash } from './simhash.js';

/** The original string-building formulation: the optimised simhash must give the same bits (stored signatures). */
function referenceSimhash(key: string): { hi: number; lo: number } {
  const fnv1a = (text: string, seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
  };
  const words = key.split(' ');
  const votes = new Int32Array(64);
  const shingles = words.length < 3 ? [key] : [];
  for (let i = 0; i + 3 <= words.length; i++) shingles.push(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  for (const shingle of shingles) {
    const a = fnv1a(shingle, 0x811c9dc5);
    const b = fnv1a(shingle, 0x9747b28c);
    for (let bit = 0; bit < 32; bit++) {
      votes[bit]! += (a >>> bit) & 1 ? 1 : -1;
      votes[bit + 32]! += (b >>> bit) & 1 ? 1 : -1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (votes[bit]! > 0) lo |= 1 << bit;
    if (votes[bit + 32]! > 0) hi |= 1 << bit;
  }
  return { hi: hi >>> 0, lo: lo >>> 0 };
}

describe('simhash', () => {
  it('gives the same bits as the string-building reference for any key (also empty words, non-ASCII)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'é', 'ß', '1', '😀', 'z'), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), (words) => {
        const key = words.join(' ');
        expect(simhash(key)).toEqual(referenceSimhash(key));
      }),
      { numRuns: 2000 },
    );
  });

  it('matches the reference on a typical review key and differs for a different text', () => {
    const key = 'the battery lasts two full days and the screen stays bright even outdoors';
    expect(simhash(key)).toEqual(referenceSimhash(key));
    expect(simhash(key)).not.toEqual(simhash('shipping was slow and the box arrived damaged but the kettle works'));
  });
});
