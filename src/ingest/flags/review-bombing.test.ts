import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../store/store.js';
import { inputRecord, tempStore, toJsonl, writeTempFile } from '../../test-support/temp-store.js';
import { ingest } from '../ingest.js';
import { openFileSource } from '../sources/open-source.js';
import { findReviewBombing, type RatedReview } from './review-bombing.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 0, 1);
const at = (ms: number, id = `r${ms}`): RatedReview => ({ reviewId: id, createdAt: T0 + ms });
/** n ordinary (high-rated) review times spread evenly over [from, to]. */
const ordinary = (n: number, from: number, to: number) =>
  Array.from({ length: n }, (_, i) => T0 + from + ((to - from) * i) / Math.max(1, n - 1));
const times = (reviews: readonly RatedReview[]) => reviews.map((r) => r.createdAt);

describe('findReviewBombing', () => {
  it('flags a burst of low ratings against a quiet baseline, and only the burst', () => {
    // one low rating every 10 days for 100 days, then 12 within 6 hours
    const quiet = Array.from({ length: 10 }, (_, i) => at(i * 10 * DAY, `quiet${i}`));
    const burst = Array.from({ length: 12 }, (_, i) => at(100 * DAY + i * 30 * 60_000, `burst${i}`));
    const low = [...quiet, ...burst];
    const flagged = findReviewBombing({ low, all: [...times(low), ...ordinary(30, 0, 101 * DAY)] });
    expect([...flagged.keys()].sort()).toEqual(burst.map((r) => r.reviewId).sort());
    expect(flagged.get('burst0')).toMatch(
      /^12 ratings ≤ 2 within 24h from 2026-04-11T00:00:00.000Z; product baseline 0\.10/,
    );
  });

  it('does not flag the same burst size on a product that usually gets that many low ratings', () => {
    // 12 low ratings every day for 60 days: a busy product with a steady share of complaints
    const steady = Array.from({ length: 60 * 12 }, (_, i) => at(i * 2 * HOUR));
    expect(findReviewBombing({ low: steady, all: [...times(steady), ...ordinary(600, 0, 60 * DAY)] }).size).toBe(0);
  });

  it('needs a baseline: a launch day, or reviews that all carry one timestamp, is not bombing', () => {
    const launch = Array.from({ length: 15 }, (_, i) => at(0, `launch${i}`));
    expect(findReviewBombing({ low: launch, all: [...times(launch), ...ordinary(15, 0, 0)] }).size).toBe(0);
    // the same burst after a history of ordinary reviews is
    expect(findReviewBombing({ low: launch, all: [...times(launch), ...ordinary(15, -90 * DAY, -DAY)] }).size).toBe(15);
  });

  it('respects the configured window and thresholds', () => {
    const spread = Array.from({ length: 12 }, (_, i) => at(i * 4 * HOUR)); // 12 in 44 hours
    const history = { all: [...times(spread), ...ordinary(20, -200 * DAY, -DAY)] };
    expect(findReviewBombing({ low: spread, ...history }).size).toBe(0);
    expect(findReviewBombing({ low: spread, ...history }, { bombingWindowHours: 48 }).size).toBe(12);
    expect(
      findReviewBombing({ low: spread, ...history }, { bombingWindowHours: 48, bombingMinLowRatings: 13 }).size,
    ).toBe(0);
  });

  it('never flags fewer than the minimum, and only reviews it was given', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 * DAY }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 72 }),
        fc.integer({ min: 2, max: 15 }),
        (offsets, windowHours, minLow) => {
          const low = offsets.map((t, i) => at(t, `id${i}`));
          const flagged = findReviewBombing(
            { low, all: [...times(low), T0, T0 + 30 * DAY] },
            { bombingWindowHours: windowHours, bombingMinLowRatings: minLow },
          );
          const ids = new Set(low.map((r) => r.reviewId));
          for (const id of flagged.keys()) expect(ids.has(id)).toBe(true);
          if (flagged.size > 0) expect(flagged.size).toBeGreaterThanOrEqual(minLow);
        },
      ),
    );
  });
});

describe('review bombing in the ingest stage', () => {
  let store: Store;
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, dir, cleanup } = await tempStore());
  });
  afterEach(async () => cleanup());

  const iso = (ms: number) => new Date(T0 + ms).toISOString();
  // Product "bombed": 40 ordinary reviews over 80 days, then 15 one-star reviews within 5 hours.
  // Product "busy": as many low ratings in one day, but that is its normal daily rate.
  const records = [
    ...Array.from({ length: 40 }, (_, i) =>
      inputRecord({
        review_id: `b-old-${i}`,
        product_id: 'bombed',
        user_id: `u-old-${i}`,
        star_rating: i % 8 === 0 ? 1 : 5,
        review_text: `Solid build and clear sound, review number ${i}.`,
        created_at: iso(i * 2 * DAY),
      }),
    ),
    ...Array.from({ length: 15 }, (_, i) =>
      inputRecord({
        review_id: `b-burst-${i}`,
        product_id: 'bombed',
        user_id: `u-burst-${i}`,
        star_rating: 1,
        review_text: `Do not buy this, terrible quality ${i}.`,
        created_at: iso(90 * DAY + i * 20 * 60_000),
      }),
    ),
    ...Array.from({ length: 15 * 10 }, (_, i) =>
      inputRecord({
        review_id: `busy-${i}`,
        product_id: 'busy',
        user_id: `u-busy-${i}`,
        star_rating: 1,
        review_text: `Broke after a week of use, unit ${i}.`,
        created_at: iso(80 * DAY + i * 1.6 * HOUR),
      }),
    ),
  ];

  it('flags the burst with a reason, keeps it queryable, and is idempotent on re-ingest', async () => {
    const path = writeTempFile(dir, 'in.jsonl', toJsonl(records));
    const first = await ingest(store.db, openFileSource(path), { runId: 'run-1', defaultLanguage: 'en' });
    expect(first.flags_by_reason.review_bombing).toBe(15);
    const flagged = await store.db
      .selectFrom('review_flags')
      .select(['review_id', 'product_id', 'detail'])
      .where('reason', '=', 'review_bombing')
      .orderBy('review_id')
      .execute();
    expect(new Set(flagged.map((row) => row.product_id))).toEqual(new Set(['bombed']));
    expect(flagged.map((row) => row.review_id).sort()).toEqual(
      Array.from({ length: 15 }, (_, i) => `b-burst-${i}`).sort(),
    );
    expect(flagged[0]!.detail).toMatch(/^15 ratings ≤ 2 within 24h/);
    const stored = await store.db
      .selectFrom('reviews')
      .select(['flags', 'indexed_hash'])
      .where('review_id', '=', 'b-burst-3')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ flags: 'review_bombing', indexed_hash: null });

    const again = await ingest(store.db, openFileSource(path), { runId: 'run-2', defaultLanguage: 'en' });
    expect(again).toMatchObject({ reviews_unchanged: records.length, reviews_updated: 0, products_changed: 0 });
    expect(again.flags_by_reason.review_bombing).toBeUndefined();
    const rows = await store.db
      .selectFrom('review_flags')
      .select('id')
      .where('reason', '=', 'review_bombing')
      .execute();
    expect(rows).toHaveLength(15);
  });

  it('finds a burst that arrives across two daily batches', async () => {
    const firstDay = records.filter(
      (r) => !String(r.review_id).startsWith('b-burst-') || Number(String(r.review_id).slice(8)) < 6,
    );
    const secondDay = records.filter(
      (r) => String(r.review_id).startsWith('b-burst-') && Number(String(r.review_id).slice(8)) >= 6,
    );
    const day1 = await ingest(store.db, openFileSource(writeTempFile(dir, 'd1.jsonl', toJsonl(firstDay))), {
      runId: 'day-1',
      defaultLanguage: 'en',
    });
    expect(day1.flags_by_reason.review_bombing).toBeUndefined();
    const day2 = await ingest(store.db, openFileSource(writeTempFile(dir, 'd2.jsonl', toJsonl(secondDay))), {
      runId: 'day-2',
      defaultLanguage: 'en',
    });
    // The 6 reviews of the first day are part of the burst too.
    expect(day2.flags_by_reason.review_bombing).toBe(15);
  });
});
