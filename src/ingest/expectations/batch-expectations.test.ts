import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { defaultComponents } from '../../pipeline/components.js';
import { runPipeline } from '../../pipeline/run-pipeline.js';
import type { Store } from '../../store/store.js';
import { inputRecord, tempStore, toJsonl, writeTempFile } from '../../test-support/temp-store.js';
import { ingest } from '../ingest.js';
import { openFileSource } from '../sources/open-source.js';
import { BatchExpectations, BatchExpectationsError } from './batch-expectations.js';

const good = (i: number, overrides: Record<string, unknown> = {}) =>
  inputRecord({
    review_id: `r${i}`,
    product_id: `p${i % 3}`,
    user_id: `u${i}`,
    review_text: `The battery lasts long and the sound is clear, unit ${i}.`,
    ...overrides,
  });

describe('BatchExpectations', () => {
  it('reports each expectation with counts, Great Expectations style', () => {
    const expectations = new BatchExpectations({ mostly: 0.9, maxRejectShare: 0.2 });
    for (let i = 0; i < 20; i++) expectations.observeRecord(good(i, i < 3 ? { star_rating: 9 } : {}));
    const suite = expectations.evaluate({
      reviews_read: 20,
      reviews_rejected: 3,
      rejects_by_reason: { bad_rating: 3 },
    });
    const between = suite.results.find((r) => r.expectation_type === 'expect_column_values_to_be_between');
    expect(between).toEqual({
      expectation_type: 'expect_column_values_to_be_between',
      kwargs: { column: 'star_rating', min_value: 1, max_value: 5, mostly: 0.9 },
      success: false,
      result: { element_count: 20, unexpected_count: 3, unexpected_percent: 15 },
    });
    expect(suite.success).toBe(false);
    expect(suite.statistics).toEqual({ evaluated: 6, successful: 5, unsuccessful: 1 });
  });

  it('passes a clean batch and checks stored languages against the configured set', () => {
    const expectations = new BatchExpectations({ languages: ['de', 'fr'] });
    for (let i = 0; i < 10; i++) expectations.observeRecord(good(i));
    expectations.observeAccepted([{ language: 'de' }, { language: 'en' }] as never);
    const suite = expectations.evaluate({ reviews_read: 10, reviews_rejected: 0, rejects_by_reason: {} });
    expect(suite.results.filter((r) => !r.success).map((r) => r.expectation_type)).toEqual([
      'expect_column_values_to_be_in_set',
    ]);
  });
});

describe('a batch that fails its expectations', () => {
  let store: Store;
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, dir, cleanup } = await tempStore());
  });
  afterEach(async () => cleanup());

  // 40 good records, 20 without an id: the export lost a column for a third of the rows.
  const broken = [
    ...Array.from({ length: 40 }, (_, i) => good(i)),
    ...Array.from({ length: 20 }, (_, i) => good(100 + i, { review_id: '' })),
  ];

  it('stops with the reasons, records them in the manifest and keeps its reviews out of the index', async () => {
    const path = writeTempFile(dir, 'broken.jsonl', toJsonl(broken));
    const snapshots = join(dir, 'snapshots');
    const failure = await ingest(store.db, openFileSource(path), {
      runId: 'ingest-broken',
      defaultLanguage: 'en',
      snapshotsDir: snapshots,
      expectations: { enforce: true },
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BatchExpectationsError);
    expect((failure as Error).message).toContain(
      'expect_column_values_to_not_be_null(review_id): 20 of 60 (33.33%) > 5.0% allowed',
    );
    expect((failure as Error).message).toContain('expect_table_reject_share_to_be_below: 20 of 60');

    const [snapshotDir] = readdirSync(snapshots);
    const manifest = JSON.parse(readFileSync(join(snapshots, snapshotDir!, 'manifest.json'), 'utf8'));
    expect(manifest.expectations).toMatchObject({ success: false, enforced: true, statistics: { unsuccessful: 2 } });

    const reviews = await store.db.selectFrom('reviews').select(['flags', 'content_hash']).execute();
    expect(reviews).toHaveLength(40);
    expect(reviews.every((r) => r.flags.split(',').includes('batch_failed'))).toBe(true);
    expect(
      await store.db.selectFrom('review_flags').select('id').where('reason', '=', 'batch_failed').execute(),
    ).toHaveLength(40);

    // The corrected batch releases them.
    const fixed = writeTempFile(dir, 'fixed.jsonl', toJsonl(broken.slice(0, 40)));
    const counts = await ingest(store.db, openFileSource(fixed), {
      runId: 'ingest-fixed',
      defaultLanguage: 'en',
      expectations: { enforce: true },
    });
    expect(counts).toMatchObject({ reviews_updated: 40, expectations: { success: true, failed: [] } });
    const released = await store.db
      .selectFrom('reviews')
      .select('flags')
      .where('flags', 'like', '%batch_failed%')
      .execute();
    expect(released).toHaveLength(0);
  });

  it('is only recorded, not enforced, unless asked (the HTTP API answers per record)', async () => {
    const path = writeTempFile(dir, 'broken.jsonl', toJsonl(broken));
    const counts = await ingest(store.db, openFileSource(path), { runId: 'ingest-lenient', defaultLanguage: 'en' });
    expect(counts.expectations).toEqual({
      success: false,
      failed: ['expect_column_values_to_not_be_null', 'expect_table_reject_share_to_be_below'],
    });
    expect(counts.reviews_accepted).toBe(40);
  });

  it('stops the pipeline before index and summarize', async () => {
    const path = writeTempFile(dir, 'broken.jsonl', toJsonl(broken));
    await expect(
      runPipeline(store, openFileSource(path), loadConfig({ minReviews: '1' }, {}), defaultComponents()),
    ).rejects.toThrow(BatchExpectationsError);
    expect(await store.db.selectFrom('chunks').select('review_id').execute()).toHaveLength(0);
    expect(await store.db.selectFrom('summaries').select('product_id').execute()).toHaveLength(0);
    const run = await store.db
      .selectFrom('runs')
      .select(['status', 'error'])
      .where('kind', '=', 'pipeline')
      .executeTakeFirstOrThrow();
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/batch expectations failed/);
    expect(existsSync(path)).toBe(true);
  });
});
