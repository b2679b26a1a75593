import type { EmbeddedChunk } from '../domain/chunk.js';

/** Why a chunk is in the context; recorded so evaluation can see what each slot contributed. */
export type ContextSlot = 'positive' | 'negative' | 'recent' | 'diverse';

export interface ContextChunk {
  readonly chunk: EmbeddedChunk;
  readonly slot: ContextSlot;
}

export interface RetrievalStrategy {
  /** Named and versioned: part of a model version. */
  readonly id: string;
  retrieve(chunks: readonly EmbeddedChunk[], now?: Date): ContextChunk[];
}

export interface BalancedRetrievalParams {
  /** Total context size in chunks. */
  readonly size: number;
  /** Never fewer negative chunks than this when the product has them. */
  readonly minNegative: number;
  /** Chunks reserved for the newest reviews, whatever their polarity. */
  readonly recent: number;
  /** MMR trade-off between relevance (1) and diversity (0). */
  readonly lambda: number;
  /** Rough budget: characters of context (≈ 4 chars per token). */
  readonly maxChars: number;
}

export const DEFAULT_BALANCED_PARAMS: BalancedRetrievalParams = {
  size: 30,
  minNegative: 4,
  recent: 4,
  lambda: 0.7,
  maxChars: 6000,
};

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

const DAY_MS = 86_400_000;

/**
 * Usefulness of a chunk as evidence: helpful votes (log-damped), verified purchase, recency, an aspect,
 * and a length that carries content without rambling.
 */
export function evidenceScore(chunk: EmbeddedChunk, now: number): number {
  const ageDays = Math.max(0, (now - Date.parse(chunk.createdAt)) / DAY_MS);
  const recency = Math.exp(-ageDays / 180);
  const length = chunk.text.length;
  const lengthFit = length < 25 ? 0.2 : length > 220 ? 0.7 : 1;
  const hasAspect = chunk.aspects.length > 0 ? 1 : 0;
  const strength = Math.abs(chunk.sentiment);
  return (
    0.6 * Math.log1p(chunk.helpfulVotes) +
    0.3 * (chunk.verifiedPurchase ? 1 : 0) +
    0.4 * recency +
    0.5 * lengthFit +
    0.6 * hasAspect +
    0.4 * strength
  );
}

/**
 * Maximal marginal relevance: repeatedly take the candidate with the best relevance minus its similarity to
 * what is already chosen, so one aspect cannot fill the context.
 */
export function mmrSelect(
  candidates: readonly { chunk: EmbeddedChunk; score: number }[],
  count: number,
  lambda: number,
  alreadyChosen: readonly EmbeddedChunk[] = [],
): EmbeddedChunk[] {
  if (count <= 0 || candidates.length === 0) return [];
  const maxScore = Math.max(...candidates.map((c) => c.score), 1e-9);
  const pool = candidates.map((c) => ({ chunk: c.chunk, relevance: c.score / maxScore, maxSim: 0 }));
  for (const item of pool) {
    for (const chosen of alreadyChosen)
      item.maxSim = Math.max(item.maxSim, dot(item.chunk.embedding, chosen.embedding));
  }
  const picked: EmbeddedChunk[] = [];
  while (picked.length < count && pool.length > 0) {
    let bestIndex = 0;
    let best = Number.NEGATIVE_INFINITY;
    pool.forEach((item, index) => {
      const value = lambda * item.relevance - (1 - lambda) * item.maxSim;
      if (value > best) {
        best = value;
        bestIndex = index;
      }
    });
    const [next] = pool.splice(bestIndex, 1);
    picked.push(next!.chunk);
    for (const item of pool) item.maxSim = Math.max(item.maxSim, dot(item.chunk.embedding, next!.chunk.embedding));
  }
  return picked;
}

/**
 * `balanced-v1`: quotas follow the product's own sentiment mix (with a floor for negatives so complaints
 * are never crowded out), a slot for the newest reviews, evidence ranking inside each slot, MMR for aspect
 * diversity, then a character budget.
 */
export function balancedRetrieval(params: BalancedRetrievalParams = DEFAULT_BALANCED_PARAMS): RetrievalStrategy {
  return {
    id: 'balanced-v1',
    retrieve(chunks, nowDate = new Date()) {
      const now = nowDate.getTime();
      const scored = chunks.map((chunk) => ({ chunk, score: evidenceScore(chunk, now) }));
      const negatives = scored.filter((c) => c.chunk.polarity === 'negative');
      const positives = scored.filter((c) => c.chunk.polarity === 'positive');
      const opinionated = negatives.length + positives.length;
      const slots = Math.max(0, params.size - params.recent);
      let negativeQuota = opinionated === 0 ? 0 : Math.round((slots * negatives.length) / opinionated);
      negativeQuota = Math.min(negatives.length, Math.max(negativeQuota, params.minNegative));
      const positiveQuota = Math.min(positives.length, slots - negativeQuota);

      const chosen: ContextChunk[] = [];
      const taken = new Set<string>();
      const take = (list: EmbeddedChunk[], slot: ContextSlot) => {
        for (const chunk of list) {
          if (taken.has(chunk.chunkId)) continue;
          taken.add(chunk.chunkId);
          chosen.push({ chunk, slot });
        }
      };
      take(mmrSelect(negatives, negativeQuota, params.lambda), 'negative');
      take(
        mmrSelect(
          positives,
          positiveQuota,
          params.lambda,
          chosen.map((c) => c.chunk),
        ),
        'positive',
      );
      const newest = [...chunks]
        .filter((chunk) => !taken.has(chunk.chunkId))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(0, params.recent);
      take(newest, 'recent');
      // Fill what the quotas left open (e.g. few opinions) with the best remaining evidence, diversely.
      const remaining = scored.filter((c) => !taken.has(c.chunk.chunkId));
      take(
        mmrSelect(
          remaining,
          params.size - chosen.length,
          params.lambda,
          chosen.map((c) => c.chunk),
        ),
        'diverse',
      );

      const budgeted: ContextChunk[] = [];
      let chars = 0;
      for (const item of chosen) {
        if (chars + item.chunk.text.length > params.maxChars) continue;
        chars += item.chunk.text.length;
        budgeted.push(item);
      }
      return budgeted;
    },
  };
}
