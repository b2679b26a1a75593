import { getOrCreate } from '../util/maps.js';
import type { OpinionChunk } from './load.js';
import { weekOf } from './load.js';

export interface AspectQuote {
  readonly chunk_id: string;
  readonly review_id: string;
  readonly product_id: string;
  readonly text: string;
  readonly star_rating: number;
  readonly helpful_votes: number;
  readonly verified_purchase: boolean;
}

export interface AspectInsight {
  readonly aspect: string;
  /** Distinct reviews with a positive / negative / neutral mention of the aspect. */
  readonly positive: number;
  readonly negative: number;
  readonly neutral: number;
  /** Share of the scope's reviews that mention the aspect. */
  readonly share_of_reviews: number;
  /** Average star rating of the reviews that mention it. */
  readonly avg_rating: number;
  readonly quotes: { readonly positive: readonly AspectQuote[]; readonly negative: readonly AspectQuote[] };
  /** Week (Monday, YYYY-MM-DD) → mentions by polarity, oldest first. */
  readonly trend: readonly { week: string; positive: number; negative: number; neutral: number }[];
}

export interface AspectAnalyticsOptions {
  /** Aspects mentioned by fewer reviews are not shown (too little evidence to act on). */
  readonly minSupport: number;
  readonly quotesPerPolarity: number;
}

export const DEFAULT_ANALYTICS_OPTIONS: AspectAnalyticsOptions = { minSupport: 3, quotesPerPolarity: 3 };

/** A quote shoppers and analysts trust: verified, helpful, of a readable length. */
const quoteScore = (chunk: OpinionChunk) =>
  Math.log1p(chunk.helpfulVotes) +
  (chunk.verifiedPurchase ? 1 : 0) +
  (chunk.text.length >= 30 && chunk.text.length <= 200 ? 0.5 : 0);

function toQuote(chunk: OpinionChunk): AspectQuote {
  return {
    chunk_id: chunk.chunkId,
    review_id: chunk.reviewId,
    product_id: chunk.productId,
    text: chunk.text,
    star_rating: chunk.starRating,
    helpful_votes: chunk.helpfulVotes,
    verified_purchase: chunk.verifiedPurchase,
  };
}

/**
 * Per-aspect analytics over a set of chunks (a product or a category). Aspect ids are language-independent
 * (the taxonomy maps every language's words to one id), so mentions in all languages add up.
 */
export function aspectAnalytics(
  chunks: readonly OpinionChunk[],
  options: AspectAnalyticsOptions = DEFAULT_ANALYTICS_OPTIONS,
): { reviews: number; aspects: AspectInsight[] } {
  const reviewRating = new Map<string, number>();
  const byAspect = new Map<string, OpinionChunk[]>();
  for (const chunk of chunks) {
    reviewRating.set(chunk.reviewId, chunk.starRating);
    for (const aspect of chunk.aspects) {
      const list = getOrCreate(byAspect, aspect, () => []);
      list.push(chunk);
    }
  }
  const totalReviews = reviewRating.size;
  const aspects: AspectInsight[] = [];
  for (const [aspect, list] of byAspect) {
    const reviews = { positive: new Set<string>(), negative: new Set<string>(), neutral: new Set<string>() };
    const weeks = new Map<string, { positive: Set<string>; negative: Set<string>; neutral: Set<string> }>();
    for (const chunk of list) {
      reviews[chunk.polarity].add(chunk.reviewId);
      const week = weekOf(chunk.createdAt);
      const bucket = getOrCreate(weeks, week, () => ({ positive: new Set(), negative: new Set(), neutral: new Set() }));
      bucket[chunk.polarity].add(chunk.reviewId);
    }
    const mentioning = new Set(list.map((chunk) => chunk.reviewId));
    if (mentioning.size < options.minSupport) continue;
    const ratingSum = [...mentioning].reduce((sum, id) => sum + (reviewRating.get(id) ?? 0), 0);
    const quotes = (polarity: 'positive' | 'negative') =>
      list
        .filter((chunk) => chunk.polarity === polarity)
        .sort((a, b) => quoteScore(b) - quoteScore(a) || (a.chunkId < b.chunkId ? -1 : 1))
        .slice(0, options.quotesPerPolarity)
        .map(toQuote);
    aspects.push({
      aspect,
      positive: reviews.positive.size,
      negative: reviews.negative.size,
      neutral: reviews.neutral.size,
      share_of_reviews: totalReviews === 0 ? 0 : mentioning.size / totalReviews,
      avg_rating: Math.round((ratingSum / mentioning.size) * 100) / 100,
      quotes: { positive: quotes('positive'), negative: quotes('negative') },
      trend: [...weeks.entries()]
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([week, b]) => ({ week, positive: b.positive.size, negative: b.negative.size, neutral: b.neutral.size })),
    });
  }
  aspects.sort(
    (a, b) =>
      b.positive + b.negative + b.neutral - (a.positive + a.negative + a.neutral) || (a.aspect < b.aspect ? -1 : 1),
  );
  return { reviews: totalReviews, aspects };
}
