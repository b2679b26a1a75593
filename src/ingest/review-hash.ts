import { createHash } from 'node:crypto';
import type { Review } from '../domain/review.js';

/**
 * Sets the flags and the content hash over every stored field including the flag reasons.
 * Kept apart from prepare-review.ts so the ingest main thread can re-hash a review flagged as a duplicate
 * without loading the language and PII detectors (those live in the prepare worker).
 */
export function withFlags(review: Review, flags: NonNullable<Review['flags']>): Review {
  const { contentHash: _ignored, flags: _old, ...stored } = review;
  const reasons = flags.map((flag) => flag.reason);
  const contentHash = createHash('sha1').update(JSON.stringify(stored)).update(reasons.join(',')).digest('base64url');
  return { ...stored, contentHash, flags };
}
