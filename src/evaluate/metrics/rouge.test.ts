import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENGLISH_ROUGE, NON_ENGLISH_ROUGE, rouge, rougeMultiReference, rougeTokens } from './rouge.js';

// Hand-worked cases: every expected value below is computed on paper in the comment above it.
describe('rougeTokens (rouge_score tokenizer)', () => {
  it('lower-cases, splits on anything outside [a-z0-9] and stems tokens longer than 3 characters', () => {
    expect(rougeTokens("It's GREAT—100%! Batteries", ENGLISH_ROUGE)).toEqual(['it', 's', 'great', '100', 'batteri']);
    expect(rougeTokens('Batteries running', { stem: false, tokenizer: 'ascii' })).toEqual(['batteries', 'running']);
  });
  it('keeps accented letters with the unicode tokenizer (non-English sets), where the ASCII rule cuts them', () => {
    expect(rougeTokens('Ótimo livro, não gostei', NON_ENGLISH_ROUGE)).toEqual(['ótimo', 'livro', 'não', 'gostei']);
    expect(rougeTokens('Ótimo livro, não', { stem: false, tokenizer: 'ascii' })).toEqual(['timo', 'livro', 'n', 'o']);
  });
});

describe('rouge against hand-computed values', () => {
  it('the cat sat on the mat / the cat was on the mat', () => {
    // R1: overlap the×2 + cat + on + mat = 5 of 6 and 6 → F = 5/6. R2: the-cat, on-the, the-mat = 3 of 5 → 0.6.
    // L: LCS "the cat on the mat" = 5 → 5/6. Lsum: one sentence each → same as L.
    const s = rouge('the cat sat on the mat', 'the cat was on the mat');
    expect(s.rouge1).toBeCloseTo(0.833, 3);
    expect(s.rouge2).toBeCloseTo(0.6, 3);
    expect(s.rougeL).toBeCloseTo(0.833, 3);
    expect(s.rougeLsum).toBeCloseTo(0.833, 3);
  });

  it('stems, and ROUGE-Lsum takes the union LCS over sentences where ROUGE-L sees one sequence', () => {
    // cand: [the screen is dim] [batteri last long] (7 tokens); ref: the batteri last long and the screen is dim (9).
    // R1: 7 matches → P 1, R 7/9 → F = 14/16 = 0.875.
    // R2: the-screen, screen-is, is-dim, batteri-last, last-long = 5; P 5/6, R 5/8 → F = 50/70 = 0.714.
    // L: LCS over the flat sequences = 4 ("the screen is dim") → F = 8/16 = 0.5.
    // Lsum: union of LCS(ref, s1) = {the, screen, is, dim} and LCS(ref, s2) = {batteri, last, long} = 7 → 0.875.
    const s = rouge('The screen is dim.\nBatteries last long.', 'The battery lasts long and the screen is dim.');
    expect(s.rouge1).toBeCloseTo(0.875, 3);
    expect(s.rouge2).toBeCloseTo(0.714, 3);
    expect(s.rougeL).toBeCloseTo(0.5, 3);
    expect(s.rougeLsum).toBeCloseTo(0.875, 3);
  });

  it('clips n-gram counts: a repeated word matches only as often as the reference has it', () => {
    // cand "good good good" vs ref "good phone": overlap min(3, 1) = 1; P 1/3, R 1/2 → F = 0.4.
    expect(rouge('good good good', 'good phone').rouge1).toBeCloseTo(0.4, 3);
  });

  it('averages over references (not max), as FewSum/Copycat do', () => {
    // R1 = mean(1, 0) = 0.5.
    expect(rougeMultiReference('the cat sat', ['the cat sat', 'a dog ran']).rouge1).toBeCloseTo(0.5, 3);
    expect(rougeMultiReference('the cat sat', []).rouge1).toBe(0);
  });

  it('scores an empty candidate or reference 0', () => {
    expect(rouge('', 'the cat')).toEqual({ rouge1: 0, rouge2: 0, rougeL: 0, rougeLsum: 0 });
    expect(rouge('!!!', 'the cat').rougeLsum).toBe(0);
  });
});

describe('rouge properties', () => {
  const text = fc.array(fc.constantFrom('good', 'battery', 'bad', 'screen', 'the', 'is', '\n', 'lasts', 'dim'), {
    maxLength: 20,
  });
  it('is within [0, 1], symmetric in F1, and 1 for identical non-empty texts', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const x = a.join(' ');
        const y = b.join(' ');
        const s = rouge(x, y);
        const t = rouge(y, x);
        for (const key of ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'] as const) {
          expect(s[key]).toBeGreaterThanOrEqual(0);
          expect(s[key]).toBeLessThanOrEqual(1);
        }
        expect(s.rouge1).toBeCloseTo(t.rouge1, 9);
        expect(s.rougeL).toBeCloseTo(t.rougeL, 9);
        if (rougeTokens(x).length > 0) expect(rouge(x, x).rouge1).toBeCloseTo(1, 9);
      }),
    );
  });
  it('ROUGE-L never exceeds ROUGE-1 (an LCS is a set of unigram matches)', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const s = rouge(a.join(' '), b.join(' '));
        expect(s.rougeL).toBeLessThanOrEqual(s.rouge1 + 1e-12);
      }),
    );
  });
});
