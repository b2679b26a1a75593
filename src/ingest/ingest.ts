import type { Kysely } from 'kysely';
import type { Language } from '../domain/languages.js';
import type { Rejection, Review } from '../domain/review.js';
import { type RejectRow, writeReviewBatch } from '../store/reviews.js';
import type { Database } from '../store/schema.js';
import { type BatchCheckOptions, BatchChecks } from './batch-checks.js';
import { validateRecord } from './contract.js';
import { DuplicateDetector, type DuplicateOptions } from './flags/duplicates.js';
import type { GuardOptions } from './flags/flag-reasons.js';
import { initLanguageId } from './language-id.js';
import { prepareReview, withFlags } from './prepare-review.js';
import { SnapshotWriter } from './snapshot-writer.js';
import type { ReviewSource } from './sources/source-item.js';

export interface IngestOptions extends GuardOptions, DuplicateOptions, BatchCheckOptions {
  readonly runId: string;
  readonly defaultLanguage: Language;
  /** Reviews per transaction. */
  readonly batchSize?: number;
  readonly onProgress?: (counts: IngestCounts) => void;
  /** Write a Parquet snapshot + manifest of the accepted reviews into this folder (see snapshot-writer.ts). */
  readonly snapshotsDir?: string;
  /** Every accepted batch (after flagging). */
  readonly onBatch?: (reviews: readonly Review[]) => void;
}

export interface IngestCounts {
  reviews_read: number;
  reviews_accepted: number;
  reviews_rejected: number;
  reviews_inserted: number;
  reviews_updated: number;
  reviews_unchanged: number;
  products_changed: number;
  rejects_by_reason: Record<string, number>;
  /** Accepted reviews kept out of summaries, by flag reason (a review may have several). */
  flags_by_reason: Record<string, number>;
  reviews_flagged: number;
  snapshot_id?: string;
  /** Batch expectations: passed or not, and which failed (details in the snapshot manifest). */
  expectations?: { success: boolean; failed: string[] };
}

export class EmptyInputError extends Error {
  readonly code = 'RL_ERR_EMPTY_INPUT';
}

/**
 * The ingest stage: reads a source, validates and prepares each record, and writes reviews and rejects
 * in batches. Memory is bounded by the batch size. Invariant: reviews_read = accepted + rejected.
 */
export async function ingest(
  db: Kysely<Database>,
  source: ReviewSource,
  options: IngestOptions,
): Promise<IngestCounts> {
  const batchSize = options.batchSize ?? 1000;
  const counts: IngestCounts = {
    reviews_read: 0,
    reviews_accepted: 0,
    reviews_rejected: 0,
    reviews_inserted: 0,
    reviews_updated: 0,
    reviews_unchanged: 0,
    products_changed: 0,
    rejects_by_reason: {},
    flags_by_reason: {},
    reviews_flagged: 0,
  };
  await initLanguageId();
  const snapshot = options.snapshotsDir ? new SnapshotWriter(options.snapshotsDir, options.runId, source.name) : null;
  const duplicateDetector = new DuplicateDetector(db, options);
  const batchChecks = new BatchChecks(db, options.runId, options);
  const now = Date.now();
  let batch = new Map<string, { review: Review; position: number; raw: string; dedupKey: string }>();
  let rejects: RejectRow[] = [];

  const reject = (position: number, raw: string, rejection: Rejection) => {
    counts.reviews_rejected += 1;
    counts.rejects_by_reason[rejection.reason] = (counts.rejects_by_reason[rejection.reason] ?? 0) + 1;
    rejects.push({
      run_id: options.runId,
      source: source.name,
      position,
      reason: rejection.reason,
      detail: rejection.detail,
      raw,
      created_at: new Date().toISOString(),
    });
  };

  const flush = async () => {
    const entries = [...batch.values()];
    const duplicates = await duplicateDetector.flag(
      entries.map((entry) => ({
        reviewId: entry.review.reviewId,
        productId: entry.review.productId,
        userId: entry.review.userId,
        text: entry.review.reviewText,
        dedupKey: entry.dedupKey,
      })),
    );
    for (const entry of entries) {
      const duplicate = duplicates.get(entry.review.reviewId);
      const flags = duplicate ? [...(entry.review.flags ?? []), duplicate] : (entry.review.flags ?? []);
      // The content hash covers the flags, so it is computed once, after the last flag is known.
      entry.review = withFlags(entry.review, flags);
      if (flags.length > 0) counts.reviews_flagged += 1;
      for (const flag of flags) counts.flags_by_reason[flag.reason] = (counts.flags_by_reason[flag.reason] ?? 0) + 1;
    }

    const outcome = await writeReviewBatch(
      db,
      options.runId,
      entries.map((entry) => entry.review),
      rejects,
    );
    // Duplicates of ids accepted in an earlier batch of this run are only known after the lookup.
    if (outcome.duplicates.length > 0) {
      const duplicateIds = new Set(outcome.duplicates.map((review) => review.reviewId));
      rejects = [];
      for (const entry of entries) {
        if (!duplicateIds.has(entry.review.reviewId)) continue;
        counts.reviews_accepted -= 1;
        reject(entry.position, entry.raw, {
          reason: 'duplicate_id',
          detail: `review_id "${entry.review.reviewId}" appeared earlier in this input`,
        });
      }
      await writeReviewBatch(db, options.runId, [], rejects);
    }
    const rejectedIds = new Set(outcome.duplicates.map((review) => review.reviewId));
    const accepted = entries.filter((entry) => !rejectedIds.has(entry.review.reviewId)).map((entry) => entry.review);
    options.onBatch?.(accepted);
    batchChecks.afterWrite(accepted, outcome.changedProductIds);
    snapshot?.add(accepted);
    counts.reviews_inserted += outcome.inserted;
    counts.reviews_updated += outcome.updated;
    counts.reviews_unchanged += outcome.unchanged;
    counts.products_changed += outcome.changedProducts;
    batch = new Map();
    rejects = [];
    options.onProgress?.(counts);
  };

  for await (const item of source.items()) {
    counts.reviews_read += 1;
    if (item.kind === 'reject') {
      reject(item.position, item.raw, item.rejection);
    } else {
      batchChecks.observeRecord(item.fields);
      const result = validateRecord(item.fields, now);
      const prepared = result.ok ? prepareReview(result.record, options) : result;
      if (!prepared.ok) {
        reject(item.position, item.raw, prepared.rejection);
      } else if (batch.has(prepared.review.reviewId)) {
        reject(item.position, item.raw, {
          reason: 'duplicate_id',
          detail: `review_id "${prepared.review.reviewId}" appeared earlier in this input`,
        });
      } else {
        counts.reviews_accepted += 1;
        batch.set(prepared.review.reviewId, {
          review: prepared.review,
          position: item.position,
          raw: item.raw,
          dedupKey: prepared.dedupKey,
        });
      }
    }
    if (batch.size >= batchSize || rejects.length >= batchSize) await flush();
  }
  await flush();

  if (counts.reviews_read === 0) {
    throw new EmptyInputError(`the input ${source.name} holds no records`);
  }
  // Batch-level checks (expectations, review bombing) once every review is prepared and written.
  const checked = await batchChecks.finish(counts);
  for (const [reason, n] of Object.entries(checked.flagsAdded)) {
    counts.flags_by_reason[reason] = (counts.flags_by_reason[reason] ?? 0) + n;
  }
  counts.reviews_flagged += checked.newlyExcluded;
  counts.expectations = {
    success: checked.expectations.success,
    failed: checked.expectations.results.filter((r) => !r.success).map((r) => r.expectation_type),
  };
  if (snapshot) {
    counts.snapshot_id = (
      await snapshot.finish(db, counts.rejects_by_reason, {
        expectations: checked.expectations,
        flagsAdded: checked.flagsAdded,
      })
    ).snapshot_id;
  }
  batchChecks.assertPassed();
  return counts;
}
