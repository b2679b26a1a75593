import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { openFileSource } from '../ingest/sources/open-source.js';
import { defaultComponents } from '../pipeline/components.js';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { generateSample } from '../sample/index.js';
import type { Store } from '../store/store.js';
import { summarizeProducts } from '../summarize/summarize-stage.js';
import { tempStore, toJsonl, writeTempFile } from '../test-support/temp-store.js';
import { eraseSubject } from './erase.js';

let store: Store;
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ store, dir, cleanup } = await tempStore());
});
afterEach(async () => cleanup());

const MARKER = 'Zebrafinch';

/** Every text value in every table, to prove the subject's text is gone everywhere. */
async function everyStoredText(): Promise<string> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(store.db);
  const parts: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(store.db);
    for (const row of rows.rows)
      parts.push(
        `${name}: ${JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) || (v && v.type === 'Buffer') ? undefined : v))}`,
      );
  }
  return parts.join('\n');
}

describe('erasure', () => {
  it('removes a user’s reviews, chunks and dead-lettered records everywhere and re-summarizes affected products', async () => {
    const records = [...generateSample({ products: 3, seed: 9 })].map(
      (i) => i.record as unknown as Record<string, unknown>,
    );
    const products = [...new Set(records.map((r) => r.product_id as string))];
    const subjectReviews = products.slice(0, 2).map((productId, i) => ({
      ...records[0]!,
      review_id: `subject-${i}`,
      product_id: productId,
      user_id: 'user_to_erase%1',
      star_rating: 5,
      review_text: `${MARKER} says the battery life is excellent and the sound is great.`,
    }));
    const rejected = { ...subjectReviews[0]!, review_id: 'subject-bad', star_rating: 9 };
    const path = writeTempFile(dir, 'in.jsonl', toJsonl([...records, ...subjectReviews, rejected]));
    const config = loadConfig({ minReviews: '3' }, {});
    await runPipeline(store, openFileSource(path), config, defaultComponents());
    expect(await everyStoredText()).toContain(MARKER);

    const result = await eraseSubject(store.db, { kind: 'user', userId: 'user_to_erase%1' });
    expect(result).toMatchObject({ reviews_erased: 2, rejects_erased: 1, products_affected: products.slice(0, 2) });
    expect(result.chunks_erased).toBeGreaterThan(0);
    expect(result.summaries_withdrawn).toBe(2);

    const components = defaultComponents();
    const again = await summarizeProducts(store.db, {
      runId: 'erase-run',
      productIds: result.products_affected,
      summarizer: components.summarizer,
      retrieval: components.retrieval,
      minReviews: 3,
      ttlSeconds: 60,
      defaultLanguage: 'en',
    });
    expect(again.products_summarized).toBe(2);

    const everything = await everyStoredText();
    expect(everything).not.toContain(MARKER);
    expect(everything).not.toContain('user_to_erase%1');
    const audit = await store.db.selectFrom('erasure_audit').selectAll().executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ subject_kind: 'user', reviews_erased: 2, rejects_erased: 1 });
    expect(audit.subject_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('erases a single review by id and leaves the user’s other reviews', async () => {
    const records = [...generateSample({ products: 1, seed: 2 })].map(
      (i) => i.record as unknown as Record<string, unknown>,
    );
    await runPipeline(
      store,
      openFileSource(writeTempFile(dir, 'one.jsonl', toJsonl(records))),
      loadConfig({}, {}),
      defaultComponents(),
    );
    const target = records[0]!.review_id as string;
    const result = await eraseSubject(store.db, { kind: 'review', reviewId: target });
    expect(result.reviews_erased).toBe(1);
    const left = await store.db.selectFrom('reviews').select('review_id').execute();
    expect(left.length).toBe(records.length - 1);
    expect(left.some((r) => r.review_id === target)).toBe(false);
  });
});
