import type { Kysely } from 'kysely';
import type { Language } from '../domain/languages.js';
import type { Rejection, Review } from '../domain/review.js';
import { type RejectRow, writeReviewBatch } from '../store/reviews.js';
import type { Database } from '../store/schema.js';
import { type BatchCheckOptions, BatchChecks } from './batch-checks.js';
import { DuplicateDetector, type DuplicateOptions } from './flags/duplicates.js';
import type { GuardOptions } from './flags/flag-reasons.js';
import type { TextSignature } from './flags/text-signature.js';
import { HeapCap } from './heap-cap.js';
import type { PreparedRecord } from './prepare-batch.js';
import { createPreparer } from './prepare-pool.js';
import { withFlags } from './review-hash.js';
import { SnapshotWriter } from './snapshot-writer.js';
import type { ReviewSource, SourceItem } from './sources/source-item.js';

export interface IngestOptions extends GuardOptions, DuplicateOptions, BatchCheckOptions {
  readonly runId: string;
  readonly defaultLanguage: Language;
  /**
   * Reviews per transaction (default 5,000). Larger batches dirty each page of the random-key indexes
   * (review ids, text hashes) once for more reviews: at 1,000 the commits' page writes were most of the
   * store's cost in `bench:ingest`.
   */
  readonly batchSize?: number;
  readonly onProgress?: (counts: IngestCounts) => void;
  /** Write a Parquet snapshot + manifest of the accepted reviews into this folder (see snapshot-writer.ts). */
  readonly snapshotsDir?: string;
  /** Every accepted batch (after flagging). */
  readonly onBatch?: (reviews: readonly Review[]) => void;
  /**
   * Worker threads for the per-review preparation (clean, language, PII, content flags, hashes); 0 (default)
   * prepares in the calling thread. Each worker loads its own language models (~230 MB RSS). Falls back to
   * the calling thread when no compiled worker script exists (running from TypeScript sources).
   */
  readonly prepareWorkers?: number;
  /** The compiled prepare-worker.js to run (default: the one next to this module). */
  readonly prepareWorkerScript?: URL;
}

/** Records per message to a prepare worker: large enough to amortise messaging, small enough to keep RSS flat. */
const PREPARE_CHUNK = 250;
/** Chunks in flight per worker: the queue that bounds memory (backpressure on the source). */
const CHUNKS_IN_FLIGHT_PER_WORKER = 3;

/** Items of one chunk in input order; only records go to the preparer. */
interface Chunk {
  readonly items: SourceItem[];
  readonly prepared: Promise<PreparedRecord[]>;
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
  const batchSize = options.batchSize ?? 2500;
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
  const preparer = createPreparer(
    {
      options: {
        defaultLanguage: options.defaultLanguage,
        languages: options.expectations?.languages,
        minWords: options.minWords,
        toxicityThreshold: options.toxicityThreshold,
        toxicityMode: options.toxicityMode,
      },
      now: Date.now(),
    },
    options.prepareWorkers ?? 0,
    options.prepareWorkerScript,
  );
  const snapshot = options.snapshotsDir ? new SnapshotWriter(options.snapshotsDir, options.runId, source.name) : null;
  const duplicateDetector = new DuplicateDetector(db, options);
  const batchChecks = new BatchChecks(db, options.runId, options);
  // Batch runs with workers are long: keep the main heap near its live size too (see heap-cap.ts). 64 MB of
  // headroom: since the prepare worker no longer holds eld's object graph, 100k reviews peak at ~360 MB with it
  // (16 MB: ~295 MB, but 4× the forced full collections; docs/ingest.md, throughput round 4).
  const heap = (options.prepareWorkers ?? 0) > 0 ? new HeapCap(64 * 1024 * 1024) : null;
  let batch = new Map<string, { review: Review; signature: TextSignature; position: number; raw: string }>();
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
    // The batch's signatures are committed with its reviews (one transaction per batch).
    const { flags: duplicates, signatures } = await duplicateDetector.judge(
      entries.map((entry) => ({
        reviewId: entry.review.reviewId,
        productId: entry.review.productId,
        userId: entry.review.userId,
        text: entry.review.reviewText,
        signature: entry.signature,
      })),
    );
    for (const entry of entries) {
      const duplicate = duplicates.get(entry.review.reviewId);
      // The content hash covers every flag, so it is computed here, once the duplicate flag is known.
      entry.review = withFlags(
        entry.review,
        duplicate ? [...(entry.review.flags ?? []), duplicate] : (entry.review.flags ?? []),
      );
      const flags = entry.review.flags ?? [];
      if (flags.length > 0) counts.reviews_flagged += 1;
      for (const flag of flags) counts.flags_by_reason[flag.reason] = (counts.flags_by_reason[flag.reason] ?? 0) + 1;
    }

    const outcome = await writeReviewBatch(
      db,
      options.runId,
      entries.map((entry) => entry.review),
      rejects,
      signatures,
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
    heap?.check();
    options.onProgress?.(counts);
  };

  /** The sequential part, in input order: dead-letters, in-input duplicate ids, batching. */
  const consume = async (item: SourceItem, prepared: PreparedRecord | undefined) => {
    counts.reviews_read += 1;
    if (item.kind === 'record') batchChecks.observeRecord(item.fields);
    if (item.kind === 'reject') {
      reject(item.position, item.raw, item.rejection);
    } else if (!prepared!.ok) {
      reject(item.position, item.raw, prepared!.rejection);
    } else if (batch.has(prepared!.review.reviewId)) {
      reject(item.position, item.raw, {
        reason: 'duplicate_id',
        detail: `review_id "${prepared!.review.reviewId}" appeared earlier in this input`,
      });
    } else {
      counts.reviews_accepted += 1;
      batch.set(prepared!.review.reviewId, {
        review: prepared!.review,
        signature: prepared!.signature,
        position: item.position,
        raw: item.raw,
      });
    }
    if (batch.size >= batchSize || rejects.length >= batchSize) await flush();
  };

  const consumeChunk = async (chunk: Chunk) => {
    const prepared = await chunk.prepared;
    let next = 0;
    for (const item of chunk.items) await consume(item, item.kind === 'record' ? prepared[next++] : undefined);
  };

  const inFlight: Chunk[] = [];
  // A flush writes a whole batch while the event loop cannot feed the workers: keep a batch's worth of chunks
  // queued on top, or the workers idle through every flush (with 3 chunks for a 5,000-review batch the two
  // threads overlapped so little that the wall time was the sum of their CPU times, not the larger one).
  const workers = options.prepareWorkers ?? 0;
  const maxInFlight = workers === 0 ? 1 : Math.ceil(batchSize / PREPARE_CHUNK) + workers * CHUNKS_IN_FLIGHT_PER_WORKER;
  let items: SourceItem[] = [];
  let records: Record<string, unknown>[] = [];
  const submit = async () => {
    inFlight.push({ items, prepared: preparer.prepare(records) });
    items = [];
    records = [];
    while (inFlight.length >= maxInFlight) await consumeChunk(inFlight.shift()!);
  };
  try {
    for await (const item of source.items()) {
      items.push(item);
      if (item.kind === 'record') records.push(item.fields);
      if (items.length >= PREPARE_CHUNK) await submit();
    }
    if (items.length > 0) await submit();
    while (inFlight.length > 0) await consumeChunk(inFlight.shift()!);
  } finally {
    // A failed run must not leave chunks whose rejection nobody awaits.
    for (const chunk of inFlight) chunk.prepared.catch(() => {});
    await preparer.close();
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
