import { hash } from 'node:crypto';
import type { Review } from '../domain/review.js';

/**
 * Sets the flags and the content hash over every stored field including the flag reasons.
 * Kept apart from prepare-review.ts so the ingest main thread can re-hash a review flagged as a duplicate
 * without loading the language and PII detectors (those live in the prepare worker).
 */
export function withFlags(review: Review, flags: NonNullable<Review['flags']>): Review {
  const { contentHash: _ignored, flags: _old, ...stored } = review;
  const reasons = flags.map((flag) => flag.reason);
  // One-shot hash() of the concatenation: the same digest as two update() calls, without a Hash object.
  const contentHash = hash('sha1', JSON.stringify(stored) + reasons.join(','), 'base64url');
  return { ...stored, contentHash, flags };
}
