import type { Language } from './languages.js';

/**
 * A review as it is stored after ingestion: validated, cleaned, normalised and redacted.
 * `reviewText` never contains raw HTML or the PII the ingest redactor recognises.
 */
export interface Review {
  readonly reviewId: string;
  readonly productId: string;
  readonly starRating: 1 | 2 | 3 | 4 | 5;
  readonly title: string | null;
  readonly reviewText: string;
  /** ISO 8601 in UTC. */
  readonly createdAt: string;
  readonly userId: string | null;
  readonly helpfulVotes: number;
  readonly verifiedPurchase: boolean;
  readonly language: Language;
  /** Where `language` came from: the input record, or the detector. */
  readonly languageSource: 'input' | 'detected' | 'default';
  readonly category: string | null;
  readonly productName: string | null;
  /** Input columns outside the contract, kept verbatim. */
  readonly metadata: Readonly<Record<string, unknown>>;
  /** Hash of everything above that matters downstream; a changed hash means re-index and re-summarize. */
  readonly contentHash: string;
  /** Flag reason codes (too_short, toxic, duplicate, …); a flagged review is kept out of summaries. */
  readonly flags?: readonly { readonly reason: string; readonly detail: string }[];
}

/** Reason codes for records that break the input contract (dead-letter table). */
export const REJECT_REASONS = [
  'invalid_utf8',
  'malformed_record',
  'missing_field',
  'invalid_field',
  'bad_rating',
  'bad_date',
  'duplicate_id',
  'empty_text',
  'toxic',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export interface Rejection {
  readonly reason: RejectReason;
  /** Human-readable detail: which field, what was wrong. Never contains the review text. */
  readonly detail: string;
}
