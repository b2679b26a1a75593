import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Language } from '../domain/languages.js';
import { type LabelledText, linearSentiment, type TrainOptions } from './linear-sentiment.js';
import { FULL_GRID, type TunedLanguage, type TuningGrid, trainTunedLinearSentiment } from './polarity-tuning.js';
import { lexiconSentiment, type SentimentModel } from './sentiment.js';

/** Reads a MARC-style CSV (`row_index,review_body,stars`). */
export function readStarCsv(path: string, language: Language): (LabelledText & { rowIndex: number })[] {
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.map((row) => ({
    rowIndex: Number(row.row_index),
    text: row.review_body ?? '',
    language,
    stars: Number(row.stars),
  }));
}

export interface PolarityAccuracy {
  readonly n: number;
  readonly accuracy: number;
  /** Wilson 95% interval. */
  readonly ci95: readonly [number, number];
}

export function wilson(correct: number, n: number): [number, number] {
  if (n === 0) return [0, 0];
  const z = 1.96;
  const p = correct / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [centre - half, centre + half];
}

/** Accuracy of sign(score) against 1–2 (negative) vs 4–5 (positive) stars; 3 stars are left out. */
export function polarityAccuracy(model: SentimentModel, data: readonly LabelledText[]): PolarityAccuracy {
  const labelled = data.filter((d) => d.stars !== 3);
  const correct = labelled.filter((d) => model.score(d.text, d.language) > 0 === d.stars >= 4).length;
  return {
    n: labelled.length,
    accuracy: correct / Math.max(1, labelled.length),
    ci95: wilson(correct, labelled.length),
  };
}

export interface PolarityHalvesResult {
  readonly trained: PolarityAccuracy;
  readonly lexicon: PolarityAccuracy;
  readonly trainN: number;
  /** Hyperparameters chosen by inner validation on the training half, and their inner accuracy. */
  readonly chosen: TunedLanguage | undefined;
}

/**
 * Trains on one half of each language's reviews (even positions in the file: row parity) and tests on the
 * other half (odd positions). Hyperparameters are chosen by k-fold validation inside the training half only;
 * the test half is scored once. The lexicon model is scored on the same test half for comparison.
 */
export function evaluatePolarityHalves(
  files: readonly { path: string; language: Language }[],
  grid: TuningGrid = FULL_GRID,
  options: TrainOptions = {},
): Record<string, PolarityHalvesResult> {
  const result: Record<string, PolarityHalvesResult> = {};
  for (const { path, language } of files) {
    const rows = readStarCsv(path, language);
    const train = rows.filter((_, i) => i % 2 === 0);
    const test = rows.filter((_, i) => i % 2 === 1);
    const tuned = trainTunedLinearSentiment(train, grid, options);
    const model = linearSentiment(tuned.model);
    result[language] = {
      trained: polarityAccuracy(model, test),
      lexicon: polarityAccuracy(lexiconSentiment, test),
      trainN: train.filter((r) => r.stars !== 3).length,
      chosen: tuned.chosen[language],
    };
  }
  return result;
}
