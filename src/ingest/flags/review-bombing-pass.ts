import { type Kysely, sql } from 'kysely';
import type { Database } from '../../store/schema.js';
import { DEFAULT_BOMBING, findReviewBombing, type RatedReview, type ReviewBombingOptions } from './review-bombing.js';

const PRODUCTS_PER_QUERY = 200;
const REASON = 'review_bombing';

export interface BombingOutcome {
  /** Reviews that got the review_bombing flag in this pass. */
  readonly flagged: number;
  /** … of which had no flag before (they leave the summaries now). */
  readonly newlyExcluded: number;
}

/**
 * Store-level pass after a batch is written: for every product the batch changed, looks at all of its stored
 * ratings (so a burst spread over several daily batches is still one burst) and flags the low ratings of a
 * burst. The flag is added to `reviews.flags` with a `review_flags` row, and `indexed_hash` is cleared so the
 * index removes the review's chunks. The content hash is left alone: re-ingesting the same record is still
 * "unchanged" and keeps the flag, which is what makes the pass idempotent. Flags are sticky: a later surge
 * of ordinary reviews does not un-flag an earlier burst.
 */
export async function flagReviewBombing(
  db: Kysely<Database>,
  productIds: Iterable<string>,
  runId: string,
  options: ReviewBombingOptions = {},
): Promise<BombingOutcome> {
  const lowRating = options.bombingLowRating ?? DEFAULT_BOMBING.lowRating;
  const ids = [...productIds];
  let flagged = 0;
  let newlyExcluded = 0;
  for (let i = 0; i < ids.length; i += PRODUCTS_PER_QUERY) {
    const chunk = ids.slice(i, i + PRODUCTS_PER_QUERY);
    const rows = await db
      .selectFrom('reviews')
      .select(['product_id', 'review_id', 'created_at', 'star_rating', 'flags'])
      .where('product_id', 'in', chunk)
      .execute();
    const byProduct = new Map<string, { low: RatedReview[]; all: number[] }>();
    const flagsOf = new Map<string, { productId: string; flags: string }>();
    for (const row of rows) {
      const product = byProduct.get(row.product_id) ?? { low: [], all: [] };
      if (product.all.length === 0) byProduct.set(row.product_id, product);
      const createdAt = Date.parse(row.created_at);
      product.all.push(createdAt);
      if (row.star_rating <= lowRating) {
        product.low.push({ reviewId: row.review_id, createdAt });
        flagsOf.set(row.review_id, { productId: row.product_id, flags: row.flags });
      }
    }
    const toFlag: { reviewId: string; productId: string; detail: string; wasIncluded: boolean }[] = [];
    for (const product of byProduct.values()) {
      const bursts = findReviewBombing(product, options);
      for (const [reviewId, detail] of bursts) {
        const current = flagsOf.get(reviewId)!;
        if (current.flags.split(',').includes(REASON)) continue;
        toFlag.push({ reviewId, productId: current.productId, detail, wasIncluded: current.flags === '' });
      }
    }
    if (toFlag.length === 0) continue;
    const now = new Date().toISOString();
    await db.transaction().execute(async (trx) => {
      for (let j = 0; j < toFlag.length; j += 500) {
        const slice = toFlag.slice(j, j + 500);
        await trx
          .updateTable('reviews')
          .set({
            flags: sql<string>`case when flags = '' then cast(${REASON} as text) else flags || cast(${`,${REASON}`} as text) end`,
            indexed_hash: null,
          })
          .where(
            'review_id',
            'in',
            slice.map((entry) => entry.reviewId),
          )
          .execute();
        await trx
          .insertInto('review_flags')
          .values(
            slice.map((entry) => ({
              review_id: entry.reviewId,
              product_id: entry.productId,
              run_id: runId,
              reason: REASON,
              detail: entry.detail,
              created_at: now,
            })),
          )
          .execute();
      }
    });
    flagged += toFlag.length;
    newlyExcluded += toFlag.filter((entry) => entry.wasIncluded).length;
  }
  return { flagged, newlyExcluded };
}
