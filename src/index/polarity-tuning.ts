import type { Language } from '../domain/languages.js';
import {
  DEFAULT_TRAIN_OPTIONS,
  fitLanguage,
  type LabelledText,
  type LanguageWeights,
  type LinearSentimentWeights,
  type PolarityRow,
  polarityRows,
  SentimentTrainingError,
  type TrainOptions,
} from './linear-sentiment.js';

/**
 * Hyperparameters chosen by k-fold validation *inside the training data*, never on the data the model is
 * measured on. Epochs come free: one run per (fold, learning rate) is scored after each epoch.
 */
export interface TuningGrid {
  readonly learningRates: readonly number[];
  readonly epochs: readonly number[];
  readonly folds: number;
}

/** For an evaluation (~1,000 reviews per language: a few seconds each). */
export const FULL_GRID: TuningGrid = { learningRates: [1, 2, 4], epochs: [4, 8, 12, 16, 24], folds: 4 };
/**
 * For `npm start` and small stores: cheap enough to run before the first summaries (SGD passes dominate the
 * cost; on a few hundred reviews per language the inner folds mostly pick few epochs anyway).
 */
export const QUICK_GRID: TuningGrid = { learningRates: [2], epochs: [4, 8], folds: 3 };

export interface TunedLanguage {
  readonly epochs: number;
  readonly learningRate: number;
  /** Accuracy of the chosen setting over the inner validation folds. */
  readonly innerAccuracy: number;
  readonly trainN: number;
}

export interface TunedModel {
  readonly model: LinearSentimentWeights;
  readonly chosen: Partial<Record<Language, TunedLanguage>>;
}

function tuneLanguage(
  rows: readonly PolarityRow[],
  grid: TuningGrid,
  options: TrainOptions,
): { epochs: number; learningRate: number; innerAccuracy: number } {
  const maxEpochs = Math.max(...grid.epochs);
  const wanted = new Set(grid.epochs);
  let best = { epochs: grid.epochs[0]!, learningRate: grid.learningRates[0]!, correct: -1 };
  for (const learningRate of grid.learningRates) {
    const correct = new Map<number, number>();
    for (let fold = 0; fold < grid.folds; fold++) {
      const train = rows.filter((_, i) => i % grid.folds !== fold);
      const validation = rows.filter((_, i) => i % grid.folds === fold);
      if (train.length === 0 || validation.length === 0) continue;
      fitLanguage(train, { ...options, epochs: maxEpochs, learningRate }, (epoch, score) => {
        if (!wanted.has(epoch)) return;
        const right = validation.filter((row) => score(row) > 0 === (row.y === 1)).length;
        correct.set(epoch, (correct.get(epoch) ?? 0) + right);
      });
    }
    // Ties go to the first setting in grid order (fewer epochs, smaller rate): the more regularised one.
    for (const epochs of grid.epochs) {
      const c = correct.get(epochs) ?? 0;
      if (c > best.correct) best = { epochs, learningRate, correct: c };
    }
  }
  return { epochs: best.epochs, learningRate: best.learningRate, innerAccuracy: best.correct / rows.length };
}

/** Per language: tune on inner folds of `data`, then fit on all of `data` with the chosen setting. */
export function trainTunedLinearSentiment(
  data: readonly LabelledText[],
  grid: TuningGrid = FULL_GRID,
  options: TrainOptions = {},
): TunedModel {
  const bits = options.bits ?? DEFAULT_TRAIN_OPTIONS.bits;
  const byLanguage = polarityRows(data, bits);
  if (byLanguage.size === 0) throw new SentimentTrainingError('no 1–2 or 4–5 star texts to train on');
  const languages: Partial<Record<Language, LanguageWeights>> = {};
  const chosen: Partial<Record<Language, TunedLanguage>> = {};
  for (const [language, rows] of byLanguage) {
    const setting = tuneLanguage(rows, grid, { ...options, bits });
    languages[language] = fitLanguage(rows, {
      ...options,
      bits,
      epochs: setting.epochs,
      learningRate: setting.learningRate,
    });
    chosen[language] = { ...setting, trainN: rows.length };
  }
  return { model: { bits, languages }, chosen };
}
