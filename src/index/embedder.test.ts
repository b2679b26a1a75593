import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosine, type Embedder, fromBlob, HashedNgramEmbedder, toBlob } from './embedder.js';

const norm = (v: Float32Array): number => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe('HashedNgramEmbedder', () => {
  const embedder = new HashedNgramEmbedder();

  it('has id and dimension', () => {
    expect(embedder.dimension).toBe(256);
    expect(embedder.id).toBe('hashed-ngram-v1-d256');
    const small = new HashedNgramEmbedder({ dimension: 100 });
    expect(small.id).toBe('hashed-ngram-v1-d100');
    expect(small.embedOne('hello world')).toHaveLength(100);
    expect(() => new HashedNgramEmbedder({ dimension: 0 })).toThrow(RangeError);
  });

  it('property: vectors are L2-normalised (or zero) and deterministic', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const a = embedder.embedOne(text);
        const b = new HashedNgramEmbedder().embedOne(text);
        expect(a).toEqual(b);
        expect(a).toHaveLength(256);
        const n = norm(a);
        if (/[\p{L}\p{N}]/u.test(text)) expect(n).toBeCloseTo(1, 5);
        else expect(n === 0 || Math.abs(n - 1) < 1e-5).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('handles long texts (table growth) and stays independent of call history', () => {
    const long = Array.from({ length: 400 }, (_, i) => `word${i} Akku${i}laufzeit qualité${i}`).join(' ');
    const reused = new HashedNgramEmbedder();
    const before = reused.embedOne('great battery life');
    const a = reused.embedOne(long);
    expect(norm(a)).toBeCloseTo(1, 5);
    expect(a).toEqual(new HashedNgramEmbedder().embedOne(long));
    expect(reused.embedOne('great battery life')).toEqual(before);
  });

  it('maps featureless text to the zero vector (cosine 0)', () => {
    const zero = embedder.embedOne('  ?! … ');
    expect(norm(zero)).toBe(0);
    expect(cosine(zero, embedder.embedOne('battery'))).toBe(0);
    expect(norm(embedder.embedOne(''))).toBe(0);
  });

  it('is case-insensitive', () => {
    expect(cosine(embedder.embedOne('Battery Life Is GREAT'), embedder.embedOne('battery life is great'))).toBeCloseTo(
      1,
      6,
    );
  });

  it('orders similarity sensibly', () => {
    const anchor = embedder.embedOne('battery life is great');
    const similar = cosine(anchor, embedder.embedOne('great battery life'));
    const related = cosine(anchor, embedder.embedOne('the battery life is short'));
    const unrelated = cosine(anchor, embedder.embedOne('the shoes pinch my toes'));
    expect(similar).toBeGreaterThan(0.6);
    expect(similar).toBeGreaterThan(related);
    expect(related).toBeGreaterThan(unrelated);
    expect(similar - unrelated).toBeGreaterThan(0.5);
  });

  it('shares char n-grams across diacritics and inflections', () => {
    const a = embedder.embedOne('qualité');
    expect(cosine(a, embedder.embedOne('qualite'))).toBeGreaterThan(0.4);
    const akku = cosine(embedder.embedOne('Akkulaufzeit'), embedder.embedOne('Akku'));
    expect(akku).toBeGreaterThan(0.1);
    expect(akku).toBeGreaterThan(cosine(embedder.embedOne('Akkulaufzeit'), embedder.embedOne('Lieferung')));
  });

  it('embeds batches through the Embedder interface', async () => {
    const seam: Embedder = embedder;
    const vectors = await seam.embed(['a b c', 'great sound']);
    expect(vectors).toHaveLength(2);
    expect(vectors[1]).toEqual(embedder.embedOne('great sound'));
  });
});

describe('cosine', () => {
  it('is 1 for identical and throws on dimension mismatch', () => {
    const v = new Float32Array([0.6, 0.8]);
    expect(cosine(v, v)).toBeCloseTo(1);
    expect(() => cosine(v, new Float32Array(3))).toThrow(RangeError);
  });
});

describe('blob round trip', () => {
  it('property: fromBlob(toBlob(v)) equals v bit for bit', () => {
    fc.assert(
      fc.property(fc.float32Array({ maxLength: 300 }), (v) => {
        const back = fromBlob(toBlob(v));
        expect(Buffer.from(back.buffer)).toEqual(Buffer.from(v.buffer, v.byteOffset, v.byteLength));
      }),
    );
  });

  it('is little-endian and copy-safe for unaligned buffers', () => {
    const blob = toBlob(new Float32Array([1, -2.5]));
    expect([...blob]).toEqual([0, 0, 128, 63, 0, 0, 32, 192]);
    const pool = Buffer.alloc(blob.length + 3);
    blob.copy(pool, 3);
    const unaligned = pool.subarray(3);
    const vec = fromBlob(unaligned);
    expect([...vec]).toEqual([1, -2.5]);
    pool.fill(0);
    expect([...vec]).toEqual([1, -2.5]);
    expect(() => fromBlob(Buffer.alloc(5))).toThrow(RangeError);
  });

  it('toBlob does not alias the vector', () => {
    const v = new Float32Array([1, 2, 3]);
    const blob = toBlob(v);
    v[0] = 99;
    expect(fromBlob(blob)[0]).toBe(1);
  });
});
