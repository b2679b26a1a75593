/**
 * When to (re)train the store's polarity model, so a deployment's model follows its data without an operator
 * running `reviewlens train polarity`: the batch (`run`, `pipeline batch`, `index`, `npm start`) asks before
 * indexing. A model is trained when none is active and the store has enough star-labelled reviews, or when the
 * labelled reviews grew by `growth` since the active model was trained. A retrained model replaces the active
 * one only if, on the same held-out fifth, no language it scores is worse than the active model by more than
 * `tolerance` (the hold-out is stable by review id, so the active model never trained on those reviews).
 */
import type { Kysely } from 'kysely';
import { DEFAULT_POLARITY_RETRAIN_GROWTH } from '../config.js';
import { SUPPORTED_LANGUAGES } from '../domain/languages.js';
import { activatePolarityModel, activePolarityModelInfo, amendPolarityReport } from '../store/polarity-models.js';
import type { Database } from '../store/schema.js';
import { LINEAR_SENTIMENT_FORMAT } from './linear-sentiment.js';
import { QUICK_GRID, type TuningGrid } from './polarity-tuning.js';
import type { SentimentModel } from './sentiment.js';
import { storeSentiment } from './store-sentiment.js';
import {
  labelledReviews,
  MIN_LABELLED_PER_LANGUAGE,
  type StorePolarityTraining,
  trainPolarityFromStore,
} from './train-polarity.js';

export interface PolarityRetrainOptions {
  /** Retrain once the labelled reviews grew by this share since the active model (default 0.25). */
  readonly growth?: number;
  /** Largest held-out accuracy loss per language a replacement may have (default 0.01). */
  readonly tolerance?: number;
  readonly grid?: TuningGrid;
}

export interface PolarityRetrainDecision {
  /** trained: a new model is active; kept: one was trained but not activated; not_due: nothing was trained. */
  readonly action: 'trained' | 'kept' | 'not_due';
  readonly reason: string;
  /** Star-labelled (1–2 / 4–5), unflagged reviews in the store now, and when the active model was trained. */
  readonly labelled: number;
  readonly labelled_at_training?: number;
  readonly model_id?: string;
}

export const DEFAULT_RETRAIN_TOLERANCE = 0.01;

/** How many reviews training would use (`labelledReviews`, in a supported language). */
async function countLabelledReviews(db: Kysely<Database>): Promise<number> {
  const row = await labelledReviews(db)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('language', 'in', [...SUPPORTED_LANGUAGES])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The labelled count growth is measured from: when the active model was trained (all languages' labelled
 * reviews, used or not), or when a retrain last failed to beat it, so a kept model is not retrained every batch.
 */
function labelledAtTraining(report: Record<string, unknown>): number | undefined {
  if (typeof report.retrain_attempt_labelled === 'number') return report.retrain_attempt_labelled;
  if (typeof report.labelled_total === 'number') return report.labelled_total;
  const languages = report.languages as Record<string, { labelled?: number }> | undefined;
  if (!languages) return undefined;
  return Object.values(languages).reduce((sum, language) => sum + (language.labelled ?? 0), 0);
}

/** Languages the candidate scores worse than the incumbent beyond the tolerance, or stops scoring. */
function regressions(candidate: StorePolarityTraining, incumbentLanguages: readonly string[], tolerance: number) {
  const worse: string[] = [];
  for (const language of incumbentLanguages) {
    if (!(language in candidate.model.languages)) worse.push(`${language} (no longer trained)`);
  }
  for (const [language, report] of Object.entries(candidate.languages)) {
    const held = report?.held_out;
    if (!report?.used || !held?.incumbent) continue;
    if (held.trained.accuracy < held.incumbent.accuracy - tolerance) {
      worse.push(`${language} ${held.trained.accuracy.toFixed(3)} < ${held.incumbent.accuracy.toFixed(3)}`);
    }
  }
  return worse;
}

export async function retrainPolarityIfDue(
  db: Kysely<Database>,
  options: PolarityRetrainOptions = {},
): Promise<PolarityRetrainDecision> {
  const growth = options.growth ?? DEFAULT_POLARITY_RETRAIN_GROWTH;
  const tolerance = options.tolerance ?? DEFAULT_RETRAIN_TOLERANCE;
  const labelled = await countLabelledReviews(db);
  const active = await activePolarityModelInfo(db);
  const before = active ? labelledAtTraining(active.report) : undefined;
  if (!active && labelled < MIN_LABELLED_PER_LANGUAGE) {
    return { action: 'not_due', reason: `needs ${MIN_LABELLED_PER_LANGUAGE} star-labelled reviews`, labelled };
  }
  if (active && before !== undefined && labelled < Math.ceil(before * (1 + growth))) {
    return {
      action: 'not_due',
      reason: `labelled reviews grew less than ${Math.round(growth * 100)} % since the active model`,
      labelled,
      labelled_at_training: before,
      model_id: active.model_id,
    };
  }
  const incumbent = active ? await storeSentiment(db) : undefined;
  const candidate = await trainPolarityFromStore(db, options.grid ?? QUICK_GRID, incumbent);
  const common = { labelled, ...(before === undefined ? {} : { labelled_at_training: before }) };
  if (Object.keys(candidate.model.languages).length === 0) {
    return { action: 'kept', reason: 'no language passed the training thresholds', ...common };
  }
  const incumbentLanguages = Object.entries((active?.report.languages ?? {}) as Record<string, { used?: boolean }>)
    .filter(([, report]) => report.used)
    .map(([language]) => language);
  const worse = active ? regressions(candidate, incumbentLanguages, tolerance) : [];
  if (worse.length > 0) {
    await amendPolarityReport(db, active!.model_id, { retrain_attempt_labelled: labelled });
    return {
      action: 'kept',
      reason: `the retrained model is worse on held-out reviews: ${worse.join(', ')}`,
      ...common,
      model_id: active!.model_id,
    };
  }
  await activatePolarityModel(db, {
    modelId: candidate.modelId,
    format: LINEAR_SENTIMENT_FORMAT,
    artifact: candidate.serialized,
    report: {
      train_reviews: candidate.trainReviews,
      labelled_total: labelled,
      languages: candidate.languages,
      ...(active ? { replaced: active.model_id } : {}),
    },
  });
  return {
    action: 'trained',
    reason: active ? 'labelled reviews grew; the retrained model is not worse' : 'first model for this store',
    ...common,
    model_id: candidate.modelId,
  };
}

export interface BatchPolarity {
  /** What the index stage should score with: the store's active model after the decision. */
  readonly sentiment: SentimentModel;
  readonly decision: PolarityRetrainDecision;
}

/**
 * The batch's polarity step: retrain when due (growth null: automatic retraining is off), then the store's
 * model. `fallback` scores when no model is active (the lexicon by default).
 */
export async function polarityForBatch(
  db: Kysely<Database>,
  growth: number | null,
  fallback?: SentimentModel,
): Promise<BatchPolarity> {
  const decision: PolarityRetrainDecision =
    growth === null
      ? {
          action: 'not_due',
          reason: 'automatic retraining is off (REVIEWLENS_POLARITY_RETRAIN_GROWTH=off)',
          labelled: 0,
        }
      : await retrainPolarityIfDue(db, { growth });
  return { sentiment: await storeSentiment(db, fallback), decision };
}
