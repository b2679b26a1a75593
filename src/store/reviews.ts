import type { Kysely } from 'kysely';
import type { Review } from '../domain/review.js';
import {
  type ExistingReview,
  inReviewBatch,
  type ProductRow,
  type RejectRow,
  type ReviewRow,
  type SignatureWrites,
} from './review-batch-ops.js';
import type { Database } from './schema.js';

export type { RejectRow, SignatureWrites } from './review-batch-ops.js';

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

function toRow(review: Review, runId: string, now: string): ReviewRow {
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
 * Upserts one batch of reviews (unique ids within the batch), its rejects and the batch's text signatures
 * (duplicate detection) in one transaction.
 * Idempotent: a review whose content hash is unchanged is not rewritten and does not bump its product's
 * revision, so re-ingesting the same file changes nothing downstream.
 */
export async function writeReviewBatch(
  db: Kysely<Database>,
  runId: string,
  reviews: readonly Review[],
  rejects: readonly RejectRow[],
  signatures: SignatureWrites = { deleted: [], added: [] },
): Promise<BatchOutcome> {
  const now = new Date().toISOString();
  return inReviewBatch(db, async (ops) => {
    // Insert first: only the ids that were already stored are looked up (a re-ingest or an update).
    const rows = reviews.map((review) => toRow(review, runId, now));
    const stored = await ops.insertNewReviews(rows);
    const existing = stored.size > 0 ? await ops.existing([...stored]) : new Map<string, ExistingReview>();

    const toInsert: Review[] = [];
    const toUpdate: Review[] = [];
    const updateRows: ReviewRow[] = [];
    const unchangedIds: string[] = [];
    const duplicates: Review[] = [];
    reviews.forEach((review, i) => {
      const previous = existing.get(review.reviewId);
      if (!previous) toInsert.push(review);
      else if (previous.last_seen_run === runId) duplicates.push(review);
      else if (previous.content_hash !== review.contentHash) {
        toUpdate.push(review);
        updateRows.push(rows[i]!);
      } else unchangedIds.push(review.reviewId);
    });

    await ops.updateReviews(updateRows);
    await ops.markSeen(unchangedIds, runId);

    // The last name and category any written review of the product gives (as if upserted review by review, so
    // the result does not depend on the batch size).
    const changedProducts = new Map<string, ProductRow>();
    for (const review of [...toInsert, ...toUpdate]) {
      const known = changedProducts.get(review.productId);
      changedProducts.set(review.productId, {
        product_id: review.productId,
        product_name: review.productName ?? known?.product_name ?? null,
        category: review.category ?? known?.category ?? null,
        updated_at: now,
      });
    }
    await ops.upsertProducts([...changedProducts.values()]);

    // Flags of reviews written in this batch (inserted or changed) are recorded with their reason.
    await ops.insertFlags(
      [...toInsert, ...toUpdate].flatMap((review) =>
        (review.flags ?? []).map((flag) => ({
          review_id: review.reviewId,
          product_id: review.productId,
          run_id: runId,
          reason: flag.reason,
          detail: flag.detail,
          created_at: now,
        })),
      ),
    );
    await ops.insertRejects(rejects);
    await ops.writeSignatures(signatures);

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
