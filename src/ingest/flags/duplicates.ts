/**
 * Exact and near-duplicate detection across the whole store without holding texts in memory. Each review's
 * signature (sha1 of the dedup key, sha1 of user + dedup key, 64-bit SimHash) is stored once in
 * `text_signatures`; one batch is checked with indexed lookups for exact copies, and against a bounded
 * in-memory SimHash index (near-duplicate-index.ts) for near copies. The first review of a text stays
 * included; later copies are flagged:
 *  - user_repost: the same user posted the same text again (on another product, or the same one) — always,
 *    however short the text,
 *  - duplicate: the same text from another user — only when the text is distinctive (≥ `minDistinctiveWords`
 *    words, default 10): "Great product!" from many customers is normal in a shop, not spam,
 *  - near_duplicate: SimHash within Hamming distance 3 of a recent review, distinctive texts only.
 */
import type { Kysely } from 'kysely';
import type { SignatureWrites } from '../../store/review-batch-ops.js';
import type { Database } from '../../store/schema.js';
import {
  firstWithHash,
  forEachSignatureKey,
  signatureCountBound,
  storedVerdicts,
  writeTextSignatures,
} from '../../store/text-signatures.js';
import { dedupKey } from '../clean-text.js';
import type { Flag } from './flag-reasons.js';
import { HashFilter } from './hash-filter.js';
import { DEFAULT_NEAR_DUPLICATE_WINDOW, NearDuplicateIndex } from './near-duplicate-index.js';
import { fromHex, type SimHash } from './simhash.js';
import { type StoreNearDuplicateWindow, storeNearDuplicateWindow } from './store-near-duplicates.js';
import { type TextSignature, textSignature } from './text-signature.js';

export type { TextSignature } from './text-signature.js';

export interface SignatureInput {
  readonly reviewId: string;
  readonly productId: string;
  readonly userId: string | null;
  readonly text: string;
  /** The text signature when already computed (by the ingest prepare worker, off the main thread). */
  readonly signature?: TextSignature;
}

export interface DuplicateOptions {
  /** Texts from different users count as duplicates only from this many words on (default 10). */
  readonly minDistinctiveWords?: number;
  /** Most recent signatures kept in memory for near-duplicate lookup (default 500,000). */
  readonly nearDuplicateWindow?: number;
}

export const DEFAULT_MIN_DISTINCTIVE_WORDS = 10;

interface Signature {
  review_id: string;
  product_id: string;
  user_id: string | null;
  text_hash: string;
  user_hash: string | null;
  simhash: string;
  hash: SimHash;
  words: number;
}

interface Earlier {
  review_id: string;
  product_id: string;
}

function signatureOf(input: SignatureInput): Signature {
  const text = input.signature ?? textSignature(dedupKey(input.text), input.userId);
  return {
    review_id: input.reviewId,
    product_id: input.productId,
    user_id: input.userId,
    text_hash: text.text_hash,
    user_hash: text.user_hash,
    simhash: text.simhash,
    hash: fromHex(text.simhash),
    words: text.words,
  };
}

function repostFlag(other: Earlier, self: Signature): Flag {
  return other.product_id === self.product_id
    ? { reason: 'user_repost', detail: `same text as ${other.review_id} by the same user on the same product` }
    : { reason: 'user_repost', detail: `same text as ${other.review_id} by the same user on ${other.product_id}` };
}

/**
 * The hash filters are built once this run has judged at least this share of the stored signatures: a scan
 * costs ~1 µs per stored row, the three point lookups it saves ~3–5 µs each per judged review (SQLite,
 * docs/ingest.md). Small runs on a big store (an HTTP batch) never scan.
 */
const FILTER_BUILD_SHARE = 1 / 4;

/** "Definitely not stored" for review ids, text and user hashes; everything added since the scan is in them too. */
interface HashFilters {
  readonly review: HashFilter;
  readonly text: HashFilter;
  readonly user: HashFilter;
}

/** The in-batch index's first size (ingest batches are 2,500 by default); a larger batch grows it. */
const BATCH_INDEX_CAPACITY = 5000;

/**
 * One detector per ingest run: `flag()` is called once per batch, in input order. Near copies are looked up in
 * the process's window over the store (store-near-duplicates.ts), caught up before each batch, so copies of
 * reviews from earlier batches, runs and processes are found too.
 */
export class DuplicateDetector {
  private readonly minWords: number;
  /** Committed signatures of the whole store, shared by the process's runs. */
  private readonly window: StoreNearDuplicateWindow;
  /** The batch being judged, so its later reviews compare with its earlier ones; cleared per batch. */
  private batchIndex: NearDuplicateIndex;
  private judged = 0;
  private filters: HashFilters | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    options: DuplicateOptions = {},
  ) {
    this.minWords = options.minDistinctiveWords ?? DEFAULT_MIN_DISTINCTIVE_WORDS;
    this.window = storeNearDuplicateWindow(
      db,
      this.minWords,
      options.nearDuplicateWindow ?? DEFAULT_NEAR_DUPLICATE_WINDOW,
    );
    this.batchIndex = new NearDuplicateIndex(BATCH_INDEX_CAPACITY);
  }

  /**
   * Builds the hash filters once the run is large against the store (SQLite only: PostgreSQL looks hashes up
   * 900 per query, which costs little per hash). Signatures written by another process after the scan are not
   * in the filters, so a copy of one is not flagged: duplicate detection across concurrent writers is best
   * effort (as it already was for transactions in flight); a signature another writer stored first for the
   * same review id is kept (the insert does nothing on that conflict), as a re-ingest would keep it.
   */
  private maybeBuildFilters(batchSize: number): void {
    if (this.filters) return;
    this.judged += batchSize;
    const stored = signatureCountBound(this.db);
    if (stored === undefined || this.judged < stored * FILTER_BUILD_SHARE) return;
    const filters = { review: new HashFilter(), text: new HashFilter(), user: new HashFilter() };
    forEachSignatureKey(this.db, (reviewId, textHash, userHash) => {
      filters.review.add(reviewId);
      filters.text.add(textHash);
      if (userHash !== null) filters.user.add(userHash);
    });
    this.filters = filters;
  }

  /** Flags duplicates in one batch (against the store and earlier reviews of the batch); stores new signatures. */
  async flag(inputs: readonly SignatureInput[]): Promise<Map<string, Flag>> {
    const { flags, signatures } = await this.judge(inputs);
    await writeTextSignatures(this.db, signatures);
    return flags;
  }

  /**
   * Flags duplicates in one batch and returns the signature writes instead of storing them, so the caller can
   * commit them in the same transaction as the batch's reviews (ingest.ts). Call in input order, and store
   * each batch's writes before judging the next.
   */
  async judge(inputs: readonly SignatureInput[]): Promise<{ flags: Map<string, Flag>; signatures: SignatureWrites }> {
    // Earlier batches of this run, and anything other processes committed meanwhile.
    await this.window.catchUp();
    if (inputs.length > this.batchIndex.capacity) this.batchIndex = new NearDuplicateIndex(inputs.length);
    else this.batchIndex.clear();
    const flags = new Map<string, Flag>();
    if (inputs.length === 0) return { flags, signatures: { deleted: [], added: [] } };
    const signatures = inputs.map(signatureOf);
    this.maybeBuildFilters(inputs.length);
    const { review, text, user } = this.filters ?? {};

    // Re-ingest: a review already signed keeps the verdict made when it was first seen (first seen = original).
    const known = new Map<string, Flag | null>();
    const changed: string[] = [];
    const self = new Map(signatures.map((s) => [s.review_id, s]));
    const maybeSigned = [...self.keys()].filter((id) => !review || review.mightContain(id));
    for (const row of await storedVerdicts(this.db, maybeSigned)) {
      // An edited text is judged again (its old signature is replaced below).
      if (self.get(row.review_id)!.text_hash !== row.text_hash) {
        changed.push(row.review_id);
        continue;
      }
      known.set(
        row.review_id,
        row.verdict === '' ? null : { reason: row.verdict as Flag['reason'], detail: row.verdict_detail },
      );
    }
    const byText = new Map<string, Earlier>(
      await firstWithHash(this.db, 'text_hash', [
        ...new Set(
          signatures
            .filter((s) => s.words >= this.minWords && (!text || text.mightContain(s.text_hash)))
            .map((s) => s.text_hash),
        ),
      ]),
    );
    const byUser = new Map<string, Earlier>(
      await firstWithHash(this.db, 'user_hash', [
        ...new Set(
          signatures.flatMap((s) =>
            s.user_hash === null || (user && !user.mightContain(s.user_hash)) ? [] : [s.user_hash],
          ),
        ),
      ]),
    );

    for (const self of signatures) {
      const distinctive = self.words >= this.minWords;
      if (known.has(self.review_id)) {
        const verdict = known.get(self.review_id);
        if (verdict) flags.set(self.review_id, verdict);
      } else {
        const sameUser = self.user_hash === null ? undefined : byUser.get(self.user_hash);
        const sameText = distinctive ? byText.get(self.text_hash) : undefined;
        if (sameUser && sameUser.review_id !== self.review_id) {
          flags.set(self.review_id, repostFlag(sameUser, self));
        } else if (sameText && sameText.review_id !== self.review_id) {
          flags.set(self.review_id, { reason: 'duplicate', detail: `same text as ${sameText.review_id}` });
        } else if (distinctive) {
          const near =
            this.batchIndex.find(self.hash, self.review_id) ?? (await this.window.find(self.hash, self.review_id));
          if (near) flags.set(self.review_id, { reason: 'near_duplicate', detail: `near-identical to ${near}` });
        }
      }
      // Later reviews of this batch compare with earlier ones as if those were stored.
      if (!byText.has(self.text_hash)) byText.set(self.text_hash, self);
      if (self.user_hash !== null && !byUser.has(self.user_hash)) byUser.set(self.user_hash, self);
      if (distinctive && !known.has(self.review_id)) this.batchIndex.add(self.hash, self.review_id);
    }

    const added = signatures
      .filter((s) => !known.has(s.review_id))
      .map(({ review_id, product_id, user_id, text_hash, user_hash, simhash, words }) => ({
        review_id,
        product_id,
        user_id,
        text_hash,
        user_hash,
        simhash,
        words,
        verdict: flags.get(review_id)?.reason ?? '',
        verdict_detail: flags.get(review_id)?.detail ?? '',
      }));
    for (const row of added) {
      review?.add(row.review_id);
      text?.add(row.text_hash);
      if (row.user_hash !== null) user?.add(row.user_hash);
    }
    return { flags, signatures: { deleted: changed, added } };
  }
}
