import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../store/store.js';
import { writeTextSignatures } from '../../store/text-signatures.js';
import { tempStore } from '../../test-support/temp-store.js';
import { useTempStore } from '../../test-support/use-temp-store.js';
import { DuplicateDetector, type SignatureInput } from './duplicates.js';
import { NearDuplicateIndex } from './near-duplicate-index.js';
import { simhash } from './simhash.js';

const temp = useTempStore();

const LONG =
  'The battery lasts two full days and the screen stays bright even in direct sunlight outdoors. Setup took five ' +
  'minutes, the companion app is clear, and the strap is soft on the wrist during long runs';
// One word dropped: a different dedup key, SimHash within Hamming distance 3 of LONG.
const NEAR = LONG.replace('The ', '');
const review = (reviewId: string, userId: string | null, text: string, productId = 'p1'): SignatureInput => ({
  reviewId,
  productId,
  userId,
  text,
});
const reasons = (flags: Map<string, { reason: string }>) =>
  Object.fromEntries([...flags].map(([id, flag]) => [id, flag.reason]));

describe('duplicate flags', () => {
  it('does not flag the same short generic text from different users', async () => {
    const detector = new DuplicateDetector(temp.store.db);
    const flags = await detector.flag([
      review('a', 'u1', 'Great product!'),
      review('b', 'u2', 'Great product!'),
      review('c', 'u3', 'great   PRODUCT'),
      review('d', null, 'Great product!', 'p2'),
    ]);
    expect(reasons(flags)).toEqual({});
  });

  it('always flags the same user reposting, however short the text, on the same or another product', async () => {
    const detector = new DuplicateDetector(temp.store.db);
    await detector.flag([review('a', 'u1', 'Great product!', 'p1')]);
    const flags = await detector.flag([
      review('b', 'u1', 'Great product!', 'p2'),
      review('c', 'u1', 'Great product!', 'p1'),
      review('d', 'u2', 'Great product!', 'p2'),
    ]);
    expect(reasons(flags)).toEqual({ b: 'user_repost', c: 'user_repost' });
    expect(flags.get('b')!.detail).toContain('a');
  });

  it('flags distinctive texts (≥ 10 words by default) copied by another user, exactly or nearly', async () => {
    const detector = new DuplicateDetector(temp.store.db);
    const flags = await detector.flag([
      review('a', 'u1', LONG),
      review('b', 'u2', LONG.toUpperCase()),
      review('c', 'u3', NEAR),
      review('d', 'u4', 'Completely different words about a kettle that boils water quickly and quietly at night'),
    ]);
    expect(reasons(flags)).toEqual({ b: 'duplicate', c: 'near_duplicate' });
  });

  it('makes the distinctive length configurable', async () => {
    const detector = new DuplicateDetector(temp.store.db, { minDistinctiveWords: 2 });
    const flags = await detector.flag([review('a', 'u1', 'Great product!'), review('b', 'u2', 'Great product!')]);
    expect(reasons(flags)).toEqual({ b: 'duplicate' });
  });

  it('finds copies of reviews stored by an earlier run and keeps verdicts on re-ingest', async () => {
    await new DuplicateDetector(temp.store.db).flag([review('a', 'u1', LONG)]);
    const second = new DuplicateDetector(temp.store.db);
    expect(reasons(await second.flag([review('b', 'u2', LONG), review('c', 'u3', NEAR)]))).toEqual({
      b: 'duplicate',
      c: 'near_duplicate',
    });
    // Re-ingesting the same reviews reproduces the verdicts; the original stays unflagged.
    const third = new DuplicateDetector(temp.store.db);
    expect(reasons(await third.flag([review('a', 'u1', LONG), review('b', 'u2', LONG)]))).toEqual({
      b: 'duplicate',
    });
  });
});

describe('the process-wide near-duplicate window over the store', () => {
  it('holds only committed signatures: a batch that was judged but never stored leaves nothing behind', async () => {
    // judge() without storing its writes is a batch whose transaction failed.
    await new DuplicateDetector(temp.store.db).judge([review('a', 'u1', LONG)]);
    expect(reasons(await new DuplicateDetector(temp.store.db).flag([review('c', 'u3', NEAR)]))).toEqual({});
  });

  it('finds near copies of reviews stored by earlier batches of the same run', async () => {
    const detector = new DuplicateDetector(temp.store.db);
    await detector.flag([review('a', 'u1', LONG)]);
    expect(reasons(await detector.flag([review('c', 'u3', NEAR)]))).toEqual({ c: 'near_duplicate' });
  });

  it('forgets an erased review although the window still holds its signature', async () => {
    const detector = new DuplicateDetector(temp.store.db);
    await detector.flag([review('a', 'u1', LONG)]);
    await detector.flag([review('x', 'u9', 'Short words only')]); // the window reads 'a' before this batch
    // What erasure does to signatures (privacy/erase.ts); the detector stored none of the reviews themselves.
    await temp.store.db.deleteFrom('text_signatures').where('review_id', '=', 'a').execute();
    expect(reasons(await new DuplicateDetector(temp.store.db).flag([review('c', 'u3', NEAR)]))).toEqual({});
  });

  it('compares with the text a review has now, not the one it had when the window read it', async () => {
    const other = 'Completely different words about a kettle that boils water quickly and quietly at night';
    const detector = new DuplicateDetector(temp.store.db);
    await detector.flag([review('a', 'u1', LONG)]);
    await detector.flag([review('a', 'u1', other)]); // edited: its signature is replaced
    expect(reasons(await new DuplicateDetector(temp.store.db).flag([review('c', 'u3', NEAR)]))).toEqual({});
  });

  it("catches up with signatures another process stored after this process's window was filled", async () => {
    const { store, dir, cleanup } = await tempStore();
    const otherProcess = await openSqliteStore(join(dir, 'store.sqlite'));
    try {
      await new DuplicateDetector(store.db).flag([review('x', 'u9', 'Short words only')]); // fills the window
      await new DuplicateDetector(otherProcess.db).flag([review('a', 'u1', LONG)]);
      expect(reasons(await new DuplicateDetector(store.db).flag([review('c', 'u3', NEAR)]))).toEqual({
        c: 'near_duplicate',
      });
    } finally {
      await otherProcess.close();
      await cleanup();
    }
  });

  it('grows the in-batch index for a batch larger than its first size', async () => {
    const filler = Array.from({ length: 5001 }, (_, i) => review(`f${i}`, null, `short ${i}`));
    const flags = await new DuplicateDetector(temp.store.db).flag([
      review('a', 'u1', LONG),
      ...filler,
      review('c', 'u3', NEAR),
    ]);
    expect(reasons(flags)).toEqual({ c: 'near_duplicate' });
  });
});

describe('duplicate lookups with and without the run-scoped hash filters', () => {
  const stored = Array.from({ length: 12 }, (_, i) =>
    review(`s${i}`, `u${i}`, `${LONG} and review number ${i} adds its own closing words here`, `p${i}`),
  );

  it('a small batch on a larger store looks hashes up without scanning the store', async () => {
    await new DuplicateDetector(temp.store.db).flag(stored);
    const detector = new DuplicateDetector(temp.store.db);
    // 2 judged < 12 stored / 4: point lookups only.
    const flags = await detector.flag([review('x', 'u99', stored[3]!.text), review('y', 'u5', stored[5]!.text, 'p9')]);
    expect(reasons(flags)).toEqual({ x: 'duplicate', y: 'user_repost' });
  });

  it('a large batch builds the filters from the stored signatures and still finds every copy', async () => {
    await new DuplicateDetector(temp.store.db).flag(stored);
    const detector = new DuplicateDetector(temp.store.db);
    const copies = stored.map((r, i) => review(`c${i}`, i % 2 === 0 ? `other${i}` : r.userId, r.text, 'p77'));
    const flags = await detector.flag(copies);
    expect(Object.values(reasons(flags))).toEqual(copies.map((_, i) => (i % 2 === 0 ? 'duplicate' : 'user_repost')));
    // Hashes added by this run are in the filters too: a later batch of the same run finds them.
    const fresh = 'A brand new text that no stored review has, long enough to count as distinctive for sure';
    expect(reasons(await detector.flag([review('n', 'u40', fresh)]))).toEqual({});
    const later = await detector.flag([review('z', 'u42', fresh), review('w', 'u40', 'fresh words', 'p3')]);
    expect(reasons(later)).toEqual({ z: 'duplicate' });
  });
});

describe('signature writes', () => {
  it('keep the signature another writer stored first for the same review id (no error, first verdict kept)', async () => {
    const row = {
      review_id: 'r1',
      product_id: 'p1',
      user_id: 'u1',
      text_hash: 'h1',
      user_hash: 'uh1',
      simhash: '0000000000000000',
      words: 12,
      verdict: '',
      verdict_detail: '',
    };
    await writeTextSignatures(temp.store.db, { deleted: [], added: [row] });
    await writeTextSignatures(temp.store.db, {
      deleted: [],
      added: [{ ...row, verdict: 'duplicate', text_hash: 'h2' }],
    });
    const stored = await temp.store.db.selectFrom('text_signatures').selectAll().execute();
    expect(stored).toEqual([row]);
  });
});

describe('near-duplicate index', () => {
  const hash = simhash('the battery lasts two full days and the screen stays bright');
  const flipped = (bits: number[]) => {
    let lo = hash.lo;
    for (const bit of bits) lo ^= 1 << bit;
    return { hi: hash.hi, lo: lo >>> 0 };
  };

  it('finds signatures within Hamming distance 3 and not beyond', () => {
    const index = new NearDuplicateIndex(10);
    index.add(hash, 'x');
    expect(index.find(flipped([0, 7, 30]))).toBe('x');
    expect(index.find(flipped([0, 7, 30, 31]))).toBeUndefined();
    expect(index.find(hash, 'x')).toBeUndefined();
  });

  it('lists every match once and forgets everything when cleared', () => {
    const index = new NearDuplicateIndex(10);
    index.add(hash, 'old');
    index.add(flipped([1]), 'new');
    index.add({ hi: ~hash.hi >>> 0, lo: hash.lo }, 'far');
    expect([...index.matches(hash)].sort()).toEqual(['new', 'old']);
    expect([...index.matches(hash, 'new')]).toEqual(['old']);
    index.clear();
    expect(index.size).toBe(0);
    expect([...index.matches(hash)]).toEqual([]);
    index.add(hash, 'again');
    expect(index.find(flipped([2]))).toBe('again');
  });

  it('forgets the oldest signatures once the window is full', () => {
    const index = new NearDuplicateIndex(3);
    index.add(hash, 'old');
    for (let i = 0; i < 3; i++) index.add({ hi: i + 1, lo: (i + 1) * 0x01010101 }, `other-${i}`);
    expect(index.size).toBe(3);
    expect(index.find(hash)).toBeUndefined();
  });
});
