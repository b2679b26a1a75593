import { describe, expect, it } from 'vitest';
import { citedRelevance, contextPrecision } from './context-precision.js';

describe('context precision (Ragas)', () => {
  it('matches hand-computed values', () => {
    // relevant at ranks 1 and 3: (1/1 + 2/3) / 2 = 0.833
    expect(contextPrecision([true, false, true])).toBeCloseTo(0.833, 3);
    // relevant only at rank 2: (1/2) / 1 = 0.5
    expect(contextPrecision([false, true, false])).toBeCloseTo(0.5, 3);
    expect(contextPrecision([true, true])).toBe(1);
    expect(contextPrecision([false, false])).toBeNull();
  });
  it('derives relevance from citations', () => {
    expect(citedRelevance(['a', 'b', 'c'], ['c', 'a'])).toEqual([true, false, true]);
  });
});
