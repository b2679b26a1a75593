import { join } from 'node:path';
import { Bool, Int64, Table, TimestampMillisecond, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import fc from 'fast-check';
import { Compression, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore, writeTempFile } from '../../test-support/temp-store.js';
import { ingest } from '../ingest.js';
import { openFileSource } from './open-source.js';
import { readParquet } from './parquet-source.js';
import type { SourceItem } from './source-item.js';

async function collect(items: AsyncIterable<SourceItem>): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const fromBytes = (bytes: Uint8Array) =>
  readParquet(async () => ({
    byteLength: bytes.length,
    slice: (start: number, end?: number) => bytes.slice(start, end).buffer as ArrayBuffer,
  }));

/** A Parquet file of `rows` reviews, ZSTD, in row groups of `rowGroupSize` rows. */
function reviewsParquet(rows: number, rowGroupSize: number): Uint8Array {
  const ids = Array.from({ length: rows }, (_, i) => `r${i}`);
  const table = new Table({
    review_id: vectorFromArray(ids, new Utf8()),
    product_id: vectorFromArray(
      ids.map((_, i) => `p${i % 3}`),
      new Utf8(),
    ),
    star_rating: vectorFromArray(
      ids.map((_, i) => BigInt((i % 5) + 1)),
      new Int64(),
    ),
    review_text: vectorFromArray(
      ids.map((_, i) => `Die Größe passt, der Akku hält ${i} Stunden und der Klang ist gut.`),
      new Utf8(),
    ),
    created_at: vectorFromArray(
      ids.map((_, i) => Date.UTC(2026, 2, 1, 10) + i * 60_000),
      new TimestampMillisecond(),
    ),
    verified_purchase: vectorFromArray(
      ids.map((_, i) => i % 2 === 0),
      new Bool(),
    ),
    title: vectorFromArray(
      ids.map((_, i) => (i % 2 === 0 ? null : 'Gut')),
      new Utf8(),
    ),
  });
  const properties = new WriterPropertiesBuilder()
    .setCompression(Compression.ZSTD)
    .setMaxRowGroupSize(rowGroupSize)
    .build();
  return writeParquet(WasmTable.fromIPCStream(tableToIPC(table, 'stream')), properties);
}

let valid: Uint8Array;
beforeAll(() => {
  valid = reviewsParquet(5000, 1500);
});

describe('Parquet source', () => {
  it('reads every row of every row group, with contract-ready values', async () => {
    const items = await collect(fromBytes(valid));
    expect(items).toHaveLength(5000);
    expect(items.every((item) => item.kind === 'record')).toBe(true);
    expect(items.map((item) => item.position)).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
    expect(items[1]).toMatchObject({
      kind: 'record',
      fields: {
        review_id: 'r1',
        product_id: 'p1',
        star_rating: 2,
        created_at: '2026-03-01T10:01:00.000Z',
        verified_purchase: false,
        title: 'Gut',
      },
    });
    // A null cell is an absent field, as in JSONL.
    expect(items[0]?.kind === 'record' && 'title' in items[0].fields).toBe(false);
  });

  it('turns a file that is not Parquet into one malformed_record reject with the reason', async () => {
    const items = await collect(fromBytes(new TextEncoder().encode('review_id,review_text\nr1,hello\n')));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'reject', position: 1, rejection: { reason: 'malformed_record' } });
    expect(items[0]?.kind === 'reject' && items[0].rejection.detail).toMatch(/^not a readable Parquet file: \S/);
    const truncated = await collect(fromBytes(valid.slice(0, valid.length - 10)));
    expect(truncated).toMatchObject([{ kind: 'reject', rejection: { reason: 'malformed_record' } }]);
  });

  it('never throws on damaged files: rows, then at most one reject that says why', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          // truncated anywhere
          fc.nat({ max: valid.length - 1 }).map((cut) => valid.slice(0, cut)),
          // bytes overwritten anywhere (footer, page headers, compressed pages)
          fc
            .tuple(fc.nat({ max: valid.length - 1 }), fc.uint8Array({ minLength: 1, maxLength: 64 }))
            .map(([at, noise]) => {
              const copy = valid.slice();
              copy.set(noise.slice(0, copy.length - at), at);
              return copy;
            }),
          // arbitrary bytes, with and without the magic number
          fc.uint8Array({ maxLength: 512 }),
          fc
            .uint8Array({ maxLength: 512 })
            .map((middle) => new Uint8Array([...Buffer.from('PAR1'), ...middle, ...Buffer.from('PAR1')])),
        ),
        async (bytes) => {
          const items = await collect(fromBytes(bytes));
          const rejects = items.filter((item) => item.kind === 'reject');
          expect(rejects.length).toBeLessThanOrEqual(1);
          if (rejects.length === 1) {
            expect(items.at(-1)).toBe(rejects[0]);
            expect(rejects[0]).toMatchObject({ rejection: { reason: 'malformed_record' } });
            expect(rejects[0]?.kind === 'reject' && rejects[0].rejection.detail.length).toBeGreaterThan(25);
          }
          expect(items.length).toBeLessThanOrEqual(5000 + 1);
        },
      ),
      { numRuns: 150 },
    );
    // The reader still works after all that (a WASM panic must not poison later reads).
    expect(await collect(fromBytes(valid))).toHaveLength(5000);
  });
});

describe('Parquet ingest', () => {
  let temp: Awaited<ReturnType<typeof tempStore>>;
  beforeAll(async () => {
    temp = await tempStore();
  });
  afterAll(async () => temp?.cleanup());

  it('is picked by the .parquet extension and streams into the store', async () => {
    await expect(collect(openFileSource(join(temp.dir, 'missing.parquet')).items())).rejects.toThrow(/ENOENT/);
    const path = writeTempFile(temp.dir, 'reviews.parquet', Buffer.from(reviewsParquet(1200, 500)));
    const counts = await ingest(temp.store.db, openFileSource(path), {
      runId: 'ingest-parquet',
      defaultLanguage: 'en',
    });
    expect(counts).toMatchObject({ reviews_read: 1200, reviews_accepted: 1200, reviews_rejected: 0 });
    const row = await temp.store.db
      .selectFrom('reviews')
      .select(['star_rating', 'language', 'created_at'])
      .where('review_id', '=', 'r7')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ star_rating: 3, language: 'de', created_at: '2026-03-01T10:07:00.000Z' });
  });
});
