import { BALANCE_NEGATIVE_SHARE } from '../../summarize/summarizer.js';
import type { EvalClaim } from '../system-output.js';

export interface BalanceScores {
  /** Negative claims among positive + negative claims; null when the output has no polar claim. */
  readonly summary_negative_share: number | null;
  /** Reviews rated 1–2 stars among all reviews. */
  readonly reviews_negative_share: number;
  /** |summary − reviews|; lower is better; null with no polar claim. */
  readonly balance_gap: number | null;
  /** 1/0 whether a con is present when ≥ 20% of reviews are negative; null when the rule does not apply. */
  readonly cons_when_needed: number | null;
}

export function balance(claims: readonly EvalClaim[], starRatings: readonly number[]): BalanceScores {
  const negative = claims.filter((c) => c.polarity === 'negative').length;
  const polar = negative + claims.filter((c) => c.polarity === 'positive').length;
  const reviewsShare = starRatings.length === 0 ? 0 : starRatings.filter((s) => s <= 2).length / starRatings.length;
  const summaryShare = polar === 0 ? null : negative / polar;
  return {
    summary_negative_share: summaryShare,
    reviews_negative_share: reviewsShare,
    balance_gap: summaryShare === null ? null : Math.abs(summaryShare - reviewsShare),
    cons_when_needed: reviewsShare >= BALANCE_NEGATIVE_SHARE ? (negative > 0 ? 1 : 0) : null,
  };
}
