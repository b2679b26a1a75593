import { getOrCreate } from '../util/maps.js';
import type { OpinionChunk } from './load.js';
import { weekOf } from './load.js';

export interface EmergingIssue {
  readonly scope: string;
  readonly aspect: string;
  /** First week (Monday) in which the rise was significant. */
  readonly first_seen: string;
  readonly last_seen: string;
  /** Negative mentions and reviews in the first flagged window, and the baseline rate before it. */
  readonly negative_mentions: number;
  readonly reviews: number;
  readonly baseline_rate: number;
  readonly p_value: number;
  readonly quotes: readonly string[];
}

export interface EmergingOptions {
  /** Significance level of the one-sided Poisson test per (scope, aspect, window). */
  readonly alpha: number;
  /** Fewer negative mentions than this in a window are never an issue, however rare the aspect was. */
  readonly minCount: number;
  /** Weeks of history needed before a baseline is trusted. */
  readonly minBaselineWeeks: number;
  /** The observed rate must be at least this multiple of the baseline rate. */
  readonly minRatio: number;
}

export const DEFAULT_EMERGING_OPTIONS: EmergingOptions = {
  alpha: 1e-4,
  minCount: 6,
  minBaselineWeeks: 4,
  minRatio: 2.5,
};

/** P(X ≥ k) for X ~ Poisson(λ), summed in log space for stability. */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  let term = Math.exp(-lambda);
  let below = term;
  for (let i = 1; i < k; i++) {
    term *= lambda / i;
    below += term;
  }
  return Math.max(0, 1 - below);
}

interface Week {
  week: string;
  reviews: Set<string>;
  negative: Map<string, Set<string>>;
  quotes: Map<string, string[]>;
}

/**
 * Detects aspects whose negative mentions rise significantly against their own baseline. Each week, and each
 * two-week window (so a defect that starts late in a week is caught in the next), is tested with a one-sided
 * Poisson test: expected = reviews in the window × the aspect's negative-mention rate in all earlier weeks.
 * The baseline stops growing once an issue is flagged, so a lasting problem does not become the new normal.
 */
export function detectEmergingIssues(
  scope: string,
  chunks: readonly OpinionChunk[],
  options: EmergingOptions = DEFAULT_EMERGING_OPTIONS,
): EmergingIssue[] {
  const weeks = new Map<string, Week>();
  for (const chunk of chunks) {
    const key = weekOf(chunk.createdAt);
    const week = getOrCreate(weeks, key, () => ({
      week: key,
      reviews: new Set(),
      negative: new Map(),
      quotes: new Map(),
    }));
    week.reviews.add(chunk.reviewId);
    if (chunk.polarity !== 'negative') continue;
    for (const aspect of chunk.aspects) {
      const set = getOrCreate(week.negative, aspect, () => new Set());
      set.add(chunk.reviewId);
      const quotes = getOrCreate(week.quotes, aspect, () => []);
      if (quotes.length < 3) quotes.push(chunk.text);
    }
  }
  const ordered = [...weeks.values()].sort((a, b) => (a.week < b.week ? -1 : 1));
  const aspects = new Set(ordered.flatMap((week) => [...week.negative.keys()]));
  const issues: EmergingIssue[] = [];

  for (const aspect of aspects) {
    let baseNegative = 0;
    let baseReviews = 0;
    let baseWeeks = 0;
    let issue: { first: number; last: number; k: number; n: number; rate: number; p: number } | null = null;
    for (let i = 0; i < ordered.length; i++) {
      const week = ordered[i]!;
      const k1 = week.negative.get(aspect)?.size ?? 0;
      const n1 = week.reviews.size;
      if (baseWeeks >= options.minBaselineWeeks && baseReviews > 0) {
        // Half a mention of prior: an aspect never criticised before is not "infinitely" rising.
        const rate = (baseNegative + 0.5) / (baseReviews + 1);
        const previous = issue === null && i > 0 ? ordered[i - 1]! : null;
        const windows: [number, number][] = [[k1, n1]];
        if (previous) windows.push([k1 + (previous.negative.get(aspect)?.size ?? 0), n1 + previous.reviews.size]);
        for (const [k, n] of windows) {
          const p = poissonUpperTail(k, n * rate);
          if (k >= options.minCount && p < options.alpha && k / n >= options.minRatio * rate) {
            if (issue === null) issue = { first: i, last: i, k, n, rate, p };
            else issue.last = i;
            break;
          }
        }
      }
      if (issue === null) {
        baseNegative += k1;
        baseReviews += n1;
        if (n1 > 0) baseWeeks += 1;
      }
    }
    if (issue) {
      issues.push({
        scope,
        aspect,
        first_seen: ordered[issue.first]!.week,
        last_seen: ordered[issue.last]!.week,
        negative_mentions: issue.k,
        reviews: issue.n,
        baseline_rate: Math.round(issue.rate * 1000) / 1000,
        p_value: issue.p,
        quotes: ordered[issue.first]!.quotes.get(aspect) ?? [],
      });
    }
  }
  return issues.sort((a, b) =>
    a.first_seen < b.first_seen ? -1 : a.first_seen > b.first_seen ? 1 : a.aspect < b.aspect ? -1 : 1,
  );
}
