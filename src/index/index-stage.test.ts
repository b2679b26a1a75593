import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHUNK_ID_PATTERN, MAX_CHUNK_CHARS } from '../domain/chunk.js';
import { ingest } from '../ingest/ingest.js';
import { openFileSource } from '../ingest/sources/open-source.js';
import { loadProductChunks } from '../store/chunks.js';
import type { Store } from '../store/store.js';
import { inputRecord, tempStore, toJsonl, writeTempFile } from '../test-support/temp-store.js';
import { HashedNgramEmbedder } from './embedder.js';
import { indexReviews } from './index-stage.js';
import { lexiconSentiment } from './sentiment.js';

let store: Store;
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ store, dir, cleanup } = await tempStore());
});
afterEach(async () => cleanup());

const load = async (records: Record<string, unknown>[]) =>
  ingest(store.db, openFileSource(writeTempFile(dir, `${Math.random()}.jsonl`, toJsonl(records))), {
    runId: `run-${Math.random()}`,
    defaultLanguage: 'en',
  });
const index = (embedder = new HashedNgramEmbedder()) =>
  indexReviews(store.db, { embedder, sentiment: lexiconSentiment });

describe('index stage', () => {
  it('chunks reviews into sentence-aligned pieces with sentiment, aspects, embedding and metadata', async () => {
    const long = `${'The sound is clear and the bass is deep, '.repeat(10)}really.`;
    await load([
      inputRecord({
        review_id: 'a',
        review_text: 'The battery life is excellent. Sadly the bluetooth connection keeps dropping.',
        helpful_votes: 7,
      }),
      inputRecord({ review_id: 'b', review_text: long }),
    ]);
    expect(await index()).toEqual({
      reviews_indexed: 2,
      chunks_written: expect.any(Number),
      chunks_rescored: 0,
      sentiment_model: 'lexicon-v1',
    });
    const chunks = await loadProductChunks(store.db, 'p1');
    const ofA = chunks.filter((c) => c.reviewId === 'a');
    expect(ofA.map((c) => c.text)).toEqual([
      'The battery life is excellent.',
      'Sadly the bluetooth connection keeps dropping.',
    ]);
    expect(ofA[0]).toMatchObject({
      polarity: 'positive',
      helpfulVotes: 7,
      verifiedPurchase: true,
      language: 'en',
      starRating: 5,
    });
    expect(ofA[0]!.aspects).toContain('battery');
    expect(ofA[1]!.aspects).toContain('connectivity');
    expect(ofA[0]!.embedding.length).toBe(new HashedNgramEmbedder().dimension);
    expect(chunks.every((c) => c.text.length <= MAX_CHUNK_CHARS && CHUNK_ID_PATTERN.test(c.chunkId))).toBe(true);
    expect(chunks.filter((c) => c.reviewId === 'b').length).toBeGreaterThan(1);
  });

  it('re-indexes only reviews whose content changed, keeping chunk ids stable', async () => {
    await load([inputRecord({ review_id: 'a' }), inputRecord({ review_id: 'b' })]);
    await index();
    const before = (await loadProductChunks(store.db, 'p1')).map((c) => c.chunkId);
    expect(await index()).toMatchObject({ reviews_indexed: 0, chunks_written: 0, chunks_rescored: 0 });
    await load([inputRecord({ review_id: 'b', review_text: 'Now it is broken. Terrible.' })]);
    expect(await index()).toMatchObject({ reviews_indexed: 1 });
    const after = await loadProductChunks(store.db, 'p1');
    expect(after.filter((c) => c.reviewId === 'a').map((c) => c.chunkId)).toEqual(
      before.filter((id) => after.find((c) => c.chunkId === id)?.reviewId === 'a'),
    );
    expect(after.filter((c) => c.reviewId === 'b').map((c) => c.text)).toEqual(['Now it is broken.', 'Terrible.']);
  });

  it('re-indexes everything when the embedder changes, so vectors of two embedders never mix', async () => {
    await load([inputRecord({ review_id: 'a' }), inputRecord({ review_id: 'b' })]);
    await index();
    const other = new HashedNgramEmbedder({ dimension: 64 });
    expect(await index(other)).toMatchObject({ reviews_indexed: 2 });
    const ids = await store.db.selectFrom('chunks').select('embedder_id').distinct().execute();
    expect(ids).toEqual([{ embedder_id: other.id }]);
  });
});
