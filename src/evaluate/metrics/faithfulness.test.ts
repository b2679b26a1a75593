import { describe, expect, it } from 'vitest';
import type { EmbeddedChunk } from '../../domain/chunk.js';
import type { EvalClaim } from '../system-output.js';
import { faithfulness } from './faithfulness.js';

const chunk = (id: string, text: string, polarity: EmbeddedChunk['polarity'], aspects: string[] = []) =>
  ({ chunkId: id, text, polarity, aspects }) as unknown as EmbeddedChunk;
const chunks = new Map(
  [
    chunk('c1', 'The battery lasts all week.', 'positive', ['battery']),
    chunk('c2', 'The strap broke after a day.', 'negative', ['durability']),
  ].map((c) => [c.chunkId, c]),
);

describe('faithfulness (default claim support)', () => {
  it('counts supported claims: right aspect and polarity, content overlap for free text', () => {
    const claims: EvalClaim[] = [
      { text: 'Battery: praised', polarity: 'positive', aspect: 'battery', citations: ['c1'] }, // supported
      { text: 'Battery: criticised', polarity: 'negative', aspect: 'battery', citations: ['c1'] }, // wrong polarity
      { text: 'The strap broke quickly.', polarity: 'negative', aspect: null, citations: ['c2'] }, // overlap "strap"
      { text: 'Great screen.', polarity: 'positive', aspect: 'display', citations: ['c1'] }, // wrong aspect
      { text: 'Battery lasts.', polarity: 'positive', aspect: null, citations: ['missing'] }, // unresolved citation
    ];
    expect(faithfulness(claims, chunks)).toBeCloseTo(2 / 5, 9);
    expect(faithfulness([], chunks)).toBeNull();
  });
  it('uses an injected support function', () => {
    const claims: EvalClaim[] = [{ text: 'x', polarity: 'neutral', aspect: null, citations: ['c1'] }];
    expect(faithfulness(claims, chunks, () => false)).toBe(0);
  });
});
