import type { EmbeddedChunk } from '../../domain/chunk.js';
import type { SystemOutput } from '../system-output.js';
import { DEFAULT_BASELINE_WORDS, extractiveOutput } from './word-budget.js';

/**
 * "First sentences" baseline: the first chunk (sentence-aligned) of each review in input order, then the
 * second of each, … until the word budget. What a reader gets by skimming the openings.
 */
export function firstSentences(chunks: readonly EmbeddedChunk[], maxWords = DEFAULT_BASELINE_WORDS): SystemOutput {
  const ordered = [...chunks].sort(
    (a, b) => a.position - b.position || (a.reviewId < b.reviewId ? -1 : a.reviewId > b.reviewId ? 1 : 0),
  );
  return extractiveOutput(ordered, ordered, maxWords);
}
