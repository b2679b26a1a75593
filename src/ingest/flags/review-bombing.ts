/**
 * Review bombing: a burst of low ratings for one product in a short window, measured against that product's
 * own baseline (a bestseller with 50 one-star reviews a day is not bombed by 60; a niche product with one a
 * month is by 12). Pure detection here; review-bombing-pass.ts applies it to the store after a batch.
 */
import { lowerBound, upperBound } from '../../util/sorted-search.js';

export interface ReviewBombingOptions {
  /** Length of the burst window in hours (default 24). */
  readonly bombingWindowHours?: number;
  /** A burst needs at least this many low ratings in one window (default 10). */
  readonly bombingMinLowRatings?: number;
  /** … and at least this many times the product's usual low ratings per window (default 5). */
  readonly bombingRatio?: number;
  /** Ratings up to this value count as low (default 2). */
  readonly bombingLowRating?: number;
}

export const DEFAULT_BOMBING = {
  windowHours: 24,
  minLowRatings: 10,
  ratio: 5,
  lowRating: 2,
} as const;

const HOUR_MS = 3_600_000;

export interface RatedReview {
  readonly reviewId: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
}

export interface ProductRatings {
  /** The product's low-rated reviews (any order). */
  readonly low: readonly RatedReview[];
  /** Creation times of all the product's reviews, any rating (any order): its history. */
  readonly all: readonly number[];
}

/**
 * Low-rated reviews that fall into a burst window, each with the reason. A window [t, t + W] holding c low
 * ratings is a burst when c ≥ minLowRatings and c ≥ ratio × max(1, baseline), where baseline is the product's
 * low ratings outside the window per window length over the rest of its history (at least one window long, so
 * a product whose whole history is one busy day is compared with itself, not with zero). Without a baseline
 * there is nothing to burst against: the product needs at least minLowRatings reviews (any rating) outside
 * the window, so a launch day (or a file whose reviews all carry one timestamp) is never called bombing.
 */
export function findReviewBombing(product: ProductRatings, options: ReviewBombingOptions = {}): Map<string, string> {
  const windowHours = options.bombingWindowHours ?? DEFAULT_BOMBING.windowHours;
  const windowMs = windowHours * HOUR_MS;
  const minLow = options.bombingMinLowRatings ?? DEFAULT_BOMBING.minLowRatings;
  const ratio = options.bombingRatio ?? DEFAULT_BOMBING.ratio;
  const flagged = new Map<string, string>();
  if (product.low.length < minLow) return flagged;

  const low = [...product.low].sort((a, b) => a.createdAt - b.createdAt);
  const all = Float64Array.from(product.all).sort();
  const restOfHistory = Math.max(all[all.length - 1]! - all[0]! - windowMs, windowMs);
  let start = 0;
  for (let end = 0; end < low.length; end++) {
    while (low[end]!.createdAt - low[start]!.createdAt > windowMs) start++;
    const inWindow = end - start + 1;
    if (inWindow < minLow) continue;
    const baseline = ((low.length - inWindow) / restOfHistory) * windowMs;
    if (inWindow < ratio * Math.max(1, baseline)) continue;
    const from = low[start]!.createdAt;
    const outside = all.length - (upperBound(all, low[end]!.createdAt) - lowerBound(all, from));
    if (outside < minLow) continue;
    const detail =
      `${inWindow} ratings ≤ ${options.bombingLowRating ?? DEFAULT_BOMBING.lowRating} within ${windowHours}h from ${new Date(from).toISOString()}; ` +
      `product baseline ${baseline.toFixed(2)} per ${windowHours}h`;
    for (let i = start; i <= end; i++) {
      // The largest burst a review belongs to explains it best.
      const id = low[i]!.reviewId;
      const previous = flagged.get(id);
      if (previous === undefined || Number.parseInt(previous, 10) < inWindow) flagged.set(id, detail);
    }
  }
  return flagged;
}
