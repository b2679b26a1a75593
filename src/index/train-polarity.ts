import type { Kysely } from 'kysely';
import { isSupportedLanguage } from '../domain/languages.js';
import type { Database } from '../store/schema.js';
import { type PolarityAccuracy, polarityAccuracy } from './evaluate-polarity.js';
import {
  type LabelledText,
  type LinearSentimentWeights,
  linearSentiment,
  trainLinearSentiment,
} from './linear-sentiment.js';
import { lexiconSentiment } from './sentiment.js';

export interface StorePolarityTraining {
  readonly model: LinearSentimentWeights;
  /** Per language, on the held-out fifth of the store's reviews (by review id), trained vs lexicon. */
  readonly heldOut: Record<string, { trained: PolarityAccuracy; lexicon: PolarityAccuracy }>;
  readonly trainReviews: number;
}

/** A stable 1-in-5 hold-out by review id, so re-training on a grown store keeps old test reviews in test. */
function heldOut(reviewId: string): boolean {
  let h = 0;
  for (let i = 0; i < reviewId.length; i++) h = (Math.imul(h, 31) + reviewId.charCodeAt(i)) | 0;
  return (h >>> 0) % 5 === 0;
}

/**
 * Trains the linear polarity model on the user's own store: star ratings are the weak labels, flagged
 * reviews (spam, duplicates, toxicity) are left out. This — never a research-only corpus — is the shipped path.
 */
export async function trainPolarityFromStore(db: Kysely<Database>): Promise<StorePolarityTraining> {
  const rows = await db
    .selectFrom('reviews')
    .select(['review_id', 'review_text', 'language', 'star_rating'])
    .where('flags', '=', '')
    .where('star_rating', '!=', 3)
    .execute();
  const train: LabelledText[] = [];
  const test: LabelledText[] = [];
  for (const row of rows) {
    if (!isSupportedLanguage(row.language)) continue;
    const item = { text: row.review_text, language: row.language, stars: row.star_rating };
    (heldOut(row.review_id) ? test : train).push(item);
  }
  const model = trainLinearSentiment(train);
  const trained = linearSentiment(model);
  const result: StorePolarityTraining['heldOut'] = {};
  for (const language of new Set(test.map((t) => t.language))) {
    const slice = test.filter((t) => t.language === language);
    result[language] = {
      trained: polarityAccuracy(trained, slice),
      lexicon: polarityAccuracy(lexiconSentiment, slice),
    };
  }
  return { model, heldOut: result, trainReviews: train.length };
}
