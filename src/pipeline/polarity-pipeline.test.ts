import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { polarityForBatch } from '../index/polarity-retrain.js';
import { openFileSource } from '../ingest/sources/open-source.js';
import { loadProductChunks } from '../store/chunks.js';
import { activePolarityModelInfo } from '../store/polarity-models.js';
import type { Store } from '../store/store.js';
import { inputRecord, tempStore, toJsonl, writeTempFile } from '../test-support/temp-store.js';
import { weakLabelledRecords } from '../test-support/weak-labelled.js';
import { productionComponents } from './components-for-version.js';
import { runPipeline } from './run-pipeline.js';

let store: Store;
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ store, dir, cleanup } = await tempStore());
});
afterEach(async () => cleanup());

const config = loadConfig({ minReviews: '5' }, {});
const probe = inputRecord({
  review_id: 'probe',
  product_id: 'probe-product',
  star_rating: 3,
  review_text: 'The toaster is really blorf.',
});

describe('pipeline with the demo hook (train polarity after ingest)', () => {
  it('indexes with the polarity model trained on the just-ingested reviews, once', async () => {
    const path = writeTempFile(dir, 'reviews.jsonl', toJsonl([...weakLabelledRecords(160), probe]));
    const hooks = { afterIngest: () => polarityForBatch(store.db, config.polarityRetrainGrowth) };
    const first = await runPipeline(store, openFileSource(path), config, await productionComponents(store.db), hooks);
    const active = await activePolarityModelInfo(store.db);
    expect(active).not.toBeNull();
    expect(first.sentiment_model).toBe(active!.model_id);
    expect(first.products_summarized).toBeGreaterThan(0);
    expect((await loadProductChunks(store.db, 'probe-product'))[0]!.polarity).toBe('positive');

    // A restart reuses the stored model: nothing is retrained, nothing re-scored.
    const again = await runPipeline(store, openFileSource(path), config, await productionComponents(store.db), hooks);
    expect(again).toMatchObject({ sentiment_model: active!.model_id, chunks_rescored: 0, reviews_indexed: 0 });
    expect((await activePolarityModelInfo(store.db))!.created_at).toBe(active!.created_at);
  });
});
