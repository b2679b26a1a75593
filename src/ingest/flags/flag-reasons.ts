import type { Language } from '../../domain/languages.js';
import { dedupKey, keyWordCount } from '../clean-text.js';
import { DEFAULT_TOXICITY_THRESHOLD, toxicityScore } from '../toxicity.js';

/**
 * Reasons a stored review is kept out of chunks and summaries. Flagged reviews are stored (with the reason in
 * `reviews.flags` and a row in `review_flags`) so the decision is visible and reversible.
 */
export const FLAG_REASONS = [
  'too_short',
  'toxic',
  'duplicate',
  'near_duplicate',
  'user_repost',
  'review_bombing',
  // The review came in a batch that failed its expectations (expectations/quarantine.ts).
  'batch_failed',
] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

export interface Flag {
  readonly reason: FlagReason;
  readonly detail: string;
}

export interface GuardOptions {
  /** Minimum words after cleaning, per language (default 5 for every language). */
  readonly minWords?: Partial<Record<Language, number>>;
  readonly toxicityThreshold?: number;
  /** 'flag' keeps toxic reviews stored but out of summaries; 'exclude' rejects them (reason `toxic`). */
  readonly toxicityMode?: 'flag' | 'exclude';
}

export const DEFAULT_MIN_WORDS = 5;

export function wordCount(text: string, key = dedupKey(text)): number {
  return keyWordCount(key);
}

/** Flags that depend on the review alone: too short, toxic. */
export function contentFlags(
  text: string,
  language: Language,
  options: GuardOptions = {},
  key = dedupKey(text),
): Flag[] {
  const flags: Flag[] = [];
  const minWords = options.minWords?.[language] ?? DEFAULT_MIN_WORDS;
  const words = wordCount(text, key);
  if (words < minWords) flags.push({ reason: 'too_short', detail: `${words} words < ${minWords}` });
  const toxicity = toxicityScore(text, language, key);
  const threshold = options.toxicityThreshold ?? DEFAULT_TOXICITY_THRESHOLD;
  if (toxicity.score >= threshold) {
    flags.push({
      reason: 'toxic',
      detail: `score ${toxicity.score.toFixed(2)} ≥ ${threshold} (${toxicity.hits} listed words)`,
    });
  }
  return flags;
}
