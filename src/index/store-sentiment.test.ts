import { describe, expect, it } from 'vitest';
import { ingest } from '../ingest/ingest.js';
import { productionComponents } from '../pipeline/components-for-version.js';
import { memorySource } from '../serve/routes/reviews.js';
import { loadProductChunks } from '../store/chunks.js';
import { activePolarityModelInfo, deactivatePolarityModels } from '../store/polarity-models.js';
import { startRun } from '../store/runs.js';
import { inputRecord } from '../test-support/temp-store.js';
import { useTempStore } from '../test-support/use-temp-store.js';
import { weakLabelledRecords } from '../test-support/weak-labelled.js';
import { HashedNgramEmbedder } from './embedder.js';
import { indexReviews } from './index-stage.js';
import { lexiconSentiment } from './sentiment.js';
import { storeSentiment } from './store-sentiment.js';
import { MIN_LABELLED_PER_LANGUAGE, trainAndActivatePolarity } from './train-polarity.js';

const temp = useTempStore();

// A 3-star review (no weak label, no star fallback) whose only polarity cue is the invented word: the lexicon
// leaves it neutral, a model trained on the store's star ratings calls it positive.
const probe = inputRecord({
  review_id: 'probe',
  product_id: 'probe-product',
  star_rating: 3,
  review_text: 'The toaster is really blorf.',
});

async function load(records: Record<string, unknown>[]): Promise<void> {
  await ingest(temp.store.db, memorySource('test', records), {
    runId: await startRun(temp.store.db, 'ingest'),
    defaultLanguage: 'en',
  });
}

const index = async () =>
  indexReviews(temp.store.db, { embedder: new HashedNgramEmbedder(), sentiment: await storeSentiment(temp.store.db) });

const probeChunk = async () => (await loadProductChunks(temp.store.db, 'probe-product'))[0]!;

const revision = async () =>
  (
    await temp.store.db
      .selectFrom('products')
      .select('revision')
      .where('product_id', '=', 'probe-product')
      .executeTakeFirst()
  )?.revision;

describe('the index stage with the store-trained polarity model', () => {
  it('scores chunks with the active trained model and records its id; the lexicon alone cannot', async () => {
    await load([...weakLabelledRecords(160), probe]);
    expect(lexiconSentiment.score('The toaster is really blorf.', 'en')).toBe(0);
    const trained = await trainAndActivatePolarity(temp.store.db);
    expect(trained.activated).toBe(true);
    expect(trained.languages.en).toMatchObject({ used: true });
    expect(trained.languages.en!.held_out!.trained.accuracy).toBeGreaterThan(0.9);

    const counts = await index();
    expect(counts.sentiment_model).toBe(trained.modelId);
    expect(counts.sentiment_model).toMatch(/^linear-hashed-v2-[0-9a-f]{12}$/);
    expect((await probeChunk()).polarity).toBe('positive');
    const ids = await temp.store.db.selectFrom('chunks').select('sentiment_id').distinct().execute();
    expect(ids.map((r) => r.sentiment_id)).toEqual([trained.modelId]);
    expect((await productionComponents(temp.store.db)).sentiment.id).toBe(trained.modelId);
  });

  it('re-scores existing chunks when a model is activated or retired, and marks their products changed', async () => {
    await load([...weakLabelledRecords(160), probe]);
    await index();
    expect((await probeChunk()).polarity).toBe('neutral');
    const before = await revision();

    const trained = await trainAndActivatePolarity(temp.store.db);
    const counts = await index();
    expect(counts).toMatchObject({ reviews_indexed: 0, sentiment_model: trained.modelId });
    expect(counts.chunks_rescored).toBeGreaterThan(160);
    expect((await probeChunk()).polarity).toBe('positive');
    expect(await revision()).toBe(before! + 1);
    expect(await index()).toMatchObject({ chunks_rescored: 0 });

    await deactivatePolarityModels(temp.store.db);
    expect(await index()).toMatchObject({ sentiment_model: 'lexicon-v1', chunks_rescored: counts.chunks_rescored });
    expect((await probeChunk()).polarity).toBe('neutral');
  });

  it('keeps the lexicon for a language with too few star-labelled reviews', async () => {
    await load([...weakLabelledRecords(MIN_LABELLED_PER_LANGUAGE - 30), probe]);
    const trained = await trainAndActivatePolarity(temp.store.db);
    expect(trained.activated).toBe(false);
    expect(trained.languages.en).toMatchObject({ used: false });
    expect(await activePolarityModelInfo(temp.store.db)).toBeNull();
    expect((await storeSentiment(temp.store.db)).id).toBe('lexicon-v1');
    await index();
    expect((await probeChunk()).polarity).toBe('neutral');
  });
});
