import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { openFileSource } from '../ingest/sources/open-source.js';
import { generateSample, type SampleRecord } from '../sample/index.js';
import { claimsOf } from '../serve/sources.js';
import { loadChunksById } from '../store/chunks.js';
import type { Store } from '../store/store.js';
import { allLatestSummaries } from '../store/summaries.js';
import { tempStore, toJsonl, writeTempFile } from '../test-support/temp-store.js';
import { defaultComponents } from './components.js';
import { runPipeline } from './run-pipeline.js';

// The backbone's acceptance test: 200 generated products through ingest → index → summarize.
let store: Store;
let dir: string;
let cleanup: () => Promise<void>;
let records: SampleRecord[];
let inputPath: string;
const config = loadConfig({ minReviews: '5' }, {});

beforeAll(async () => {
  ({ store, dir, cleanup } = await tempStore());
  records = [...generateSample({ products: 200, seed: 11 })].map((item) => item.record);
  inputPath = writeTempFile(dir, 'reviews.jsonl', toJsonl(records as unknown as Record<string, unknown>[]));
});
afterAll(async () => cleanup());

const run = (path = inputPath) => runPipeline(store, openFileSource(path), config, defaultComponents());

describe('pipeline on 200 generated products', () => {
  it('summarizes every product above the minimum, and every citation resolves to a chunk of that product', async () => {
    const result = await run();
    expect(result.reviews_read).toBe(records.length);
    expect(result.reviews_accepted + result.reviews_rejected).toBe(result.reviews_read);

    const perProduct = new Map<string, number>();
    for (const record of records) perProduct.set(record.product_id, (perProduct.get(record.product_id) ?? 0) + 1);
    const eligible = [...perProduct.values()].filter((n) => n >= config.minReviews).length;
    expect(result.products_summarized).toBe(eligible);
    expect(result.products_failed).toBe(0);

    let summaries = 0;
    for await (const summary of allLatestSummaries(store.db)) {
      summaries += 1;
      const claims = claimsOf(summary);
      const cited = [...new Set(claims.flatMap((claim) => claim.citations))];
      const chunks = await loadChunksById(store.db, cited);
      expect(chunks.length).toBe(cited.length);
      expect(chunks.every((chunk) => chunk.productId === summary.product_id)).toBe(true);
      expect(summary.pros.length + summary.cons.length).toBeGreaterThan(0);
      expect(summary.label.length).toBeGreaterThan(10);
    }
    expect(summaries).toBe(eligible);
  });

  it('changes nothing when re-run on the same input', async () => {
    const before = await store.db
      .selectFrom('summaries')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const again = await run();
    expect(again).toMatchObject({ products_summarized: 0, reviews_indexed: 0, chunks_written: 0 });
    const after = await store.db
      .selectFrom('summaries')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('re-summarizes only the product that got new reviews', async () => {
    const target = records[0]!.product_id;
    const added = [1, 2].map((i) => ({
      ...records[0]!,
      review_id: `added-${i}`,
      review_text: 'The battery died after two days. Terrible, I returned it.',
      star_rating: 1,
      created_at: '2026-10-30T12:00:00Z',
    }));
    const result = await run(writeTempFile(dir, 'more.jsonl', toJsonl(added as unknown as Record<string, unknown>[])));
    expect(result).toMatchObject({ reviews_accepted: 2, reviews_indexed: 2, products_summarized: 1 });
    const newest = await store.db
      .selectFrom('summaries')
      .select(['product_id', 'run_id'])
      .where('run_id', '=', result.run_id)
      .execute();
    expect(newest).toEqual([{ product_id: target, run_id: result.run_id }]);
  });

  it('records products below the minimum with a reason instead of summarizing them', async () => {
    // Distinct texts: copies of one text would be flagged as duplicates and not count.
    const few = [1, 2, 3].map((i) => ({
      ...records[0]!,
      review_id: `few-${i}`,
      product_id: 'tiny-product',
      review_text: `Review number ${i} of the tiny product: ${['solid build', 'quiet motor', 'easy to clean'][i - 1]}.`,
    }));
    const result = await run(writeTempFile(dir, 'few.jsonl', toJsonl(few as unknown as Record<string, unknown>[])));
    expect(result).toMatchObject({ products_summarized: 0, skip_reasons: { too_few_reviews: 1 } });
    const skip = await store.db
      .selectFrom('summary_skips')
      .selectAll()
      .where('product_id', '=', 'tiny-product')
      .executeTakeFirstOrThrow();
    expect(skip).toMatchObject({ reason: 'too_few_reviews', review_count: 3 });
    // Recorded skips are not re-evaluated while nothing changes.
    expect(
      await run(writeTempFile(dir, 'few.jsonl', toJsonl(few as unknown as Record<string, unknown>[]))),
    ).toMatchObject({
      products_skipped: 0,
    });
  });
});
