import type { Category } from '../domain/aspects.js';
import type { Polarity } from '../domain/chunk.js';
import type { Language } from '../domain/languages.js';

/**
 * One review as a raw input record, following the INPUT CONTRACT (snake_case JSON keys). Optional keys are simply
 * absent when the generator decides a feed would not carry them, so ingestion has to cope with their absence.
 */
export interface SampleRecord {
  review_id: string;
  product_id: string;
  star_rating: number;
  review_text: string;
  /** ISO 8601, UTC. */
  created_at: string;
  title?: string;
  user_id?: string;
  helpful_votes?: number;
  verified_purchase?: boolean;
  /** ISO 639-1; present on only about half the records so language detection matters. */
  language?: Language;
  category?: Category;
  product_name?: string;
}

export interface TruthSentence {
  /** The sentence as written (after `&amp;` planting, before HTML tags): strip tags + decode entities to find it. */
  text: string;
  polarity: Polarity;
  /** Aspect id from src/domain/aspects.ts, or null for openers, closers and planted noise. */
  aspect: string | null;
}

export interface TruthPii {
  type: 'EMAIL' | 'PHONE';
  /** Appears verbatim in review_text. */
  value: string;
}

/** What the generator knows about a review, for evaluating ingestion, redaction and summaries. */
export interface SampleTruth {
  review_id: string;
  product_id: string;
  /** The language the text is really written in (even when the record omits `language`). */
  language: Language;
  star_rating: number;
  /** Flaw id (see FLAWS) for every review of a polarized product, null otherwise. */
  polarized_flaw: string | null;
  sentences: TruthSentence[];
  pii: TruthPii[];
  /** Profane words exactly as they appear in review_text. */
  profanity: string[];
  /** review_id of the earlier review whose text this one copies verbatim. */
  duplicate_of: string | null;
  has_html: boolean;
}

export interface SampleItem {
  record: SampleRecord;
  truth: SampleTruth;
}

export interface SampleOptions {
  products: number;
  seed: number;
  /** Inclusive range of reviews per product; defaults to [20, 60]. */
  reviewsPerProduct?: readonly [number, number];
}
