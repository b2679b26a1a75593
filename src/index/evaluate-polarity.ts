import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Language } from '../domain/languages.js';
import { type LabelledText, linearSentiment, type TrainOptions, trainLinearSentiment } from './linear-sentiment.js';
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

function wilson(correct: number, n: number): [number, number] {
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

/**
 * Train on one half of each language's reviews (row_index ≡ 0 mod 4), test on the other half (≡ 2 mod 4);
 * the lexicon model is scored on the same test half for comparison.
 */
export function evaluatePolarityHalves(
  files: readonly { path: string; language: Language }[],
  options: TrainOptions = {},
): Record<string, { trained: PolarityAccuracy; lexicon: PolarityAccuracy; trainN: number }> {
  const result: Record<string, { trained: PolarityAccuracy; lexicon: PolarityAccuracy; trainN: number }> = {};
  for (const { path, language } of files) {
    const rows = readStarCsv(path, language);
    const train = rows.filter((r) => r.rowIndex % 4 === 0);
    const test = rows.filter((r) => r.rowIndex % 4 !== 0);
    const model = linearSentiment(trainLinearSentiment(train, options));
    result[language] = {
      trained: polarityAccuracy(model, test),
      lexicon: polarityAccuracy(lexiconSentiment, test),
      trainN: train.filter((r) => r.stars !== 3).length,
    };
  }
  return result;
}
