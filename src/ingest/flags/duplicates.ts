/**
 * Exact and near-duplicate detection across the whole store without holding texts in memory: each review's
 * signature (sha1 of the dedup key + 64-bit SimHash) is stored once, and one batch is checked with two indexed
 * lookups (text hashes; SimHash bands). Memory is bounded by the batch. The first review of a text stays
 * included; later copies are flagged:
 *  - user_repost: the same user posted the same text on another product,
 *  - duplicate: the same text from another review,
 *  - near_duplicate: SimHash within Hamming distance 3 of another review (texts of ≥ 8 words only: short
 *    texts share too many shingles by chance and are already handled by too_short).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { dedupKey } from '../clean-text.js';
import type { Flag } from './flag-reasons.js';
import { bands, fromHex, hamming, NEAR_DUPLICATE_DISTANCE, type SimHash, simhash, toHex } from './simhash.js';

export interface SignatureInput {
  readonly reviewId: string;
  readonly productId: string;
  readonly userId: string | null;
  readonly text: string;
}

interface Signature {
  review_id: string;
  product_id: string;
  user_id: string | null;
  text_hash: string;
  simhash: string;
  hash: SimHash;
  words: number;
}

const MIN_NEAR_DUPLICATE_WORDS = 8;
const IN_LIMIT = 900;

function signatureOf(input: SignatureInput): Signature {
  const key = dedupKey(input.text);
  const hash = simhash(key);
  return {
    review_id: input.reviewId,
    product_id: input.productId,
    user_id: input.userId,
    text_hash: createHash('sha1').update(key).digest('base64url'),
    simhash: toHex(hash),
    hash,
    words: key === '' ? 0 : key.split(' ').length,
  };
}

function exactFlag(self: Signature, other: { review_id: string; product_id: string; user_id: string | null }): Flag {
  if (self.user_id !== null && other.user_id === self.user_id && other.product_id !== self.product_id) {
    return { reason: 'user_repost', detail: `same text as ${other.review_id} by the same user on ${other.product_id}` };
  }
  return { reason: 'duplicate', detail: `same text as ${other.review_id}` };
}

/**
 * Flags duplicates in one batch (against the store and earlier reviews of the batch) and stores the new
 * signatures. Reviews already signed (re-ingest) keep their earlier verdict source: they are compared with
 * every OTHER review only.
 */
export async function flagDuplicates(
  db: Kysely<Database>,
  inputs: readonly SignatureInput[],
): Promise<Map<string, Flag>> {
  const flags = new Map<string, Flag>();
  if (inputs.length === 0) return flags;
  const signatures = inputs.map(signatureOf);

  const known = new Map<string, Flag | null>();
  const changed: string[] = [];
  const byHash = new Map<string, { review_id: string; product_id: string; user_id: string | null }>();
  const candidates = new Map<string, SimHash>();
  for (let i = 0; i < signatures.length; i += IN_LIMIT) {
    const part = signatures.slice(i, i + IN_LIMIT);
    for (const row of await db
      .selectFrom('text_signatures')
      .select(['review_id', 'product_id', 'user_id', 'text_hash'])
      .where('text_hash', 'in', [...new Set(part.map((s) => s.text_hash))])
      .orderBy('review_id')
      .execute()) {
      if (!byHash.has(row.text_hash)) byHash.set(row.text_hash, row);
    }
    for (const row of await db
      .selectFrom('text_signatures')
      .select(['review_id', 'text_hash', 'verdict', 'verdict_detail'])
      .where(
        'review_id',
        'in',
        part.map((s) => s.review_id),
      )
      .execute()) {
      // An edited text is judged again (its old signature is replaced below).
      const self = part.find((s) => s.review_id === row.review_id);
      if (self && self.text_hash !== row.text_hash) {
        changed.push(row.review_id);
        continue;
      }
      known.set(
        row.review_id,
        row.verdict === '' ? null : { reason: row.verdict as Flag['reason'], detail: row.verdict_detail },
      );
    }
    const bandKeys = [
      ...new Set(part.filter((s) => s.words >= MIN_NEAR_DUPLICATE_WORDS).flatMap((s) => bands(s.hash))),
    ];
    for (let j = 0; j < bandKeys.length; j += IN_LIMIT) {
      for (const row of await db
        .selectFrom('signature_bands')
        .innerJoin('text_signatures', 'text_signatures.review_id', 'signature_bands.review_id')
        .select(['text_signatures.review_id', 'text_signatures.simhash'])
        .where('signature_bands.band', 'in', bandKeys.slice(j, j + IN_LIMIT))
        .execute()) {
        candidates.set(row.review_id, fromHex(row.simhash));
      }
    }
  }

  // Within the batch: earlier reviews count as "stored" for later ones.
  const batchBands = new Map<number, Signature[]>();
  for (const self of signatures) {
    const earlier = byHash.get(self.text_hash);
    if (known.has(self.review_id)) {
      // Re-ingest: the verdict made when the review was first seen stands (first seen = original).
      const verdict = known.get(self.review_id);
      if (verdict) flags.set(self.review_id, verdict);
    } else if (earlier && earlier.review_id !== self.review_id) {
      flags.set(self.review_id, exactFlag(self, earlier));
    } else if (self.words >= MIN_NEAR_DUPLICATE_WORDS) {
      let near: string | undefined;
      for (const band of bands(self.hash)) {
        for (const other of batchBands.get(band) ?? []) {
          if (hamming(self.hash, other.hash) <= NEAR_DUPLICATE_DISTANCE) near = other.review_id;
        }
      }
      if (!near) {
        for (const [otherId, otherHash] of candidates) {
          if (otherId !== self.review_id && hamming(self.hash, otherHash) <= NEAR_DUPLICATE_DISTANCE) {
            near = otherId;
            break;
          }
        }
      }
      if (near) flags.set(self.review_id, { reason: 'near_duplicate', detail: `near-identical to ${near}` });
    }
    if (!byHash.has(self.text_hash)) byHash.set(self.text_hash, self);
    if (self.words >= MIN_NEAR_DUPLICATE_WORDS) {
      for (const band of bands(self.hash)) {
        const list = batchBands.get(band) ?? [];
        list.push(self);
        batchBands.set(band, list);
      }
    }
  }

  if (changed.length > 0) {
    await db.deleteFrom('signature_bands').where('review_id', 'in', changed).execute();
    await db.deleteFrom('text_signatures').where('review_id', 'in', changed).execute();
  }
  const fresh = signatures.filter((s) => !known.has(s.review_id));
  for (let i = 0; i < fresh.length; i += 150) {
    const part = fresh.slice(i, i + 150);
    await db
      .insertInto('text_signatures')
      .values(
        part.map(({ review_id, product_id, user_id, text_hash, simhash }) => ({
          review_id,
          product_id,
          user_id,
          text_hash,
          simhash,
          verdict: flags.get(review_id)?.reason ?? '',
          verdict_detail: flags.get(review_id)?.detail ?? '',
        })),
      )
      .execute();
    const bandRows = part
      .filter((s) => s.words >= MIN_NEAR_DUPLICATE_WORDS)
      .flatMap((s) => bands(s.hash).map((band) => ({ band, review_id: s.review_id })));
    if (bandRows.length > 0) await db.insertInto('signature_bands').values(bandRows).execute();
  }
  return flags;
}
