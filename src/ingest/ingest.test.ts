import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/store.js';
import { inputRecord, tempStore, toJsonl, writeTempFile } from '../test-support/temp-store.js';
import { EmptyInputError, ingest } from './ingest.js';
import { openFileSource } from './sources/open-source.js';

let store: Store;
let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ store, dir, cleanup } = await tempStore());
});
afterEach(async () => cleanup());

const run = (path: string, runId = `run-${Math.random()}`, batchSize = 1000) =>
  ingest(store.db, openFileSource(path), { runId, defaultLanguage: 'en', batchSize });

describe('ingest stage', () => {
  it('stores valid reviews cleaned and redacted, and dead-letters each contract violation with its reason', async () => {
    const records = [
      inputRecord({ review_id: 'ok1', review_text: '<p>Great sound.</p><p>Write me at jane.doe@example.com</p>' }),
      inputRecord({ review_id: 'missing', product_id: undefined }),
      inputRecord({ review_id: 'rating', star_rating: 7 }),
      inputRecord({ review_id: 'date', created_at: '31/12/2025' }),
      inputRecord({ review_id: 'ok1', review_text: 'a second record with the same id' }),
      inputRecord({ review_id: 'empty', review_text: '<p> </p>' }),
      inputRecord({
        review_id: 'ok2',
        language: undefined,
        review_text: 'Der Akku hält sehr lange und der Klang ist super.',
      }),
    ];
    const path = writeTempFile(dir, 'in.jsonl', toJsonl(records));
    const counts = await run(path);
    expect(counts.reviews_read).toBe(7);
    expect(counts.reviews_accepted).toBe(2);
    expect(counts.reviews_rejected).toBe(5);
    expect(counts.rejects_by_reason).toEqual({
      missing_field: 1,
      bad_rating: 1,
      bad_date: 1,
      duplicate_id: 1,
      empty_text: 1,
    });

    const stored = await store.db.selectFrom('reviews').selectAll().orderBy('review_id').execute();
    expect(stored.map((r) => r.review_id)).toEqual(['ok1', 'ok2']);
    expect(stored[0]!.review_text).toBe('Great sound. Write me at [EMAIL]');
    expect(stored[1]!.language).toBe('de');
    expect(stored[1]!.language_source).toBe('detected');

    const rejects = await store.db.selectFrom('rejects').selectAll().orderBy('position').execute();
    expect(rejects.map((r) => [r.position, r.reason])).toEqual([
      [2, 'missing_field'],
      [3, 'bad_rating'],
      [4, 'bad_date'],
      [5, 'duplicate_id'],
      [6, 'empty_text'],
    ]);
    expect(JSON.parse(rejects[2]!.raw)).toMatchObject({ review_id: 'date' });
  });

  it('detects duplicate ids across batches of one run, but not across runs', async () => {
    const records = [inputRecord({ review_id: 'a' }), inputRecord({ review_id: 'b' }), inputRecord({ review_id: 'a' })];
    const path = writeTempFile(dir, 'dups.jsonl', toJsonl(records));
    const first = await run(path, 'run-1', 1);
    expect(first).toMatchObject({
      reviews_read: 3,
      reviews_accepted: 2,
      reviews_rejected: 1,
      rejects_by_reason: { duplicate_id: 1 },
    });
    const second = await run(path, 'run-2', 1);
    expect(second).toMatchObject({
      reviews_accepted: 2,
      reviews_unchanged: 2,
      reviews_inserted: 0,
      products_changed: 0,
    });
  });

  it('is idempotent: re-ingesting the same file changes no review and bumps no product revision', async () => {
    const path = writeTempFile(
      dir,
      'in.jsonl',
      toJsonl([inputRecord({ review_id: 'a' }), inputRecord({ review_id: 'b', product_id: 'p2' })]),
    );
    await run(path);
    const before = await store.db.selectFrom('products').selectAll().orderBy('product_id').execute();
    const again = await run(path);
    expect(again).toMatchObject({ reviews_inserted: 0, reviews_updated: 0, reviews_unchanged: 2, products_changed: 0 });
    const after = await store.db.selectFrom('products').selectAll().orderBy('product_id').execute();
    expect(after.map((p) => p.revision)).toEqual(before.map((p) => p.revision));

    const edited = writeTempFile(
      dir,
      'edit.jsonl',
      toJsonl([inputRecord({ review_id: 'a', review_text: 'Changed my mind: the sound is poor.' })]),
    );
    expect(await run(edited)).toMatchObject({ reviews_updated: 1, products_changed: 1 });
    const revisions = await store.db
      .selectFrom('products')
      .select(['product_id', 'revision'])
      .orderBy('product_id')
      .execute();
    expect(revisions).toEqual([
      { product_id: 'p1', revision: 2 },
      { product_id: 'p2', revision: 1 },
    ]);
  });

  it('rejects invalid UTF-8 lines and keeps read = accepted + rejected', async () => {
    const content = Buffer.concat([
      Buffer.from(`${JSON.stringify(inputRecord({ review_id: 'good' }))}\n{"review_id":"bad","review_text":"`),
      Buffer.from([0xe2, 0x28, 0xa1]),
      Buffer.from('"}\n'),
    ]);
    const counts = await run(writeTempFile(dir, 'utf.jsonl', content));
    expect(counts).toMatchObject({
      reviews_read: 2,
      reviews_accepted: 1,
      reviews_rejected: 1,
      rejects_by_reason: { invalid_utf8: 1 },
    });
  });

  it('fails clearly on an empty file', async () => {
    await expect(run(writeTempFile(dir, 'empty.jsonl', ''))).rejects.toBeInstanceOf(EmptyInputError);
    await expect(run(writeTempFile(dir, 'empty.csv', ''))).rejects.toThrow(/holds no records/);
  });

  it('reads CSV with the same contract', async () => {
    const csv = [
      'review_id,product_id,star_rating,review_text,created_at,verified_purchase,shop',
      'c1,p1,5,"Great headphones, comfortable\nfor hours",2026-01-02T03:04:05Z,yes,de',
      'c2,p1,9,"bad rating",2026-01-02,no,de',
    ].join('\n');
    const counts = await run(writeTempFile(dir, 'in.csv', csv));
    expect(counts).toMatchObject({ reviews_read: 2, reviews_accepted: 1, rejects_by_reason: { bad_rating: 1 } });
    const row = await store.db.selectFrom('reviews').selectAll().executeTakeFirstOrThrow();
    expect(row.review_text).toBe('Great headphones, comfortable for hours');
    expect(JSON.parse(row.metadata)).toEqual({ shop: 'de' });
    expect(row.verified_purchase).toBe(1);
  });
  it('names a product from the last review that gives a name or category, whatever the batch size', async () => {
    const records = [
      inputRecord({ review_id: 'n1', product_name: 'Old name', category: 'audio' }),
      inputRecord({ review_id: 'n2', product_name: 'New name', category: undefined }),
      inputRecord({ review_id: 'n3', product_name: undefined, category: undefined }),
    ];
    const path = writeTempFile(dir, 'names.jsonl', toJsonl(records));
    for (const batchSize of [1, 2, 1000]) {
      await store.db.deleteFrom('reviews').execute();
      await store.db.deleteFrom('products').execute();
      await run(path, `run-names-${batchSize}`, batchSize);
      const product = await store.db.selectFrom('products').selectAll().executeTakeFirstOrThrow();
      expect([batchSize, product.product_name, product.category]).toEqual([batchSize, 'New name', 'audio']);
    }
  });
});
