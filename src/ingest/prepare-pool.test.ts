import { existsSync, readFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeSample } from '../sample/write-sample.js';
import type { Store } from '../store/store.js';
import { inputRecord, tempStore, toJsonl } from '../test-support/temp-store.js';
import { type IngestCounts, ingest } from './ingest.js';
import { jsonlSource } from './sources/jsonl-source.js';

/**
 * The worker path must give exactly what the in-thread path gives. vitest runs the TypeScript sources, and a
 * worker thread cannot, so the worker is the compiled one (`npm test` builds first: pretest).
 */
const compiledWorker = new URL('../../dist/ingest/prepare-worker.js', import.meta.url);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

let input: string;
beforeAll(async () => {
  const { dir, cleanup } = await tempStore();
  cleanups.push(cleanup);
  input = join(dir, 'reviews.jsonl');
  await writeSample({ products: 30, seed: 11, out: input });
  // Records the generator does not produce: every reject reason reachable from JSONL, in-input duplicate ids,
  // markup, PII, a toxic and a too-short text, a user reposting, and no language given.
  const repost = 'I bought this for my kitchen and it broke after two weeks of normal daily use, avoid it';
  await appendFile(
    input,
    `${[
      '{"not json',
      '[1,2]',
      toJsonl([
        inputRecord({ review_id: 'x-missing', product_id: undefined }),
        inputRecord({ review_id: 'x-rating', star_rating: 9 }),
        inputRecord({ review_id: 'x-date', created_at: '2999-01-01' }),
        inputRecord({ review_id: 'x-empty', review_text: '<p> <br> </p>' }),
        inputRecord({ review_id: 'x-lang', language: 'xx' }),
        inputRecord({ review_id: 'x-dup' }),
        inputRecord({ review_id: 'x-dup', review_text: 'the same id again' }),
        inputRecord({
          review_id: 'x-pii',
          language: undefined,
          review_text:
            '<p>Schreiben Sie mir: max.muster@example.de</p><p>Tel. 030 12345678, IBAN DE89370400440532013000</p>',
        }),
        inputRecord({ review_id: 'x-toxic', review_text: 'what a shit product, total crap' }),
        inputRecord({ review_id: 'x-short', review_text: 'ok' }),
        inputRecord({ review_id: 'x-repost-1', user_id: 'u-9', product_id: 'p-a', review_text: repost }),
        inputRecord({ review_id: 'x-repost-2', user_id: 'u-9', product_id: 'p-b', review_text: repost }),
      ]).trimEnd(),
    ].join('\n')}\n`,
  );
});

interface Outcome {
  counts: Omit<IngestCounts, 'snapshot_id'>;
  reviews: unknown[];
  rejects: unknown[];
  flags: unknown[];
  signatures: unknown[];
  snapshot: { content_hash: string; rows: number; counts: unknown };
}

async function runIngest(workers: number): Promise<Outcome> {
  const { store, dir, cleanup } = await tempStore();
  cleanups.push(cleanup);
  const { snapshot_id, ...counts } = await ingest(store.db, jsonlSource(input), {
    runId: 'run-equivalence',
    defaultLanguage: 'en',
    // Small batches and the worker's chunks do not line up: order must survive every boundary.
    batchSize: 170,
    snapshotsDir: join(dir, 'snapshots'),
    prepareWorkers: workers,
    prepareWorkerScript: workers > 0 ? compiledWorker : undefined,
  });
  return { counts, ...(await readBack(store, join(dir, 'snapshots', snapshot_id!))) };
}

async function readBack(store: Store, snapshotDir: string): Promise<Omit<Outcome, 'counts'>> {
  const reviews = await store.db.selectFrom('reviews').selectAll().orderBy('review_id').execute();
  const rejects = await store.db
    .selectFrom('rejects')
    .select(['position', 'reason', 'detail', 'raw'])
    .orderBy('position')
    .execute();
  const flags = await store.db
    .selectFrom('review_flags')
    .select(['review_id', 'reason', 'detail'])
    .orderBy('review_id')
    .orderBy('reason')
    .execute();
  const signatures = await store.db.selectFrom('text_signatures').selectAll().orderBy('review_id').execute();
  const manifest = JSON.parse(readFileSync(join(snapshotDir, 'manifest.json'), 'utf8'));
  return {
    reviews: reviews.map(({ ingested_at: _time, ...row }) => row),
    rejects,
    flags,
    signatures,
    snapshot: { content_hash: manifest.content_hash, rows: manifest.rows, counts: manifest.counts },
  };
}

describe('prepare worker', () => {
  it('gives the same counts, stored rows, rejects, flags, signatures and snapshot bytes as the main thread', async () => {
    expect(existsSync(compiledWorker), 'run `npm run build` first (npm test does)').toBe(true);
    const sequential = await runIngest(0);
    const parallel = await runIngest(1);

    // The input exercises what it claims to.
    expect(sequential.counts.reviews_read).toBeGreaterThan(1000);
    expect(Object.keys(sequential.counts.rejects_by_reason).sort()).toEqual(
      [
        'bad_date',
        'bad_rating',
        'duplicate_id',
        'empty_text',
        'invalid_field',
        'malformed_record',
        'missing_field',
      ].sort(),
    );
    expect(sequential.counts.flags_by_reason).toMatchObject({
      too_short: expect.any(Number),
      toxic: expect.any(Number),
      user_repost: expect.any(Number),
      duplicate: expect.any(Number),
    });
    expect(JSON.stringify(sequential.reviews)).toContain('[EMAIL]');

    expect(parallel.counts).toEqual(sequential.counts);
    expect(parallel.rejects).toEqual(sequential.rejects);
    expect(parallel.flags).toEqual(sequential.flags);
    expect(parallel.signatures).toEqual(sequential.signatures);
    expect(parallel.reviews).toEqual(sequential.reviews);
    expect(parallel.snapshot).toEqual(sequential.snapshot);
  });

  it('fails the run (instead of hanging) when the worker cannot start', async () => {
    const { store, cleanup } = await tempStore();
    cleanups.push(cleanup);
    await expect(
      ingest(store.db, jsonlSource(input), {
        runId: 'run-broken-worker',
        defaultLanguage: 'en',
        prepareWorkers: 1,
        prepareWorkerScript: new URL('./no-such-worker.js', compiledWorker),
      }),
    ).rejects.toThrow();
  });
});
