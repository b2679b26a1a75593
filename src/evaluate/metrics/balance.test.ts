import { describe, expect, it } from 'vitest';
import type { EvalClaim } from '../system-output.js';
import { balance } from './balance.js';

const claim = (polarity: EvalClaim['polarity']): EvalClaim => ({ text: 'x', polarity, aspect: null, citations: ['c'] });

describe('balance', () => {
  it('compares the share of negative claims with the share of 1–2★ reviews', () => {
    // claims: 1 negative of 4 polar = 0.25; reviews: 2 of 5 ≤ 2★ = 0.4; gap 0.15; a con is needed and present.
    const s = balance(
      [claim('neutral'), claim('positive'), claim('positive'), claim('positive'), claim('negative')],
      [1, 2, 4, 5, 5],
    );
    expect(s.summary_negative_share).toBeCloseTo(0.25, 3);
    expect(s.reviews_negative_share).toBeCloseTo(0.4, 3);
    expect(s.balance_gap).toBeCloseTo(0.15, 3);
    expect(s.cons_when_needed).toBe(1);
  });
  it('flags a missing con when ≥ 20% are negative, and does not apply below', () => {
    expect(balance([claim('positive')], [1, 5, 5, 5, 5]).cons_when_needed).toBe(0);
    expect(balance([claim('positive')], [3, 5, 5, 5, 5]).cons_when_needed).toBeNull();
    expect(balance([claim('neutral')], [5]).balance_gap).toBeNull();
  });
});
