import type { Kysely } from 'kysely';
import { isSupportedLanguage, type Language } from '../domain/languages.js';
import { mulberry32 } from '../sample/prng.js';
import { activatePolarityModel } from '../store/polarity-models.js';
import type { Database } from '../store/schema.js';
import { type PolarityAccuracy, polarityAccuracy } from './evaluate-polarity.js';
import {
  type LabelledText,
  type LanguageWeights,
  LINEAR_SENTIMENT_FORMAT,
  type LinearSentimentWeights,
  linearSentiment,
  linearSentimentId,
  serializeLinearSentiment,
} from './linear-sentiment.js';
import { QUICK_GRID, type TuningGrid, trainTunedLinearSentiment } from './polarity-tuning.js';
import { lexiconSentiment, type SentimentModel } from './sentiment.js';

/**
 * A language gets a trained model only with this many star-labelled (1–2 / 4–5) reviews, and this many of each
 * side; below it the lexicon scores it. With fewer, the held-out check is too small to catch a bad model.
 */
export const MIN_LABELLED_PER_LANGUAGE = 100;
export const MIN_PER_CLASS = 25;
/** A trained language must not be clearly worse than the lexicon on its held-out reviews. */
export const MAX_LOSS_VS_LEXICON = 0.05;

export interface LanguageTrainingReport {
  readonly labelled: number;
  readonly negative: number;
  readonly positive: number;
  /** Whether the index stage uses the trained model for this language (else: lexicon). */
  readonly used: boolean;
  readonly reason?: string;
  readonly epochs?: number;
  readonly learning_rate?: number;
  readonly inner_accuracy?: number;
  readonly held_out?: { trained: PolarityAccuracy; lexicon: PolarityAccuracy; incumbent?: PolarityAccuracy };
}

export interface StorePolarityTraining {
  /** Only the languages that passed the thresholds. */
  readonly model: LinearSentimentWeights;
  readonly modelId: string;
  readonly serialized: string;
  readonly trainReviews: number;
  readonly languages: Partial<Record<Language, LanguageTrainingReport>>;
}

/** A stable 1-in-5 hold-out by review id, so re-training on a grown store keeps old test reviews in test. */
function heldOut(reviewId: string): boolean {
  let h = 0;
  for (let i = 0; i < reviewId.length; i++) h = (Math.imul(h, 31) + reviewId.charCodeAt(i)) | 0;
  return (h >>> 0) % 5 === 0;
}

/**
 * Training reads at most this many reviews per language (and a quarter of it held out): a linear model on hashed
 * n-grams gains little beyond tens of thousands of examples, and the batch retrains automatically, so a store of
 * millions must not be loaded into memory for it.
 */
export const MAX_TRAIN_PER_LANGUAGE = 20_000;
const PAGE = 5000;

interface LanguageSample {
  train: LabelledText[];
  test: LabelledText[];
  /** All labelled reviews of the language, sampled or not. */
  labelled: number;
  negative: number;
  seenTrain: number;
  seenTest: number;
}

/** The reviews polarity is trained on: unflagged (no spam, duplicates, toxicity), 1–2 or 4–5 stars. */
export function labelledReviews(db: Kysely<Database>) {
  return db.selectFrom('reviews').where('flags', '=', '').where('star_rating', '!=', 3);
}

/** Algorithm R: every item seen so far has the same chance to be in the `cap`-sized sample. */
function reservoirAdd<T>(sample: T[], item: T, seen: number, cap: number, random: () => number): void {
  if (sample.length < cap) sample.push(item);
  else {
    const slot = Math.floor(random() * seen);
    if (slot < cap) sample[slot] = item;
  }
}

/**
 * The store's unflagged 1–2 / 4–5-star reviews per language, paged by review id (one page in memory), split by
 * the stable hold-out and sampled down to the caps with a fixed seed: the same store gives the same sample.
 */
export async function sampleLabelledReviews(
  db: Kysely<Database>,
  maxTrain = MAX_TRAIN_PER_LANGUAGE,
): Promise<Map<Language, LanguageSample>> {
  const random = mulberry32(20_261_129);
  const byLanguage = new Map<Language, LanguageSample>();
  let after = '';
  for (;;) {
    const rows = await labelledReviews(db)
      .select(['review_id', 'review_text', 'language', 'star_rating'])
      .where('review_id', '>', after)
      .orderBy('review_id')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      if (!isSupportedLanguage(row.language)) continue;
      let sample = byLanguage.get(row.language);
      if (!sample) {
        sample = { train: [], test: [], labelled: 0, negative: 0, seenTrain: 0, seenTest: 0 };
        byLanguage.set(row.language, sample);
      }
      sample.labelled += 1;
      if (row.star_rating <= 2) sample.negative += 1;
      const item = { text: row.review_text, language: row.language, stars: row.star_rating };
      if (heldOut(row.review_id)) {
        sample.seenTest += 1;
        reservoirAdd(sample.test, item, sample.seenTest, Math.ceil(maxTrain / 4), random);
      } else {
        sample.seenTrain += 1;
        reservoirAdd(sample.train, item, sample.seenTrain, maxTrain, random);
      }
    }
    if (rows.length < PAGE) return byLanguage;
    after = rows[rows.length - 1]!.review_id;
  }
}

/**
 * Trains the linear polarity model on the user's own store: star ratings are the weak labels, flagged
 * reviews (spam, duplicates, toxicity) are left out. This — never a research-only corpus — is the shipped path.
 * Hyperparameters are chosen by inner folds of the training four-fifths; the held-out fifth only measures.
 */
export async function trainPolarityFromStore(
  db: Kysely<Database>,
  grid: TuningGrid = QUICK_GRID,
  /** The model in use, measured on the same held-out reviews, so a retrain can be compared with it. */
  incumbent?: SentimentModel,
): Promise<StorePolarityTraining> {
  const byLanguage = await sampleLabelledReviews(db);
  const languages: Partial<Record<Language, LanguageTrainingReport>> = {};
  const weights: Partial<Record<Language, LanguageWeights>> = {};
  let bits = 18;
  let trainReviews = 0;
  for (const [language, { train, test, labelled, negative }] of byLanguage) {
    const counts = { labelled, negative, positive: labelled - negative };
    if (labelled < MIN_LABELLED_PER_LANGUAGE || Math.min(negative, labelled - negative) < MIN_PER_CLASS) {
      languages[language] = {
        ...counts,
        used: false,
        reason: `needs ${MIN_LABELLED_PER_LANGUAGE} star-labelled reviews, ${MIN_PER_CLASS} of each side`,
      };
      continue;
    }
    const tuned = trainTunedLinearSentiment(train, grid);
    bits = tuned.model.bits;
    const chosen = tuned.chosen[language]!;
    const trained = polarityAccuracy(linearSentiment(tuned.model), test);
    const lexicon = polarityAccuracy(lexiconSentiment, test);
    const used = trained.accuracy >= lexicon.accuracy - MAX_LOSS_VS_LEXICON;
    languages[language] = {
      ...counts,
      used,
      ...(used ? {} : { reason: 'held-out accuracy below the lexicon' }),
      epochs: chosen.epochs,
      learning_rate: chosen.learningRate,
      inner_accuracy: chosen.innerAccuracy,
      held_out: { trained, lexicon, ...(incumbent ? { incumbent: polarityAccuracy(incumbent, test) } : {}) },
    };
    if (used) {
      weights[language] = tuned.model.languages[language]!;
      trainReviews += train.length;
    }
  }
  const model = { bits, languages: weights };
  const serialized = serializeLinearSentiment(model);
  return { model, modelId: linearSentimentId(serialized), serialized, trainReviews, languages };
}

/**
 * Trains on the store and, when at least one language passed, stores the artifact as the active model: the
 * next index run scores (and re-scores) chunks with it. Returns the training result either way.
 */
export async function trainAndActivatePolarity(
  db: Kysely<Database>,
  grid: TuningGrid = QUICK_GRID,
): Promise<StorePolarityTraining & { activated: boolean }> {
  const result = await trainPolarityFromStore(db, grid);
  const activated = Object.keys(result.model.languages).length > 0;
  if (activated) {
    await activatePolarityModel(db, {
      modelId: result.modelId,
      format: LINEAR_SENTIMENT_FORMAT,
      artifact: result.serialized,
      report: { train_reviews: result.trainReviews, languages: result.languages },
    });
  }
  return { ...result, activated };
}
