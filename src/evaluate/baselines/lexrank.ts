import type { EmbeddedChunk } from '../../domain/chunk.js';
import { cosine } from '../../index/embedder.js';
import type { SystemOutput } from '../system-output.js';
import { DEFAULT_BASELINE_WORDS, extractiveOutput } from './word-budget.js';

export interface LexRankParams {
  readonly damping: number;
  readonly iterations: number;
  /** A chunk this similar to one already picked is skipped as redundant. */
  readonly redundancy: number;
  readonly maxWords: number;
}

export const DEFAULT_LEXRANK: LexRankParams = {
  damping: 0.85,
  iterations: 50,
  redundancy: 0.6,
  maxWords: DEFAULT_BASELINE_WORDS,
};

/**
 * Continuous LexRank centrality (Erkan & Radev 2004): PageRank over the cosine-similarity graph of the
 * chunks, using the index's own embeddings so the baseline sees exactly what the pipeline indexed.
 */
export function lexRankScores(chunks: readonly EmbeddedChunk[], params: LexRankParams = DEFAULT_LEXRANK): number[] {
  const n = chunks.length;
  if (n === 0) return [];
  const weights = chunks.map((a, i) =>
    chunks.map((b, j) => (i === j ? 0 : Math.max(0, cosine(a.embedding, b.embedding)))),
  );
  const rowSums = weights.map((row) => row.reduce((s, w) => s + w, 0));
  let scores = new Array<number>(n).fill(1 / n);
  for (let iteration = 0; iteration < params.iterations; iteration++) {
    const next = new Array<number>(n).fill((1 - params.damping) / n);
    for (let i = 0; i < n; i++) {
      const sum = rowSums[i]!;
      for (let j = 0; j < n; j++) {
        // A chunk similar to nothing spreads its score evenly (dangling node).
        const share = sum === 0 ? 1 / n : weights[i]![j]! / sum;
        next[j]! += params.damping * scores[i]! * share;
      }
    }
    scores = next;
  }
  return scores;
}

/** LexRank baseline: most central chunks first, skipping near-duplicates, until the word budget. */
export function lexRank(chunks: readonly EmbeddedChunk[], params: LexRankParams = DEFAULT_LEXRANK): SystemOutput {
  const scores = lexRankScores(chunks, params);
  const ranking = chunks.map((chunk, i) => ({ chunk, score: scores[i]! })).sort((a, b) => b.score - a.score);
  const diverse: EmbeddedChunk[] = [];
  for (const { chunk } of ranking) {
    if (diverse.some((kept) => cosine(kept.embedding, chunk.embedding) > params.redundancy)) continue;
    diverse.push(chunk);
  }
  return extractiveOutput(
    diverse,
    ranking.map((r) => r.chunk),
    params.maxWords,
  );
}
