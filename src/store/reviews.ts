import { type Kysely, sql } from 'kysely';
import type { Review } from '../domain/review.js';
import type { Database, RejectsTable } from './schema.js';

export type RejectRow = Omit<RejectsTable, 'id'>;

export interface BatchOutcome {
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Reviews whose id was already accepted earlier in the same run. */
  readonly duplicates: readonly Review[];
  readonly changedProducts: number;
  /** Ids of the products with an inserted or changed review (batch-level checks such as review bombing). */
  readonly changedProductIds: readonly string[];
}

function toRow(review: Review, runId: string, now: string) {
  return {
    review_id: review.reviewId,
    product_id: review.productId,
    star_rating: review.starRating,
    title: review.title,
    review_text: review.reviewText,
    created_at: review.createdAt,
    user_id: review.userId,
    helpful_votes: review.helpfulVotes,
    verified_purchase: review.verifiedPurchase ? 1 : 0,
    language: review.language,
    language_source: review.languageSource,
    category: review.category,
    product_name: review.productName,
    metadata: JSON.stringify(review.metadata),
    content_hash: review.contentHash,
    indexed_hash: null,
    last_seen_run: runId,
    ingested_at: now,
    flags: (review.flags ?? []).map((flag) => flag.reason).join(','),
  };
}

/**
 * Upserts one batch of reviews (unique ids within the batch) and its rejects in one transaction.
 * Idempotent: a review whose content hash is unchanged is not rewritten and does not bump its product's
 * revision, so re-ingesting the same file changes nothing downstream.
 */
export async function writeReviewBatch(
  db: Kysely<Database>,
  runId: string,
  reviews: readonly Review[],
  rejects: readonly RejectRow[],
): Promise<BatchOutcome> {
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const existing = new Map<string, { content_hash: string; last_seen_run: string }>();
    if (reviews.length > 0) {
      const rows = await trx
        .selectFrom('reviews')
        .select(['review_id', 'content_hash', 'last_seen_run'])
        .where(
          'review_id',
          'in',
          reviews.map((r) => r.reviewId),
        )
        .execute();
      for (const row of rows) existing.set(row.review_id, row);
    }

    const toInsert: Review[] = [];
    const toUpdate: Review[] = [];
    const unchangedIds: string[] = [];
    const duplicates: Review[] = [];
    for (const review of reviews) {
      const previous = existing.get(review.reviewId);
      if (!previous) toInsert.push(review);
      else if (previous.last_seen_run === runId) duplicates.push(review);
      else if (previous.content_hash !== review.contentHash) toUpdate.push(review);
      else unchangedIds.push(review.reviewId);
    }

    // 20 columns per row: 500 rows stay under SQLite's 32,766 bound-parameter limit.
    for (let i = 0; i < toInsert.length; i += 500) {
      await trx
        .insertInto('reviews')
        .values(toInsert.slice(i, i + 500).map((review) => toRow(review, runId, now)))
        .execute();
    }
    for (const review of toUpdate) {
      const { review_id, ...changes } = toRow(review, runId, now);
      await trx.updateTable('reviews').set(changes).where('review_id', '=', review_id).execute();
    }
    for (let i = 0; i < unchangedIds.length; i += 1000) {
      await trx
        .updateTable('reviews')
        .set({ last_seen_run: runId })
        .where('review_id', 'in', unchangedIds.slice(i, i + 1000))
        .execute();
    }

    const changedProducts = new Map<string, Review>();
    for (const review of [...toInsert, ...toUpdate]) changedProducts.set(review.productId, review);
    for (const review of changedProducts.values()) {
      await trx
        .insertInto('products')
        .values({
          product_id: review.productId,
          product_name: review.productName,
          category: review.category,
          revision: 1,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.column('product_id').doUpdateSet({
            revision: sql`products.revision + 1`,
            product_name: sql`coalesce(excluded.product_name, products.product_name)`,
            category: sql`coalesce(excluded.category, products.category)`,
            updated_at: now,
          }),
        )
        .execute();
    }

    // Flags of reviews written in this batch (inserted or changed) are recorded with their reason.
    const flagRows = [...toInsert, ...toUpdate].flatMap((review) =>
      (review.flags ?? []).map((flag) => ({
        review_id: review.reviewId,
        product_id: review.productId,
        run_id: runId,
        reason: flag.reason,
        detail: flag.detail,
        created_at: now,
      })),
    );
    for (let i = 0; i < flagRows.length; i += 1000) {
      await trx
        .insertInto('review_flags')
        .values(flagRows.slice(i, i + 1000))
        .execute();
    }

    for (let i = 0; i < rejects.length; i += 500) {
      await trx
        .insertInto('rejects')
        .values(rejects.slice(i, i + 500))
        .execute();
    }

    return {
      inserted: toInsert.length,
      updated: toUpdate.length,
      unchanged: unchangedIds.length,
      duplicates,
      changedProducts: changedProducts.size,
      changedProductIds: [...changedProducts.keys()],
    };
  });
}
