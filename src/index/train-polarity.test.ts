import { afterEach, describe, expect, it } from 'vitest';
import { ingest } from '../ingest/ingest.js';
import { memorySource } from '../serve/routes/reviews.js';
import { startRun } from '../store/runs.js';
import { inputRecord, tempStore } from '../test-support/temp-store.js';
import { linearSentiment, parseLinearSentiment, serializeLinearSentiment } from './linear-sentiment.js';
import { trainPolarityFromStore } from './train-polarity.js';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('polarity training on the store', () => {
  it('learns from star ratings in the store, measures a held-out fifth, and round-trips its artifact', async () => {
    const temp = await tempStore();
    cleanup = temp.cleanup;
    const good = ['blorf quality, arrived on time', 'really blorf, works well', 'a blorf purchase for the kitchen'];
    const bad = ['zorp quality, arrived late', 'really zorp, stopped working', 'a zorp purchase for the kitchen'];
    const records = Array.from({ length: 120 }, (_, i) =>
      inputRecord({
        review_id: `r${i}`,
        product_id: `p${i % 4}`,
        star_rating: i % 2 === 0 ? 5 : 1,
        review_text: `${(i % 2 === 0 ? good : bad)[i % 3]} (order ${i})`,
      }),
    );
    await ingest(temp.store.db, memorySource('test', records), {
      runId: await startRun(temp.store.db, 'ingest'),
      defaultLanguage: 'en',
    });
    const result = await trainPolarityFromStore(temp.store.db);
    expect(result.trainReviews).toBeGreaterThan(60);
    expect(result.languages.en!.held_out!.trained.n).toBeGreaterThan(0);
    expect(result.languages.en!.held_out!.trained.accuracy).toBeGreaterThanOrEqual(0.9);
    const reloaded = linearSentiment(parseLinearSentiment(serializeLinearSentiment(result.model)));
    const original = linearSentiment(result.model);
    for (const text of ['so blorf', 'so zorp', 'neutral words here']) {
      expect(reloaded.score(text, 'en')).toBeCloseTo(original.score(text, 'en'), 4);
    }
  });
});
