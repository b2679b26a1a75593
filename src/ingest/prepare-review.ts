import { isSupportedLanguage, type Language } from '../domain/languages.js';
import type { Rejection, Review } from '../domain/review.js';
import { cleanReviewText, dedupKey } from './clean-text.js';
import type { ContractRecord } from './contract.js';
import { contentFlags, type GuardOptions } from './flags/flag-reasons.js';
import { detectLanguage } from './language-id.js';
import { redactPii } from './pii.js';

/** `dedupKey` of the stored text, computed once and reused by the flags and the duplicate detector. */
export type PrepareResult = { ok: true; review: Review; dedupKey: string } | { ok: false; rejection: Rejection };

export interface PrepareOptions extends GuardOptions {
  /** The shop's locale: used when a text is too short to identify its language. */
  readonly defaultLanguage: Language;
  /** The shop's configured languages: detection chooses among these only (default: all supported). */
  readonly languages?: readonly Language[];
}

/** "en-GB" and "EN" both mean en. */
function languageCode(value: string): string {
  return value.split(/[-_]/)[0]!.toLowerCase();
}

/**
 * Turns a contract-valid record into a stored review: HTML to text, Unicode/whitespace normalisation,
 * language, then PII redaction (which needs the language to read national phone formats), then content flags.
 */
export function prepareReview(record: ContractRecord, options: PrepareOptions): PrepareResult {
  const cleaned = cleanReviewText(record.reviewText);
  if (cleaned === '') {
    return { ok: false, rejection: { reason: 'empty_text', detail: 'review_text is empty after removing markup' } };
  }

  let language: Language;
  let languageSource: Review['languageSource'];
  if (record.language !== null) {
    const code = languageCode(record.language);
    if (!isSupportedLanguage(code)) {
      return {
        ok: false,
        rejection: {
          reason: 'invalid_field',
          detail: `language "${record.language}" is not one of the shop's languages`,
        },
      };
    }
    language = code;
    languageSource = 'input';
  } else {
    const detected = detectLanguage(cleaned, { fallback: options.defaultLanguage, languages: options.languages });
    language = detected.language;
    languageSource = detected.reliable ? 'detected' : 'default';
  }

  const reviewText = redactPii(cleaned, { language }).text;
  const rawTitle = record.title === null ? '' : cleanReviewText(record.title);
  const title = rawTitle === '' ? null : redactPii(rawTitle, { language }).text;

  const stored = {
    reviewId: record.reviewId,
    productId: record.productId,
    starRating: record.starRating,
    title,
    reviewText,
    createdAt: record.createdAt,
    userId: record.userId,
    helpfulVotes: record.helpfulVotes,
    verifiedPurchase: record.verifiedPurchase,
    language,
    languageSource,
    category: record.category,
    productName: record.productName,
    metadata: record.metadata,
  };
  const key = dedupKey(reviewText);
  const flags = contentFlags(reviewText, language, options, key);
  if (options.toxicityMode === 'exclude' && flags.some((flag) => flag.reason === 'toxic')) {
    return { ok: false, rejection: { reason: 'toxic', detail: flags.find((f) => f.reason === 'toxic')!.detail } };
  }
  // contentHash is set by withFlags() once every flag (including duplicates, known per batch) is decided.
  return { ok: true, review: { ...stored, contentHash: '', flags }, dedupKey: key };
}

export { withFlags } from './review-hash.js';
