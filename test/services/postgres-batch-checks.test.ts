import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchExpectationsError } from '../../src/ingest/expectations/batch-expectations.js';
import { ingest } from '../../src/ingest/ingest.js';
import { openFileSource } from '../../src/ingest/sources/open-source.js';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import type { Store } from '../../src/store/store.js';
import { freshPostgresDatabase } from '../../src/test-support/services.js';
import { inputRecord, tempStore, toJsonl, writeTempFile } from '../../src/test-support/temp-store.js';

// The batch-level checks write with hand-written SQL (INSERT … SELECT, CASE, ||): the same on PostgreSQL.
let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
let postgres: Store;
let temp: Awaited<ReturnType<typeof tempStore>>;

beforeAll(async () => {
  database = await freshPostgresDatabase();
  postgres = await openPostgresStore(database.url);
  temp = await tempStore();
});

afterAll(async () => {
  await postgres?.close();
  await database?.drop();
  await temp?.cleanup();
});

const T0 = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const record = (i: number, overrides: Record<string, unknown> = {}) =>
  inputRecord({
    review_id: `r${i}`,
    product_id: 'p1',
    user_id: `u${i}`,
    review_text: `Clear sound and a solid case, unit number ${i}.`,
    created_at: new Date(T0 + i * 2 * DAY).toISOString(),
    ...overrides,
  });

describe('batch checks on PostgreSQL', () => {
  it('flags review bombing and quarantines a failed batch', async () => {
    const history = Array.from({ length: 30 }, (_, i) => record(i, { star_rating: i % 10 === 0 ? 2 : 5 }));
    const burst = Array.from({ length: 12 }, (_, i) =>
      record(100 + i, { star_rating: 1, created_at: new Date(T0 + 70 * DAY + i * 3_600_000).toISOString() }),
    );
    const counts = await ingest(
      postgres.db,
      openFileSource(writeTempFile(temp.dir, 'ok.jsonl', toJsonl([...history, ...burst]))),
      { runId: 'pg-ok', defaultLanguage: 'en', expectations: { enforce: true } },
    );
    expect(counts.flags_by_reason.review_bombing).toBe(12);
    const bombed = await postgres.db
      .selectFrom('reviews')
      .select('review_id')
      .where('flags', '=', 'review_bombing')
      .execute();
    expect(bombed).toHaveLength(12);

    const broken = Array.from({ length: 10 }, (_, i) =>
      record(200 + i, { star_rating: i < 4 ? 0 : 4, created_at: new Date(T0 + i * DAY).toISOString() }),
    );
    await expect(
      ingest(postgres.db, openFileSource(writeTempFile(temp.dir, 'broken.jsonl', toJsonl(broken))), {
        runId: 'pg-broken',
        defaultLanguage: 'en',
        expectations: { enforce: true },
      }),
    ).rejects.toThrow(BatchExpectationsError);
    const quarantined = await postgres.db
      .selectFrom('review_flags')
      .select(['review_id', 'detail'])
      .where('reason', '=', 'batch_failed')
      .execute();
    expect(quarantined).toHaveLength(6);
    expect(quarantined[0]!.detail).toContain('expect_column_values_to_be_between(star_rating): 4 of 10');
    const stored = await postgres.db
      .selectFrom('reviews')
      .select(['flags', 'content_hash'])
      .where('review_id', '=', 'r205')
      .executeTakeFirstOrThrow();
    expect(stored.flags).toBe('batch_failed');
    expect(stored.content_hash).toMatch(/^quarantined:/);
  });
});
